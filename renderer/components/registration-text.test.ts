import { describe, expect, it } from 'vitest'
import { registrationText } from './registration-text'

describe('registrationText', () => {
  it('names each state with the agreed words', () => {
    expect(registrationText({ state: 'registered', since: 1 }, 0).label).toBe('Registered')
    expect(registrationText({ state: 'connecting', attempt: 1 }, 0).label).toBe('Connecting…')
    expect(registrationText({ state: 'unregistered' }, 0).label).toBe('Not registered')
    const failed = (reason: 'auth' | 'unreachable' | 'closed' | 'rejected' | 'other') =>
      registrationText({ state: 'failed', reason, message: 'x' }, 0).label
    expect(failed('auth')).toBe('Wrong password')
    expect(failed('unreachable')).toBe('Server unreachable')
    expect(failed('closed')).toBe('Connection closed')
    expect(failed('rejected')).toBe('Not registered')
  })
  it('counts down to the next retry', () => {
    const status = { state: 'failed', reason: 'unreachable', message: 'down', retryAt: 10_000 } as const
    expect(registrationText(status, 6_100).retry).toBe('retrying in 4 s')
    expect(registrationText(status, 10_000).retry).toBe('retrying now')
    expect(registrationText({ ...status, retryAt: undefined }, 0).retry).toBe('')
  })
})
