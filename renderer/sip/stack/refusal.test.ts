import { describe, expect, it } from 'vitest'
import { refusalOf } from './refusal'

const invite = [
  'INVITE sip:5001@127.0.0.1:5060;transport=ws SIP/2.0',
  'Via: SIP/2.0/WSS 127.0.0.1:8443;branch=z9hG4bKproxy',
  'v: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bKsipp;rport=5999',
  'From: "Bo" <sip:1002@parley.test>;tag=abc',
  'To: <sip:5001@parley.test>',
  'Call-ID: c1@127.0.0.1',
  'CSeq: 1 INVITE',
  'Contact: <sip:@@@;;;>',
  'Content-Length: 0',
  '',
  '',
].join('\r\n')

describe('refusalOf', () => {
  it('answers an unparsable INVITE with 400, every Via kept in order, a To tag added', () => {
    const result = refusalOf(invite, 't4g')
    expect(result?.refused).toEqual({
      method: 'INVITE',
      from: '"Bo" <sip:1002@parley.test>;tag=abc',
      status: 400,
    })
    const lines = result?.response.split('\r\n') ?? []
    expect(lines[0]).toBe('SIP/2.0 400 Bad Request')
    expect(lines.filter((l) => l.startsWith('Via:'))).toEqual([
      'Via: SIP/2.0/WSS 127.0.0.1:8443;branch=z9hG4bKproxy',
      'Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bKsipp;rport=5999',
    ])
    expect(lines).toContain('To: <sip:5001@parley.test>;tag=t4g')
    expect(lines).toContain('CSeq: 1 INVITE')
    expect(result?.response.endsWith('Content-Length: 0\r\n\r\n')).toBe(true)
  })

  it('leaves alone what cannot or must not be answered: responses, ACK, no Via', () => {
    expect(refusalOf('SIP/2.0 200 OK\r\nVia: x\r\n\r\n', 't')).toBeNull()
    expect(refusalOf(invite.replace(/^INVITE/, 'ACK').replace('1 INVITE', '1 ACK'), 't')).toBeNull()
    expect(refusalOf(invite.replace(/^(Via|v):.*\r\n/gm, ''), 't')).toBeNull()
  })
})
