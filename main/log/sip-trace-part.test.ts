import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { invokeSchemas } from '../../contract/ipc'
import { sipTraceLimits } from '../../contract/limits'
import type { SipTraceLine } from '../../contract/schemas'
import { Redactor } from './redact'
import { sipTrace, sipTraceFileName, type SipTraceOptions } from './sip-trace-part'

const password = 'Pa55-word-secret'
const digest =
  'Digest algorithm=MD5, username="alice", realm="parley.test", nonce="abc123", uri="sip:parley.test", response="0123456789abcdef0123456789abcdef"'
const register = [
  'REGISTER sip:parley.test SIP/2.0',
  'Via: SIP/2.0/WSS abc.invalid;branch=z9hG4bK1',
  'From: <sip:alice@parley.test>;tag=1',
  'To: <sip:alice@parley.test>',
  'Call-ID: c1',
  'CSeq: 2 REGISTER',
  `Authorization: ${digest}`,
  `Proxy-Authorization: ${digest}`,
  `X-Debug: pass=${password}`,
  'Content-Length: 0',
  '',
  '',
].join('\r\n')

const sender = { sender: { frameUrl: '', isMainFrame: true } }
const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function traceIn(enabled: () => boolean, extra: Partial<SipTraceOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'parley-trace-'))
  dirs.push(dir)
  const redactor = new Redactor()
  redactor.addSecret(password)
  const trace = sipTrace({ dir, redactor, enabled, ...extra })
  const write = (line: SipTraceLine) => trace.part.handlers['sip-trace:write']?.(line, sender)
  const read = () => readFileSync(join(dir, sipTraceFileName), 'utf8')
  return { dir, trace, write, read }
}

describe('SIP trace part (sip-trace:write)', () => {
  it('writes a REGISTER with its Authorization values and the password redacted, in a 0600 file', () => {
    const { dir, write, read } = traceIn(() => true)
    expect(write({ direction: 'sent', text: register })).toBe(true)
    expect(write({ direction: 'received', text: 'SIP/2.0 200 OK\r\nCSeq: 2 REGISTER\r\n\r\n' })).toBe(true)
    const text = read()
    expect(text).toContain('>>> sent')
    expect(text).toContain('REGISTER sip:parley.test SIP/2.0')
    expect(text).toContain('Authorization: [redacted]')
    expect(text).toContain('Proxy-Authorization: [redacted]')
    expect(text).toContain('<<< received')
    expect(text).toContain('SIP/2.0 200 OK')
    expect(text).not.toContain(password)
    expect(text).not.toContain('0123456789abcdef')
    expect(text).not.toContain('nonce="abc123"')
    expect(statSync(join(dir, sipTraceFileName)).mode & 0o777).toBe(0o600)
  })

  it('writes nothing while the trace is off, and starts when it is switched on', () => {
    let on = false
    const { dir, write, read } = traceIn(() => on)
    expect(write({ direction: 'sent', text: register })).toBe(false)
    expect(readdirSync(dir)).toEqual([])
    on = true
    expect(write({ direction: 'received', text: 'SIP/2.0 200 OK' })).toBe(true)
    expect(read()).toContain('SIP/2.0 200 OK')
    expect(read()).not.toContain('REGISTER')
  })

  it('stays bounded: rotates past maxBytes and keeps only `keep` old files', async () => {
    const { dir, trace, write } = traceIn(() => true, { maxBytes: 2_000, keep: 2 })
    for (let index = 0; index < 100; index++)
      await write({ direction: 'sent', text: `OPTIONS ${index} ${'x'.repeat(200)}` })
    const files = trace.files()
    expect(files).toHaveLength(3)
    expect(readdirSync(dir).sort()).toEqual(['sip-trace.1.log', 'sip-trace.2.log', 'sip-trace.log'])
    for (const file of files) expect(statSync(file).size).toBeLessThanOrEqual(2_000)
    // the newest message is in the current file, the oldest ones are gone
    expect(readFileSync(join(dir, sipTraceFileName), 'utf8')).toContain('OPTIONS 99 ')
    expect(files.map((file) => readFileSync(file, 'utf8')).join('')).not.toContain('OPTIONS 0 ')
  })

  it('the contract refuses an oversized message and an unknown direction before main writes', () => {
    const schema = invokeSchemas['sip-trace:write']
    expect(schema.safeParse({ direction: 'sent', text: 'x'.repeat(sipTraceLimits.text) }).success).toBe(true)
    expect(schema.safeParse({ direction: 'sent', text: 'x'.repeat(sipTraceLimits.text + 1) }).success).toBe(
      false,
    )
    expect(schema.safeParse({ direction: 'sideways', text: 'OPTIONS' }).success).toBe(false)
    expect(schema.safeParse({ direction: 'sent', text: '' }).success).toBe(false)
  })
})
