import { render, translate } from '../../contract/i18n'
import { describe, expect, it } from 'vitest'
import type { AccountState } from '../../contract/ipc'
import type { Account } from '../../contract/schemas'
import { english, englishValues } from '../testing/english'
import {
  accountFieldErrors,
  checkAccountForm,
  formBaseOf,
  formPolicyOf,
  initialFormValues,
} from './account-form'

const saved: Account = {
  displayName: 'Reception',
  sipAddress: '1001@corp.example',
  authUser: '',
  wsServer: 'wss://old.example/ws',
  outboundProxy: '',
  iceServers: [],
  voicemailNumber: '8000',
  region: 'SE',
}

const state = (change: Partial<AccountState> = {}): AccountState => ({
  account: null,
  hasPassword: false,
  complete: false,
  locked: [],
  notices: [],
  ...change,
})

const policyState = state({
  locked: ['wsServer', 'sipDomain', 'autoUpdate'],
  presets: {
    wsServer: 'wss://pbx.corp.example:8089/ws',
    outboundProxy: 'sip:edge.corp.example',
    sipDomain: 'corp.example',
  },
})

describe('login form values', () => {
  it('pre-fills the admin presets on a first sign-in and marks the locked fields', () => {
    expect(initialFormValues(policyState)).toEqual({
      displayName: '',
      sipAddress: '',
      authUser: '',
      password: '',
      wsServer: 'wss://pbx.corp.example:8089/ws',
      outboundProxy: 'sip:edge.corp.example',
      voicemailNumber: '555',
      voicemailWatch: true,
    })
    const policy = formPolicyOf(policyState)
    expect([...policy.locked]).toEqual(['wsServer'])
    expect(policy).toMatchObject({ sipDomain: 'corp.example', sipDomainLocked: true })
  })

  it('keeps saved values, except where a locked preset says otherwise', () => {
    const values = initialFormValues({ ...policyState, account: { ...saved, outboundProxy: 'sip:mine' } })
    expect(values.wsServer).toBe('wss://pbx.corp.example:8089/ws')
    expect(values.outboundProxy).toBe('sip:mine')
    expect(values.sipAddress).toBe('1001@corp.example')
    expect(initialFormValues(state({ account: saved })).wsServer).toBe('wss://old.example/ws')
    expect(initialFormValues(null).wsServer).toBe('')
  })
})

describe('login form check', () => {
  const values = { ...initialFormValues(policyState), sipAddress: '1001', password: 'pw' }

  it('completes a bare user name with the admin domain and keeps fields the form does not show', () => {
    const check = checkAccountForm(values, saved, formPolicyOf(policyState), false)
    expect(check).toEqual({
      ok: true,
      account: {
        ...saved,
        displayName: '',
        sipAddress: '1001@corp.example',
        wsServer: 'wss://pbx.corp.example:8089/ws',
        outboundProxy: 'sip:edge.corp.example',
        // the form shows these now: what it showed is what is saved
        voicemailNumber: '555',
        voicemailWatch: true,
      },
    })
  })

  it('refuses another domain when the admin locked it, and a missing password', () => {
    const check = checkAccountForm(
      { ...values, sipAddress: '1001@elsewhere.example', password: '' },
      null,
      formPolicyOf(policyState),
      false,
    )
    expect(check.ok).toBe(false)
    if (check.ok) return
    expect(english(check.errors.sipAddress)).toMatch(/administrator set the domain.*corp\.example/)
    expect(english(check.errors.password)).toBe('Password is required.')
    const withPort = checkAccountForm(
      { ...values, sipAddress: '1001@corp.example:5070' },
      null,
      formPolicyOf(policyState),
      false,
    )
    expect(withPort.ok ? '' : english(withPort.errors.sipAddress)).toMatch(/administrator set the domain/)
  })

  it('names empty required fields and explains malformed ones in plain words', () => {
    expect(englishValues(accountFieldErrors({ ...saved, sipAddress: ' ', wsServer: 'http://pbx' }))).toEqual({
      sipAddress: 'SIP address is required.',
      wsServer: 'Enter a wss:// address (ws:// works only for this computer).',
    })
    expect(accountFieldErrors(saved)).toEqual({})
  })

  it('refuses line breaks, quotes and <> in the fields that go into SIP headers, saying why', () => {
    const check = checkAccountForm(
      {
        ...values,
        displayName: 'Eve\r\nVia: SIP/2.0/UDP evil',
        authUser: 'eve"',
        outboundProxy: 'sip:edge>;lr',
      },
      null,
      formPolicyOf(policyState),
      false,
    )
    expect(check.ok).toBe(false)
    if (check.ok) return
    const said = (field: keyof typeof check.errors, language: 'en' | 'sv') => {
      const error = check.errors[field]
      return typeof error === 'object' ? render(language, error) : error
    }
    expect(said('displayName', 'en')).toBe(
      `${translate('en', 'login.display-name')} cannot contain line breaks, quotation marks (") or angle brackets (< >).`,
    )
    expect(said('authUser', 'sv')).toBe(
      `${translate('sv', 'login.auth-user')} får inte innehålla radbrytningar, citattecken (") eller vinkelparenteser (< >).`,
    )
    expect(said('outboundProxy', 'en')).toMatch(/cannot contain line breaks/)
    expect(accountFieldErrors({ ...saved, displayName: 'Åsa Östlund (Reception)' })).toEqual({})
  })
})

