import { describe, expect, it } from 'vitest'
import { message, render } from '../../contract/i18n'
import type { RegistrationStatus } from '../sip/types'
import { registrationText } from './registration-text'

const en = (status: RegistrationStatus, now = 0) => {
  const text = registrationText(status, now)
  return { label: render('en', text.label), retry: text.retry ? render('en', text.retry) : '' }
}

describe('registrationText', () => {
  it('names each state with the agreed words', () => {
    expect(en({ state: 'registered', since: 1 }).label).toBe('Registered')
    expect(en({ state: 'connecting', attempt: 1 }).label).toBe('Connecting…')
    expect(en({ state: 'unregistered' }).label).toBe('Not registered')
    const failed = (reason: 'auth' | 'unreachable' | 'closed' | 'rejected' | 'other') =>
      en({ state: 'failed', reason, message: message('registration.lost') }).label
    expect(failed('auth')).toBe('Wrong password')
    expect(failed('unreachable')).toBe('Server unreachable')
    expect(failed('closed')).toBe('Connection closed')
    expect(failed('rejected')).toBe('Not registered')
    expect(render('sv', registrationText({ state: 'registered', since: 1 }, 0).label)).toBe('Registrerad')
  })
  it('counts down to the next retry', () => {
    const status = {
      state: 'failed',
      reason: 'unreachable',
      message: message('registration.unreachable'),
      retryAt: 10_000,
    } as const
    expect(en(status, 6_100).retry).toBe('retrying in 4 s')
    expect(en(status, 10_000).retry).toBe('retrying now')
    expect(en({ ...status, retryAt: undefined }).retry).toBe('')
    expect(render('sv', registrationText(status, 6_100).retry ?? message('call.failed'))).toBe(
      'nytt försök om 4 s',
    )
  })
})
