import { describe, expect, it, vi } from 'vitest'
import { message } from '../../contract/i18n/message'
import { FakeApi } from '../testing/fake-api'
import { FakePhone } from '../testing/fake-phone'
import { PhoneRegistration } from './phone-registration.svelte'

const unreachable = {
  state: 'failed',
  reason: 'unreachable',
  message: message('registration.unreachable'),
} as const

describe('PhoneRegistration (the one registration status the window shows)', () => {
  it('follows the phone, including the status it reached before (the phone tells new listeners)', () => {
    const phone = new FakePhone()
    phone.emit('registration', { state: 'registered', since: 1 })
    const registration = new PhoneRegistration(new FakeApi())
    const stop = registration.follow(phone)
    expect(registration.status).toEqual({ state: 'registered', since: 1 })
    phone.emit('registration', { state: 'connecting', attempt: 2 })
    expect(registration.status).toEqual({ state: 'connecting', attempt: 2 })
    stop()
    expect(phone.listenerCount()).toBe(0)
  })

  it('asks main about a refused certificate for the server given, then for a new one', async () => {
    const api = new FakeApi().handle('tls:explain', () => 'expired')
    let server = 'wss://early.example/ws'
    const registration = new PhoneRegistration(api, () => server)
    const phone = new FakePhone()
    registration.follow(phone)
    phone.emit('registration', unreachable)
    await vi.waitFor(() => expect(registration.certificate.problem).toBe('expired'))
    server = 'wss://later.example/ws'
    phone.emit('registration', { state: 'registered', since: 2 })
    phone.emit('registration', unreachable)
    expect(api.sent('tls:explain')).toEqual([
      { url: 'wss://early.example/ws' },
      { url: 'wss://later.example/ws' },
    ])
  })

  it('takes what the sign-in state knows better without asking main', () => {
    const api = new FakeApi()
    const registration = new PhoneRegistration(api, () => 'wss://pbx.example/ws')
    registration.set({
      state: 'failed',
      reason: 'unreachable',
      message: message('registration.could-not-connect'),
    })
    expect(registration.status.state).toBe('failed')
    expect(api.sent('tls:explain')).toEqual([])
  })
})
