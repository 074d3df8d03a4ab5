import { message, render } from '../../contract/i18n'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventMap } from '../../contract/ipc'
import { CredentialStore } from '../credentials/credential-store'
import { FakeSafeStorage } from '../testing/fake-safe-storage'
import { HandlerError } from '../ipc/handlers'
import { MemoryLogger } from '../log/logger'
import type { AdminPolicy } from '../policy/admin-policy'
import { MemorySettingsBackend } from '../settings/backend'
import { SettingsService } from '../settings/settings-service'
import { AccountService } from './account-service'

const account = {
  displayName: 'Carol',
  sipAddress: 'carol@corp.example',
  authUser: '',
  wsServer: 'wss://pbx.corp.example/ws',
  outboundProxy: '',
  iceServers: [],
  voicemailNumber: '555',
  region: 'SE',
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-account-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function service(policy: AdminPolicy, stored: Record<string, unknown> = {}) {
  const logger = new MemoryLogger()
  const backend = new MemorySettingsBackend(stored)
  const emitted: EventMap['preferences-changed'][] = []
  const accountService = new AccountService({
    settings: new SettingsService(backend, logger),
    credentials: new CredentialStore(join(dir, 'credentials.json'), new FakeSafeStorage(), logger),
    turnCredentials: new CredentialStore(
      join(dir, 'turn.json'),
      new FakeSafeStorage(),
      logger,
      () => undefined,
      message('notice.secret-turn'),
    ),
    policy,
    events: { emit: (_event, payload) => emitted.push(payload as EventMap['preferences-changed']) },
  })
  accountService.start()
  return { accountService, backend, emitted }
}

const expectHandlerError = (fn: () => unknown): HandlerError => {
  try {
    fn()
  } catch (error) {
    if (error instanceof HandlerError) return error
    throw error
  }
  throw new Error('expected a HandlerError')
}

describe('AccountService storage failures', () => {
  it('reports a settings file that cannot be written as a storage error', () => {
    const { accountService, backend } = service({ values: {}, locked: [] })
    backend.set = () => {
      throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
    }
    const error = expectHandlerError(() => accountService.save({ account }))
    expect(error.code).toBe('storage')
    expect(error.message).toBe(
      'Your settings could not be saved (ENOSPC). Check free disk space and try again.',
    )
  })
})

describe('AccountService says whether the stored account can sign in as it is', () => {
  it('complete when the stored account passes the account schema', () => {
    expect(service({ values: {}, locked: [] }, { account }).accountService.state().complete).toBe(true)
  })

  it('not complete when a repaired file left a required field blank, or when there is none', () => {
    const repaired = service({ values: {}, locked: [] }, { account: { ...account, wsServer: 'http://x' } })
    expect(repaired.accountService.state()).toMatchObject({ account: { wsServer: '' }, complete: false })
    expect(service({ values: {}, locked: [] }).accountService.state().complete).toBe(false)
  })
})

describe('AccountService keeps TURN credentials out of the settings file', () => {
  const withTurn = { ...account, iceServers: ['stun:stun.example', 'turn:alice:pa55w0rd@turn.example:3478'] }

  it('stores the ICE list without credentials and the credentials encrypted, and reads them back joined', () => {
    const { accountService, backend } = service({ values: {}, locked: [] })
    accountService.save({ account: withTurn })
    expect(JSON.stringify(backend.get('account'))).not.toContain('pa55w0rd')
    expect((backend.get('account') as { iceServers: string[] }).iceServers).toEqual([
      'stun:stun.example',
      'turn:turn.example:3478',
    ])
    expect(readFileSync(join(dir, 'turn.json'), 'utf8')).not.toContain('pa55w0rd')
    expect(accountService.state().account?.iceServers).toEqual(withTurn.iceServers)
  })

  it('moves credentials an older settings file holds in plain text into the credential store', () => {
    const { accountService, backend } = service({ values: {}, locked: [] }, { account: withTurn })
    expect(JSON.stringify(backend.get('account'))).not.toContain('pa55w0rd')
    expect(accountService.state().account?.iceServers).toEqual(withTurn.iceServers)
  })

  it('forgets the stored credentials when the list no longer has any', () => {
    const { accountService } = service({ values: {}, locked: [] })
    accountService.save({ account: withTurn })
    accountService.save({ account: { ...withTurn, iceServers: ['turn:turn.example:3478'] } })
    expect(existsSync(join(dir, 'turn.json'))).toBe(false)
    expect(accountService.state().account?.iceServers).toEqual(['turn:turn.example:3478'])
  })
})

describe('AccountService with an admin policy', () => {
  const policy: AdminPolicy = {
    values: { wsServer: 'wss://pbx.corp.example/ws', sipDomain: 'corp.example' },
    locked: ['wsServer', 'sipDomain'],
  }

  it('refuses a save that changes a locked setting and keeps what was stored', () => {
    const { accountService } = service(policy, { account })
    const error = expectHandlerError(() =>
      accountService.save({ account: { ...account, wsServer: 'wss://elsewhere.example/ws' } }),
    )
    expect(error.code).toBe('locked')
    // The setting is named in the user's language, not only the sentence around it.
    expect(error.text).toEqual(message('reason.locked', { setting: message('setting.ws-server') }))
    expect(render('sv', error.text)).toBe('Administratören har låst WebSocket-servern.')
    expect(render('en', error.text)).toBe('Your administrator has locked the WebSocket server.')
    expect(accountService.state().account?.wsServer).toBe('wss://pbx.corp.example/ws')
  })

  it('refuses a SIP address outside the locked domain', () => {
    const { accountService } = service(policy)
    expect(
      expectHandlerError(() =>
        accountService.save({ account: { ...account, sipAddress: 'carol@evil.example' } }),
      ).message,
    ).toMatch(/SIP domain/)
  })

  it('refuses another port on the locked domain, and reads a hand-edited port back off', () => {
    const { accountService } = service(policy)
    expect(
      expectHandlerError(() =>
        accountService.save({ account: { ...account, sipAddress: 'carol@corp.example:5070' } }),
      ).message,
    ).toMatch(/SIP domain/)
    const edited = service(policy, { account: { ...account, sipAddress: 'carol@corp.example:5070' } })
    expect(edited.accountService.state().account?.sipAddress).toBe('carol@corp.example')
  })

  it('accepts a save that keeps the locked values and changes the rest', () => {
    const { accountService } = service(policy, { account })
    const state = accountService.save({ account: { ...account, displayName: 'Carol C.' }, password: 'pw' })
    expect(state).toMatchObject({
      account: { displayName: 'Carol C.' },
      hasPassword: true,
      locked: ['wsServer', 'sipDomain'],
    })
  })

  it('a user value in the file never overrides a locked one', () => {
    const { accountService } = service(policy, {
      account: { ...account, wsServer: 'wss://hand-edited.example/ws', sipAddress: 'carol@other.example' },
    })
    expect(accountService.state().account).toMatchObject({
      wsServer: 'wss://pbx.corp.example/ws',
      sipAddress: 'carol@corp.example',
    })
  })

  it('an unlocked policy value is only a preset', () => {
    const { accountService } = service({ values: { voicemailNumber: '*98' }, locked: [] }, { account })
    const state = accountService.state()
    expect(state.account?.voicemailNumber).toBe('555')
    expect(state.presets).toEqual({ voicemailNumber: '*98' })
    expect(
      accountService.save({ account: { ...account, voicemailNumber: '777' } }).account?.voicemailNumber,
    ).toBe('777')
  })

  it('a lock without a policy value holds the built-in default, even against an edited settings file', () => {
    // The user edited settings.json by hand: a proxy of their own, do not disturb and the trace on.
    const edited = {
      account: { ...account, outboundProxy: 'sip:mine.example', voicemailNumber: '*98' },
      preferences: { doNotDisturb: true, sipTrace: true },
    }
    const { accountService } = service(
      { values: {}, locked: ['outboundProxy', 'voicemailNumber', 'doNotDisturb', 'sipTrace'] },
      edited,
    )
    expect(accountService.state().account).toMatchObject({ outboundProxy: '', voicemailNumber: '555' })
    expect(accountService.preferences()).toMatchObject({ doNotDisturb: false, sipTrace: false })
    expect(
      expectHandlerError(() =>
        accountService.save({ account: { ...account, outboundProxy: 'sip:mine.example' } }),
      ).code,
    ).toBe('locked')
    expect(expectHandlerError(() => accountService.updatePreferences({ doNotDisturb: true })).code).toBe(
      'locked',
    )
    // What is not locked stays the user's.
    expect(accountService.save({ account: { ...account, authUser: 'carol-auth' } }).account?.authUser).toBe(
      'carol-auth',
    )
  })

  it('a value-less lock on a setting without a default (sipAddress) freezes the saved value in the form', () => {
    const { accountService } = service({ values: {}, locked: ['sipAddress'] }, { account })
    expect(
      expectHandlerError(() =>
        accountService.save({ account: { ...account, sipAddress: 'eve@corp.example' } }),
      ).code,
    ).toBe('locked')
  })

  it('refuses a locked preference and applies the policy value', () => {
    const { accountService, emitted } = service(
      { values: { closeToTray: false }, locked: ['closeToTray'] },
      { preferences: { closeToTray: true } },
    )
    expect(accountService.preferences().closeToTray).toBe(false)
    expect(expectHandlerError(() => accountService.updatePreferences({ closeToTray: true })).text).toEqual(
      message('reason.locked', { setting: message('setting.close-to-tray') }),
    )
    expect(accountService.updatePreferences({ closeToTray: false, doNotDisturb: true })).toMatchObject({
      closeToTray: false,
      doNotDisturb: true,
    })
    expect(emitted).toHaveLength(1)
  })

  it('an unlocked policy preference is a default the user may change', () => {
    const { accountService } = service({ values: { closeToTray: false }, locked: [] })
    expect(accountService.preferences().closeToTray).toBe(false)
    expect(accountService.updatePreferences({ closeToTray: true }).closeToTray).toBe(true)
  })

  it('the policy presets the language, or locks it', () => {
    const preset = service({ values: { language: 'sv' }, locked: [] }).accountService
    expect(preset.preferences().language).toBe('sv')
    expect(preset.updatePreferences({ language: 'en' }).language).toBe('en')

    const locked = service(
      { values: { language: 'sv' }, locked: ['language'] },
      { preferences: { language: 'en' } },
    )
    expect(locked.accountService.preferences().language).toBe('sv')
    expect(expectHandlerError(() => locked.accountService.updatePreferences({ language: 'en' })).code).toBe(
      'locked',
    )
  })

  it('the policy presets the text size, or locks it', () => {
    expect(service({ values: {}, locked: [] }).accountService.preferences().textSize).toBe(100)
    const preset = service({ values: { textSize: 150 }, locked: [] }).accountService
    expect(preset.preferences().textSize).toBe(150)
    expect(preset.updatePreferences({ textSize: 200 }).textSize).toBe(200)

    const locked = service(
      { values: { textSize: 200 }, locked: ['textSize'] },
      { preferences: { textSize: 100 } },
    )
    expect(locked.accountService.preferences().textSize).toBe(200)
    const refused = expectHandlerError(() => locked.accountService.updatePreferences({ textSize: 100 }))
    expect(refused.text).toEqual(message('reason.locked', { setting: message('setting.text-size') }))
  })

  it('the policy presets the keypad tone method, or locks it', () => {
    expect(service({ values: {}, locked: [] }).accountService.preferences().dtmfMethod).toBe('auto')
    const preset = service({ values: { dtmfMethod: 'info' }, locked: [] }).accountService
    expect(preset.preferences().dtmfMethod).toBe('info')
    expect(preset.updatePreferences({ dtmfMethod: 'rfc4733' }).dtmfMethod).toBe('rfc4733')

    const locked = service(
      { values: { dtmfMethod: 'info' }, locked: ['dtmfMethod'] },
      { preferences: { dtmfMethod: 'auto' } },
    )
    expect(locked.accountService.preferences().dtmfMethod).toBe('info')
    const refused = expectHandlerError(() => locked.accountService.updatePreferences({ dtmfMethod: 'auto' }))
    expect(refused.text).toEqual(message('reason.locked', { setting: message('setting.dtmf-method') }))
  })

  it('the policy switches the SIP trace on, or locks it off', () => {
    expect(service({ values: {}, locked: [] }).accountService.preferences().sipTrace).toBe(false)
    const preset = service({ values: { sipTrace: true }, locked: [] }).accountService
    expect(preset.preferences().sipTrace).toBe(true)
    expect(preset.updatePreferences({ sipTrace: false }).sipTrace).toBe(false)

    const locked = service(
      { values: { sipTrace: false }, locked: ['sipTrace'] },
      { preferences: { sipTrace: true } },
    )
    expect(locked.accountService.preferences().sipTrace).toBe(false)
    const refused = expectHandlerError(() => locked.accountService.updatePreferences({ sipTrace: true }))
    expect(refused.message).toMatch(/SIP trace/)
  })

  it('the policy presets keep on top, or locks it', () => {
    expect(service({ values: {}, locked: [] }).accountService.preferences().keepOnTop).toBe(false)
    const preset = service({ values: { keepOnTop: true }, locked: [] }).accountService
    expect(preset.preferences().keepOnTop).toBe(true)
    expect(preset.updatePreferences({ keepOnTop: false }).keepOnTop).toBe(false)

    const locked = service(
      { values: { keepOnTop: true }, locked: ['keepOnTop'] },
      { preferences: { keepOnTop: false } },
    )
    expect(locked.accountService.preferences().keepOnTop).toBe(true)
    const refused = expectHandlerError(() => locked.accountService.updatePreferences({ keepOnTop: false }))
    expect(refused.message).toMatch(/keep on top/)
  })

  it("hands the policy's transfer allowlist to the window, none when it names none", () => {
    const state = service({
      values: { transferAllowlist: ['Branch.Corp.Example'] },
      locked: [],
    }).accountService.state()
    expect(state.transferAllowlist).toEqual(['branch.corp.example'])
    expect(service({ values: {}, locked: [] }).accountService.state().transferAllowlist).toBeUndefined()
  })

  it("hands the policy's voicemail keys to the window, none when it names none", () => {
    const keys = [{ key: '9', label: 'Lyssna', during: 'menu' as const }]
    expect(
      service({ values: { voicemailKeys: keys }, locked: [] }).accountService.state().voicemailKeys,
    ).toEqual(keys)
    expect(service({ values: {}, locked: [] }).accountService.state().voicemailKeys).toBeUndefined()
  })

  it("hands the policy's pickup code to the window, none when it names none", () => {
    expect(service({ values: { pickupCode: '*8' }, locked: [] }).accountService.state().pickupCode).toBe('*8')
    expect(service({ values: {}, locked: [] }).accountService.state().pickupCode).toBeUndefined()
  })
})
