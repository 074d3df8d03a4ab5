import { afterEach, describe, expect, it, vi } from 'vitest'
import { message } from '../../contract/i18n/message'
import { en } from '../../contract/i18n/en'
import { speakerOf } from '../../contract/i18n/text-of'
import { testAccount } from '../testing/audio'
import { FakeApi } from '../testing/fake-api'
import { FakePhone } from '../testing/fake-phone'
import { PhoneRegistration } from './phone-registration.svelte'
import { StartViewState } from './start-view.svelte'

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

  it('asks main about a refused certificate for the server given, then the one named later', async () => {
    const api = new FakeApi().handle('tls:explain', () => 'expired')
    const registration = new PhoneRegistration(api, () => 'wss://early.example/ws')
    const phone = new FakePhone()
    registration.follow(phone)
    phone.emit('registration', unreachable)
    await vi.waitFor(() => expect(registration.certificate.problem).toBe('expired'))
    registration.serverFrom(() => 'wss://later.example/ws')
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

describe('StartViewState (what the start view shows before the app exists)', () => {
  afterEach(() => vi.useRealTimers())
  const accountState = { account: testAccount, hasPassword: true, complete: true, locked: [], notices: [] }

  it("shows the phone's status in the loaded catalogue, and the indicator only while signing in by itself", async () => {
    vi.useFakeTimers()
    const phone = new FakePhone()
    const registration = new PhoneRegistration(new FakeApi())
    registration.follow(phone)
    const view = new StartViewState(registration, speakerOf(en))
    let decide = (_: unknown) => {}
    const decided = new Promise((resolve) => (decide = resolve))
    const stop = view.start({ decided: decided as never, known: null })
    expect(view.registering).toBe(false)
    decide({ kind: 'connecting', state: accountState, connected: new Promise(() => {}) })
    await vi.advanceTimersByTimeAsync(0)
    expect(view.registering).toBe(true)
    phone.emit('registration', { state: 'registered', since: 1 })
    expect(view.registration).toEqual({ state: 'registered', since: 1 })
    expect(view.language.t('registration.label-registered')).toBe('Registered')
    const before = view.now
    await vi.advanceTimersByTimeAsync(1000)
    expect(view.now).toBeGreaterThan(before)
    stop()
    const stopped = view.now
    await vi.advanceTimersByTimeAsync(2000)
    expect(view.now).toBe(stopped)
  })

  it('shows no indicator when there is nothing to sign in with (the login screen follows)', () => {
    const view = new StartViewState(new PhoneRegistration(new FakeApi()), speakerOf(en))
    const outcome = {
      kind: 'stored',
      state: { ...accountState, hasPassword: false },
      passwordRefused: null,
    } as const
    view.start({ decided: Promise.resolve(outcome), known: outcome })()
    expect(view.registering).toBe(false)
  })
})
