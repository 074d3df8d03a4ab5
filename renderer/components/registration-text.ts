import { message, type Message } from '../../contract/i18n/message'
import type { CertificateProblem } from '../../contract/schemas'
import type { RegistrationStatus } from '../sip/types'

export interface RegistrationText {
  label: Message
  /** "retrying in 4 s" while a retry is scheduled; null otherwise. */
  retry: Message | null
  detail: Message
  tone: 'ok' | 'busy' | 'bad' | 'idle'
}

const failureLabels = {
  auth: 'registration.label-wrong-password',
  unreachable: 'registration.unreachable',
  closed: 'registration.closed',
  rejected: 'registration.label-unregistered',
  other: 'registration.label-unregistered',
} as const

/**
 * What the indicator says: always the truth, in the catalogue's words. `certificate`: why an
 * unreachable wss:// server was refused, when main could tell (CertificateCheck).
 */
export function registrationText(
  status: RegistrationStatus,
  now: number,
  certificate: CertificateProblem | null = null,
): RegistrationText {
  switch (status.state) {
    case 'registered':
      return {
        label: message('registration.label-registered'),
        retry: null,
        detail: message('registration.ready'),
        tone: 'ok',
      }
    case 'connecting':
      return {
        label: message('registration.label-connecting'),
        retry: null,
        detail:
          status.attempt > 1
            ? message('registration.attempt', { attempt: status.attempt })
            : message('registration.connecting'),
        tone: 'busy',
      }
    case 'unregistered':
      return {
        label: message('registration.label-unregistered'),
        retry: null,
        detail: message('registration.not-connected'),
        tone: 'idle',
      }
    case 'failed': {
      const seconds =
        status.retryAt === undefined ? null : Math.max(0, Math.ceil((status.retryAt - now) / 1000))
      const retry =
        seconds === null
          ? null
          : seconds > 0
            ? message('registration.retrying-in', { seconds })
            : message('registration.retrying-now')
      if (status.reason === 'unreachable' && certificate) {
        const reason = message(`registration.cert-${certificate}`)
        return { label: reason, retry, detail: reason, tone: 'bad' }
      }
      return { label: message(failureLabels[status.reason]), retry, detail: status.message, tone: 'bad' }
    }
  }
}
