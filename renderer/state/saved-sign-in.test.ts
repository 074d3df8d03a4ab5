import { describe, expect, it } from 'vitest'
import type { AccountState } from '../../contract/ipc'
import { message } from '../../contract/i18n'
import type { Account } from '../../contract/schemas'
import { testAccount } from '../testing/audio'
import { FakePhone } from '../testing/fake-phone'
import { savedAccountState, savedAnswers } from '../testing/saved-account'
import type { SavedAccount } from './saved-account'
import { signInBySelf, startSignIn } from './saved-sign-in'

const account: Account = testAccount
const state = (change: Partial<AccountState> = {}): AccountState => savedAccountState({ account, ...change })
const saved = savedAnswers

describe('signInBySelf (the one rule of signing in by itself)', () => {
  it('connects with a complete account and its stored password', async () => {
    const phone = new FakePhone()
    const outcome = signInBySelf(phone, saved(state()))
    expect(outcome.kind).toBe('connecting')
    expect(phone.commands).toEqual([{ name: 'connect', args: ['7101@pbx.test'] }])
    if (outcome.kind === 'connecting') expect(await outcome.connected).toBeNull()
  })

  it('does not connect without a stored password, with an incomplete account, or with none', () => {
    for (const answer of [
      state({ hasPassword: false }),
      state({ complete: false }),
      state({ account: null }),
    ]) {
      const phone = new FakePhone()
      expect(signInBySelf(phone, saved(answer))).toEqual({
        kind: 'stored',
        state: answer,
        passwordRefused: null,
      })
      expect(phone.commands).toEqual([])
    }
  })

  it('does not connect when the stored password cannot be read, and says why', () => {
    const phone = new FakePhone()
    const refused = message('reason.service-unreachable')
    const outcome = signInBySelf(phone, [
      { ok: true, value: state() },
      { ok: false, message: refused },
    ])
    expect(outcome).toEqual({ kind: 'stored', state: state(), passwordRefused: refused })
    expect(phone.commands).toEqual([])
  })

  it('does not connect when main could not answer the account', () => {
    const phone = new FakePhone()
    const refused = message('reason.service-unreachable')
    const outcome = signInBySelf(phone, [
      { ok: false, message: refused },
      { ok: true, value: 'secret' },
    ])
    expect(outcome).toEqual({ kind: 'unreadable', message: refused })
    expect(phone.commands).toEqual([])
  })

  it('keeps what connect threw for the sign-in state instead of rejecting', async () => {
    const phone = new FakePhone()
    const thrown = new TypeError('broken')
    phone.connect = () => Promise.reject(thrown)
    const outcome = signInBySelf(phone, saved(state()))
    expect(outcome.kind === 'connecting' && (await outcome.connected)).toEqual({ error: thrown })
  })
})

describe('startSignIn', () => {
  it('connects as soon as the answer is in, and knows the outcome from then on', async () => {
    const phone = new FakePhone()
    let answer: (value: SavedAccount) => void = () => {}
    const early = startSignIn(phone, new Promise<SavedAccount>((resolve) => (answer = resolve)))
    await Promise.resolve()
    expect(early.known).toBeNull()
    expect(phone.commands).toEqual([])
    answer(saved(state()))
    const outcome = await early.decided
    expect(outcome.kind).toBe('connecting')
    expect(early.known).toBe(outcome)
    expect(phone.commandNames()).toEqual(['connect'])
  })
})
