import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AccountState } from '../../contract/ipc'
import { testAccount } from '../testing/audio'
import { FakePhone } from '../testing/fake-phone'
import type { ConnectFailure, EarlySignIn, SavedSignIn } from './saved-sign-in'
import { whenSignInAnswered, whenStartAnswered } from './start-answer'

const accountState: AccountState = {
  account: testAccount,
  hasPassword: true,
  complete: true,
  locked: [],
  notices: [],
}

/** An early sign-in decided with `outcome` (or never, when none is given). */
function early(outcome?: SavedSignIn): EarlySignIn {
  return { decided: outcome ? Promise.resolve(outcome) : new Promise(() => {}), known: outcome ?? null }
}
const connecting = (connected: Promise<ConnectFailure> = new Promise(() => {})): SavedSignIn => ({
  kind: 'connecting',
  state: accountState,
  connected,
})

/** Whether `promise` has settled once the microtasks queued so far have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false
  void promise.then(() => (done = true))
  await vi.advanceTimersByTimeAsync(0)
  return done
}

describe('whenStartAnswered (when the start view hands over to the app)', () => {
  afterEach(() => vi.useRealTimers())

  it('waits while the phone connects, and answers once it is registered', async () => {
    vi.useFakeTimers()
    const phone = new FakePhone()
    const answered = whenStartAnswered(phone, early(connecting()))
    phone.emit('registration', { state: 'connecting', attempt: 1 })
    expect(await settled(answered)).toBe(false)
    phone.emit('registration', { state: 'registered', since: 1 })
    expect(await settled(answered)).toBe(true)
    // with an answer: the start view has it on the screen, and the app need not show it again
    await expect(answered).resolves.toBe(true)
    expect(phone.listenerCount()).toBe(0)
  })

  it('answers with a failure the indicator words (wrong password, unreachable)', async () => {
    vi.useFakeTimers()
    const phone = new FakePhone()
    const answered = whenStartAnswered(phone, early(connecting()))
    phone.emit('registration', {
      state: 'failed',
      reason: 'auth',
      message: { key: 'registration.label-wrong-password' },
    })
    expect(await settled(answered)).toBe(true)
  })

  it('answers at once when the phone registered before it was asked, and keeps no listener', async () => {
    vi.useFakeTimers()
    const phone = new FakePhone()
    phone.emit('registration', { state: 'registered', since: 1 })
    expect(await settled(whenStartAnswered(phone, early(connecting())))).toBe(true)
    expect(phone.listenerCount()).toBe(0)
  })

  it('answers at once when there is nothing to sign in with (the login screen is needed)', async () => {
    vi.useFakeTimers()
    const phone = new FakePhone()
    const stored = early({
      kind: 'stored',
      state: { ...accountState, hasPassword: false },
      passwordRefused: null,
    })
    expect(await settled(whenStartAnswered(phone, stored))).toBe(true)
    const unreadable = early({ kind: 'unreadable', message: { key: 'reason.service-unreachable' } })
    expect(await settled(whenStartAnswered(phone, unreadable))).toBe(true)
  })

  it('answers when connecting threw', async () => {
    vi.useFakeTimers()
    const phone = new FakePhone()
    const answered = whenStartAnswered(phone, early(connecting(Promise.resolve({ error: new Error('no') }))))
    expect(await settled(answered)).toBe(true)
  })

  it('answers after the time-out when the PBX says nothing, not before', async () => {
    vi.useFakeTimers()
    const phone = new FakePhone()
    const answered = whenStartAnswered(phone, early(), 3000)
    await vi.advanceTimersByTimeAsync(2999)
    expect(await settled(answered)).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await settled(answered)).toBe(true)
    // no answer on the screen: the app shows it, when it comes, before its main screen
    await expect(answered).resolves.toBe(false)
    phone.emit('registration', { state: 'registered', since: 1 })
    await expect(answered).resolves.toBe(false)
    expect(phone.listenerCount()).toBe(0)
  })
})

describe("whenSignInAnswered (when the window's state has signing in's answer)", () => {
  afterEach(() => vi.useRealTimers())

  it('answers once the phone is registered, though connecting still does the work that follows', async () => {
    vi.useFakeTimers()
    const phone = new FakePhone()
    const answered = whenSignInAnswered(phone, new Promise(() => {}))
    phone.emit('registration', { state: 'connecting', attempt: 1 })
    expect(await settled(answered)).toBe(false)
    phone.emit('registration', { state: 'registered', since: 1 })
    expect(await settled(answered)).toBe(true)
    expect(phone.listenerCount()).toBe(0)
  })

  it('answers when loading the account settled (the login form, connecting threw), and keeps no listener', async () => {
    vi.useFakeTimers()
    for (const signingIn of [() => Promise.resolve(), () => Promise.reject(new Error('no'))]) {
      const phone = new FakePhone()
      expect(await settled(whenSignInAnswered(phone, signingIn()))).toBe(true)
      expect(phone.listenerCount()).toBe(0)
    }
  })

  it('never answers by itself while the phone only connects (no time limit)', async () => {
    vi.useFakeTimers()
    const phone = new FakePhone()
    const answered = whenSignInAnswered(phone, new Promise(() => {}))
    phone.emit('registration', { state: 'connecting', attempt: 1 })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(await settled(answered)).toBe(false)
  })
})
