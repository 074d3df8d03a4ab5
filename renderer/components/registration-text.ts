import type { RegistrationStatus } from '../sip/types'

export interface RegistrationText {
  label: string
  /** "retrying in 4 s" while a retry is scheduled. */
  retry: string
  detail: string
  tone: 'ok' | 'busy' | 'bad' | 'idle'
}

/** What the indicator says: always the truth. */
export function registrationText(status: RegistrationStatus, now: number): RegistrationText {
  switch (status.state) {
    case 'registered':
      return { label: 'Registered', retry: '', detail: 'Ready to make and take calls', tone: 'ok' }
    case 'connecting':
      return {
        label: 'Connecting…',
        retry: '',
        detail: status.attempt > 1 ? `Attempt ${status.attempt}` : 'Connecting to the phone server',
        tone: 'busy',
      }
    case 'unregistered':
      return { label: 'Not registered', retry: '', detail: 'Not connected to the phone server', tone: 'idle' }
    case 'failed': {
      const label =
        status.reason === 'auth'
          ? 'Wrong password'
          : status.reason === 'unreachable'
            ? 'Server unreachable'
            : status.reason === 'closed'
              ? 'Connection closed'
              : 'Not registered'
      const seconds =
        status.retryAt === undefined ? null : Math.max(0, Math.ceil((status.retryAt - now) / 1000))
      const retry = seconds === null ? '' : seconds > 0 ? `retrying in ${seconds} s` : 'retrying now'
      return { label, retry, detail: status.message, tone: 'bad' }
    }
  }
}
