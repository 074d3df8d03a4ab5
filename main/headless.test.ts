import { render } from '../contract/i18n'
import { inEnglish } from './testing/english'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountState } from '../contract/ipc'
import type { Preferences } from '../contract/schemas'
import { FakeSafeStorage } from './testing/fake-safe-storage'
import { createHeadlessMain, type HeadlessMain } from './headless'

const account = {
  displayName: 'Alice Andersson',
  sipAddress: 'alice@pbx.example',
  authUser: '',
  wsServer: 'wss://pbx.example:8443/ws',
  outboundProxy: '',
  iceServers: [],
  voicemailNumber: '555',
}

let dataDir: string
let main: HeadlessMain | undefined

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'parley-headless-'))
})
afterEach(async () => {
  await main?.stop()
  main = undefined
  rmSync(dataDir, { recursive: true, force: true })
})

const value = <T>(result: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value as T
}

describe('createHeadlessMain', () => {
  it('saves an account and password, and a restart reads them back', async () => {
    main = await createHeadlessMain({ dataDir })
    const saved = value<AccountState>(
      await main.dispatch('account:save', { account, password: 'Secret-pw-123' }),
    )
    expect(saved).toMatchObject({ account, hasPassword: true, locked: [], notices: [] })
    await main.stop()

    main = await createHeadlessMain({ dataDir })
    expect(value<AccountState>(await main.dispatch('account:get'))).toMatchObject({
      account,
      hasPassword: true,
    })
    expect(value<string>(await main.dispatch('account:password'))).toBe('Secret-pw-123')
  })

  it('never writes the password to disk in plain text', async () => {
    main = await createHeadlessMain({ dataDir })
    await main.dispatch('account:save', { account, password: 'Secret-pw-123' })
    const everything = readdirSync(dataDir).map((name) => readFileSync(join(dataDir, name), 'utf8'))
    expect(everything.length).toBeGreaterThan(0)
    for (const text of everything) {
      expect(text).not.toContain('Secret-pw-123')
      expect(text).not.toContain(Buffer.from('Secret-pw-123').toString('base64'))
    }
    expect(readFileSync(main.settingsPath, 'utf8')).toContain('alice@pbx.example')
  })

  it('sign-out forgets the password but keeps the account', async () => {
    main = await createHeadlessMain({ dataDir })
    await main.dispatch('account:save', { account, password: 'pw' })
    expect(value<AccountState>(await main.dispatch('account:sign-out'))).toMatchObject({
      account,
      hasPassword: false,
    })
    expect(await main.dispatch('account:password')).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('updates only the preferences sent and emits preferences-changed', async () => {
    main = await createHeadlessMain({ dataDir })
    const seen: Preferences[] = []
    main.events.on('preferences-changed', (preferences) => seen.push(preferences))
    await main.dispatch('preferences:update', { doNotDisturb: true })
    const after = value<Preferences>(await main.dispatch('preferences:update', { closeToTray: false }))
    expect(after).toMatchObject({ doNotDisturb: true, closeToTray: false, historyLimit: 50_000 })
    expect(seen.map((preferences) => preferences.closeToTray)).toEqual([true, false])
    expect(value<Preferences>(await main.dispatch('preferences:get'))).toEqual(after)
  })

  it('refuses a sender frame from another origin', async () => {
    main = await createHeadlessMain({ dataDir, rendererUrl: 'http://127.0.0.1:4173/' })
    expect(
      await main.dispatch('account:get', undefined, {
        frameUrl: 'http://127.0.0.1:4173/',
        isMainFrame: true,
      }),
    ).toMatchObject({ ok: true })
    expect(
      await main.dispatch('account:get', undefined, {
        frameUrl: 'http://127.0.0.1:9999/',
        isMainFrame: true,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
  })

  it('answers window:show', async () => {
    main = await createHeadlessMain({ dataDir })
    expect(await main.dispatch('window:show')).toEqual({ ok: true, value: true })
    expect(main.windowShowCount).toBe(1)
  })

  it('refuses to start when no part handles some channels, naming them', async () => {
    await expect(createHeadlessMain({ dataDir, parts: [] })).rejects.toThrow(/history:query/)
  })

  it('a corrupt settings file is set aside with a notice and a fresh one started', async () => {
    writeFileSync(join(dataDir, 'settings.json'), '{"account": {"displayName": "Al')
    main = await createHeadlessMain({ dataDir })
    const state = value<AccountState>(await main.dispatch('account:get'))
    expect(state.account).toBeNull()
    expect(inEnglish(state.notices).join(' ')).toMatch(
      /settings\.json could not be used because it is not valid JSON\. It was kept as .*settings\.json\.corrupt-\d{8}T\d{6}Z/,
    )
    expect(readdirSync(dataDir).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true)
    await main.dispatch('account:save', { account })
    expect(JSON.parse(readFileSync(main.settingsPath, 'utf8')).account.sipAddress).toBe('alice@pbx.example')
  })

  it('without encryption keeps the password for this run only and says so', async () => {
    main = await createHeadlessMain({ dataDir, safeStorage: new FakeSafeStorage(false) })
    const state = value<AccountState>(
      await main.dispatch('account:save', { account, password: 'pw-in-memory' }),
    )
    expect(state.hasPassword).toBe(true)
    expect(inEnglish(state.notices).join(' ')).toMatch(/kept only until Parley closes/)
    expect(readdirSync(dataDir)).toEqual(['settings.json'])
    await main.stop()
    main = await createHeadlessMain({ dataDir, safeStorage: new FakeSafeStorage(false) })
    expect(value<AccountState>(await main.dispatch('account:get')).hasPassword).toBe(false)
  })

  it('openLink suggests a valid click-to-call link and refuses a hostile one', async () => {
    main = await createHeadlessMain({ dataDir })
    const targets: string[] = []
    main.events.on('dial-request', ({ target }) => targets.push(target))
    expect(main.openLink('tel:+46%208-120%20100%2064')).toBe(true)
    expect(main.openLink('tel:1%0d%0aBYE')).toBe(false)
    expect(targets).toEqual(['+46812010064'])
    expect(main.windowShowCount).toBe(1)
  })

  it('applies an admin policy given as JSON', async () => {
    main = await createHeadlessMain({
      dataDir,
      policy: { json: { wsServer: 'wss://corp.example/ws', locked: ['wsServer'] } },
    })
    const state = value<AccountState>(await main.dispatch('account:get'))
    expect(state.locked).toEqual(['wsServer'])
    expect(state.presets).toEqual({ wsServer: 'wss://corp.example/ws' })
    expect(await main.dispatch('account:save', { account })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    })
  })
})

describe('account fields that reach SIP headers', () => {
  it('are refused in main with a message when they hold CR/LF, quotes or <>', async () => {
    main = await createHeadlessMain({ dataDir })
    for (const change of [
      { displayName: 'Eve\r\nContact: <sip:evil@x>' },
      { authUser: 'eve"' },
      { outboundProxy: 'sip:edge<x>' },
    ]) {
      const result = await main.dispatch('account:save', {
        account: { ...account, ...change },
        password: 'pw',
      })
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
      if (!result.ok)
        expect(render('en', result.error.message)).toMatch(/cannot contain line breaks, quotation marks/)
    }
    expect(value<AccountState>(await main.dispatch('account:get')).account).toBeNull()
  })
})

describe('files in the data folder', () => {
  it('are all readable by this user only (0600): settings, secrets, contacts, history', async () => {
    main = await createHeadlessMain({ dataDir })
    const withTurn = { ...account, iceServers: ['turn:alice:turn-pw-9@turn.example:3478'] }
    value(await main.dispatch('account:save', { account: withTurn, password: 'Secret-pw-123' }))
    value(await main.dispatch('preferences:update', { doNotDisturb: true }))
    value(await main.dispatch('contacts:import', { format: 'csv', text: 'Name,Phone\nÅsa,+46 8 123\n' }))
    value(
      await main.dispatch('history:record', {
        id: 'c1',
        direction: 'incoming',
        outcome: 'missed',
        remoteName: 'Bob',
        remoteNumber: '100',
        startedAt: 1,
        ringMs: 1000,
        talkMs: 0,
      }),
    )
    await main.stop()
    main = undefined
    const files = readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    )
    const names = files.map((entry) => entry.name)
    expect(names).toEqual(
      expect.arrayContaining(['settings.json', 'credentials.json', 'turn-credentials.json', 'contacts.json']),
    )
    for (const entry of files) {
      const path = join(entry.parentPath, entry.name)
      expect({ path, mode: (statSync(path).mode & 0o777).toString(8) }).toEqual({ path, mode: '600' })
      expect(readFileSync(path, 'utf8')).not.toContain('turn-pw-9')
    }
  })
})