describe('login form base', () => {
  it('takes the admin voicemail number and ICE servers for a new account, the saved ones after', () => {
    const presets = { voicemailNumber: '8000', iceServers: ['stun:stun.corp.example'] }
    expect(formBaseOf(state({ presets }))).toEqual(presets)
    expect(formBaseOf(state({ presets, account: saved }))).toEqual(saved)
    // the voicemail number is a field of the form now, filled from the same preset
    const values = {
      ...initialFormValues(state({ presets })),
      sipAddress: '1001@corp.example',
      wsServer: 'wss://corp.example/ws',
    }
    const check = checkAccountForm(values, formBaseOf(state({ presets })), formPolicyOf(null), true)
    expect(check.ok && check.account).toMatchObject(presets)
  })
})

describe('voicemail in the account form', () => {
  const signedIn = (change: Partial<AccountState> = {}) =>
    state({ account: { ...saved, voicemailWatch: false }, hasPassword: true, ...change })

  it('shows the saved number and switch; empty means 555; a number with letters is refused', () => {
    const values = initialFormValues(signedIn())
    expect(values).toMatchObject({ voicemailNumber: '8000', voicemailWatch: false })
    const policy = formPolicyOf(signedIn())
    const emptied = checkAccountForm({ ...values, voicemailNumber: ' ' }, saved, policy, true)
    expect(emptied.ok && emptied.account).toMatchObject({ voicemailNumber: '555', voicemailWatch: false })
    const changed = checkAccountForm(
      { ...values, voicemailNumber: '*98', voicemailWatch: true },
      saved,
      policy,
      true,
    )
    expect(changed.ok && changed.account).toMatchObject({ voicemailNumber: '*98', voicemailWatch: true })
    const refused = checkAccountForm({ ...values, voicemailNumber: '555<b>' }, saved, policy, true)
    expect(!refused.ok && englishValues(refused.errors)).toEqual({
      voicemailNumber: 'Enter the voicemail number with digits, * or #, for example 555.',
    })
  })

  it('takes the admin’s preset; a locked one wins over the saved choice and is read-only', () => {
    const presets = { voicemailNumber: '8000', voicemailWatch: false }
    expect(initialFormValues(state({ presets }))).toMatchObject(presets)
    const lockedState = signedIn({
      account: { ...saved, voicemailNumber: '777', voicemailWatch: true },
      presets: { voicemailNumber: '*98', voicemailWatch: false },
      locked: ['voicemailNumber', 'voicemailWatch'],
    })
    expect(initialFormValues(lockedState)).toMatchObject({ voicemailNumber: '*98', voicemailWatch: false })
    expect([...formPolicyOf(lockedState).locked].sort()).toEqual(['voicemailNumber', 'voicemailWatch'])
  })
})
