import { describe, expect, it } from 'vitest'
import { Redactor, redacted } from './redact'

const redact = (text: string) => new Redactor().redact(text)

describe('Redactor', () => {
  it('removes Authorization and Proxy-Authorization header values, keeping the header name', () => {
    const message = [
      'REGISTER sip:parley.test SIP/2.0',
      'Authorization: Digest username="1001", realm="parley.test", nonce="abc", uri="sip:parley.test", response="6629fae49393a05397450978507c4ef1"',
      'Proxy-Authorization: Digest username="1001", response="0123456789abcdef"',
      'Contact: <sip:x@y>',
    ].join('\r\n')
    const out = redact(message)
    expect(out).not.toContain('6629fae49393a05397450978507c4ef1')
    expect(out).not.toContain('0123456789abcdef')
    expect(out).toContain(`Authorization: ${redacted}`)
    expect(out).toContain(`Proxy-Authorization: ${redacted}`)
    expect(out).toContain('Contact: <sip:x@y>')
  })

  it('removes authorization values in JSON dumps and digest responses on their own', () => {
    const out = redact('{"Authorization":"Bearer abc.def.ghi","x":1} then response="deadbeef01", cnonce=zz9')
    expect(out).not.toMatch(/abc\.def\.ghi|deadbeef01|zz9/)
    expect(out).toContain('"x":1')
  })

  it('removes password, secret, credential and token fields in every common spelling', () => {
    for (const text of [
      '{"password":"hunter2-long"}',
      "{ password: 'hunter2-long' }",
      'password=hunter2-long&user=1',
      'Password: hunter2-long',
      '{"credential":"hunter2-long","username":"turnuser"}',
      'token=hunter2-long',
    ]) {
      const out = redact(text)
      expect(out, text).not.toContain('hunter2-long')
      expect(out, text).toContain(redacted)
    }
  })

  it('removes the password part of credentials inside TURN, SIP and web URIs, keeping the rest', () => {
    const out = redact('ice turn:alice:s3cr3tpw@turn.example.com:3478 and sip:bob:pw12345@pbx.example.com')
    expect(out).not.toContain('s3cr3tpw')
    expect(out).not.toContain('pw12345')
    expect(out).toContain('turn:alice:')
    expect(out).toContain('@turn.example.com:3478')
    // A plain SIP address has no password and stays readable.
    expect(redact('calling sip:alice@pbx.example.com')).toBe('calling sip:alice@pbx.example.com')
  })

  it('replaces a known secret wherever it appears, even with no telltale key', () => {
    const redactor = new Redactor()
    redactor.addSecret('parley-test-secret')
    const out = redactor.redact('typed parley-test-secret into the number field; again:parley-test-secret!')
    expect(out).not.toContain('parley-test-secret')
    expect(out.split(redacted)).toHaveLength(3)
  })

  it('ignores very short known secrets (they would blank ordinary words)', () => {
    const redactor = new Redactor()
    redactor.addSecret('a')
    expect(redactor.redact('a call')).toBe('a call')
  })

  it('leaves ordinary log text alone', () => {
    const text = 'Registered as 1001@parley.test; Stored password could not be read (EACCES)'
    expect(redact(text)).toBe(text)
  })
})
