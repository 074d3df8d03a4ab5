import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { preferencesSchema } from '../../contract/schemas'
import { createHeadlessMain, type HeadlessMain } from '../headless'
import { fakePartContext } from '../testing/part-context'
import { diagnosticsBundle } from './diagnostics'
import { diagnosticsPart } from './diagnostics-part'
import { Redactor } from './redact'

const password = 'Diag-secret-pw-77'
const account = {
  displayName: 'Åsa Östlund',
  sipAddress: 'asa@pbx.example',
  authUser: '',
  wsServer: 'wss://pbx.example:8443/ws',
  outboundProxy: '',
  iceServers: ['stun:stun.example:3478', 'turn:asa:turn-secret-9@turn.example:3478'],
  voicemailNumber: '555',
}

let dir: string
let main: HeadlessMain | undefined
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-diagnostics-'))
})
afterEach(async () => {
  await main?.stop()
  main = undefined
  rmSync(dir, { recursive: true, force: true })
})

describe('Save diagnostics (diagnostics:save through the real dispatcher)', () => {
  it('writes versions, settings and the log to one 0600 file, with no password, TURN credential or Authorization value', async () => {
    const target = join(dir, 'bundle.txt')
    main = await createHeadlessMain({
      dataDir: join(dir, 'data'),
      logDir: join(dir, 'logs'),
      diagnosticsPath: target,
    })
    expect((await main.dispatch('account:save', { account, password })).ok).toBe(true)
    // Secrets that reached the log through every door: main, the renderer, a raw SIP dump.
    main.logger.warn('Sign-in retried', { password })
    await main.dispatch('log:write', {
      level: 'warn',
      scope: 'sip',
      message: 'REGISTER 401 then Authorization: Digest username="asa", response="c0ffee1234"',
    })
    await main.dispatch('log:write', {
      level: 'info',
      scope: 'session',
      message: `typed ${password} into the dial field`,
    })

    const result = await main.dispatch('diagnostics:save')
    expect(result).toEqual({ ok: true, value: target })
    const bundle = readFileSync(target, 'utf8')
    expect(statSync(target).mode & 0o777).toBe(0o600)
    expect(bundle).toMatch(/===== Versions =====\nParley: headless\nNode: \d+/)
    expect(bundle).toContain('"sipAddress": "asa@pbx.example"')
    expect(bundle).toContain('"passwordStored": true')
    expect(bundle).toContain('"historyLimit": 50000')
    expect(bundle).toContain('renderer/sip: REGISTER 401')
    expect(bundle).toContain('===== Log parley.log =====')
    for (const secret of [password, 'turn-secret-9', 'c0ffee1234']) expect(bundle).not.toContain(secret)
  })

  it('answers null and reads nothing when the save dialog is cancelled', async () => {
    const part = diagnosticsPart(
      {
        chooseTarget: async () => null,
        versions: () => ({}),
        logFiles: () => {
          throw new Error('must not read the logs for a cancelled save')
        },
        redactor: new Redactor(),
      },
      { status: 'absent', path: '', policy: { values: {}, locked: [] } },
    )(fakePartContext())
    await expect(
      part.handlers['diagnostics:save']?.(undefined, { sender: { frameUrl: '', isMainFrame: true } }),
    ).resolves.toBe(null)
  })
})

describe('diagnosticsBundle', () => {
  it('runs the whole text through the redactor, logs included', () => {
    const redactor = new Redactor()
    redactor.addSecret('known-secret-1')
    const text = diagnosticsBundle(
      {
        at: new Date('2026-11-29T13:00:00Z'),
        versions: { Parley: '1.2.3' },
        account: { account: null, hasPassword: false, complete: false, locked: [], notices: [] },
        preferences: preferencesSchema.parse({}),
        policy: { status: 'absent', path: '/etc/parley/policy.json', policy: { values: {}, locked: [] } },
        logs: [{ name: 'parley.log', text: 'x known-secret-1 y\nProxy-Authorization: Digest response="ab"' }],
      },
      redactor,
    )
    expect(text).toContain('===== Log parley.log =====\nx [redacted] y')
    expect(text).not.toMatch(/known-secret-1|response="ab"/)
    expect(text).toContain('Parley: 1.2.3')
  })
})
