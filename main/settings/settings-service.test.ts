import { message } from '../../contract/i18n'
import { inEnglish, inSwedish } from '../testing/english'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemoryLogger } from '../log/logger'
import { JsonFileSettingsBackend, MemorySettingsBackend } from './backend'
import { fileTimestamp, setAsideIfUnreadable, setAsideNotice } from './settings-file'
import { SettingsService } from './settings-service'

const goodAccount = {
  displayName: 'Bob Berg',
  sipAddress: 'bob@pbx.example',
  authUser: 'bob-auth',
  wsServer: 'wss://pbx.example/ws',
  outboundProxy: '',
  iceServers: [],
  voicemailNumber: '555',
  region: 'SE',
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-settings-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('SettingsService field-by-field repair', () => {
  it('clears a bad wsServer and keeps every other field, with a notice', () => {
    const backend = new MemorySettingsBackend({
      account: { ...goodAccount, wsServer: 'http://pbx.example/ws' },
    })
    const settings = new SettingsService(backend, new MemoryLogger())
    expect(settings.readAccount()).toEqual({ ...goodAccount, wsServer: '' })
    expect(settings.notices).toHaveLength(1)
    expect(inEnglish(settings.notices)[0]).toBe(
      '“WebSocket server” in your settings file was not valid and was cleared; the rest of your account was kept.',
    )
    expect(inSwedish(settings.notices)[0]).toBe(
      '”WebSocket-server” i inställningsfilen var ogiltigt och har tömts; resten av kontot finns kvar.',
    )
  })

  it('falls back to the default for an optional field of the wrong type', () => {
    const backend = new MemorySettingsBackend({
      account: { ...goodAccount, voicemailNumber: 555, displayName: 'Kept' },
    })
    const settings = new SettingsService(backend, new MemoryLogger())
    expect(settings.readAccount()).toEqual({ ...goodAccount, displayName: 'Kept', voicemailNumber: '555' })
    expect(inEnglish(settings.notices)[0]).toMatch(/Voicemail number/)
  })

  it('fills missing fields from defaults without a notice', () => {
    const backend = new MemorySettingsBackend({
      account: { sipAddress: 'bob@pbx.example', wsServer: 'wss://pbx.example/ws' },
    })
    const settings = new SettingsService(backend, new MemoryLogger())
    expect(settings.readAccount()).toMatchObject({ displayName: '', voicemailNumber: '555', iceServers: [] })
    expect(settings.notices).toEqual([])
  })

  it('repairs preferences field by field', () => {
    const backend = new MemorySettingsBackend({
      preferences: { closeToTray: 'yes', doNotDisturb: true, historyLimit: 5, language: 'fi', textSize: 300 },
    })
    const settings = new SettingsService(backend, new MemoryLogger())
    expect(settings.readPreferences()).toEqual({
      microphone: null,
      speaker: null,
      ringtone: null,
      closeToTray: true,
      doNotDisturb: true,
      historyLimit: 50_000,
      language: 'system',
      dtmfMethod: 'auto',
      sipTrace: false,
      keepOnTop: false,
      watchedContacts: [],
      textSize: 100,
    })
    expect(settings.notices).toHaveLength(4)
  })

  it('ignores an account that is not an object, with a notice', () => {
    const settings = new SettingsService(new MemorySettingsBackend({ account: 'bob' }), new MemoryLogger())
    expect(settings.readAccount()).toBeNull()
    expect(inEnglish(settings.notices)[0]).toMatch(/not readable/)
  })

  it('never stores a password even if one is smuggled into the account object', () => {
    const path = join(dir, 'settings.json')
    const settings = new SettingsService(new JsonFileSettingsBackend(path), new MemoryLogger())
    settings.writeAccount({ ...goodAccount, password: 'Hunter2-secret' } as typeof goodAccount)
    const raw = readFileSync(path, 'utf8')
    expect(JSON.parse(raw).account.sipAddress).toBe('bob@pbx.example')
    expect(raw).not.toContain('Hunter2-secret')
    expect(raw).not.toContain('password')
  })
})

describe('setAsideIfUnreadable', () => {
  it('renames a non-JSON file to *.corrupt-<timestamp> and explains it', () => {
    const path = join(dir, 'settings.json')
    writeFileSync(path, 'this is { not json')
    const now = new Date('2026-11-25T15:10:00.123Z')
    const outcome = setAsideIfUnreadable(path, now)
    expect(outcome).toEqual({
      setAside: true,
      movedTo: `${path}.corrupt-20261125T151000Z`,
      reason: message('notice.reason-not-json'),
    })
    expect(readdirSync(dir)).toEqual(['settings.json.corrupt-20261125T151000Z'])
    expect(readFileSync(`${path}.corrupt-20261125T151000Z`, 'utf8')).toBe('this is { not json')
    expect(inEnglish([setAsideNotice(outcome, path) ?? ''])[0]).toMatch(
      /could not be used because it is not valid JSON\. It was kept as/,
    )
  })

  it('sets aside valid JSON that is not an object', () => {
    const path = join(dir, 'settings.json')
    writeFileSync(path, '[1,2,3]')
    expect(setAsideIfUnreadable(path)).toMatchObject({
      setAside: true,
      reason: message('notice.reason-not-object'),
    })
  })

  it('leaves a good file and a missing file alone', () => {
    const path = join(dir, 'settings.json')
    expect(setAsideIfUnreadable(path)).toEqual({ setAside: false })
    writeFileSync(path, '{"account": null}')
    expect(setAsideIfUnreadable(path)).toEqual({ setAside: false })
    expect(readdirSync(dir)).toEqual(['settings.json'])
  })

  it('formats timestamps without characters Windows forbids', () => {
    expect(fileTimestamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z')
  })
})
