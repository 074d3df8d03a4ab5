import { describe, expect, it } from 'vitest'
import type { EventMap } from '../../contract/ipc'
import { MemoryLogger } from '../log/logger'
import { ClickToCall, findClickToCallLink, parseClickToCall } from './click-to-call'

describe('parseClickToCall', () => {
  it.each([
    ['tel:+46812010064', '+46812010064'],
    ['tel:+46-8-120-100-64', '+46812010064'],
    ['tel:+46%208%20120%20100%2064', '+46812010064'],
    ['tel:(08)%20120.100.64', '0812010064'],
    ['TEL:555', '555'],
    ['tel://0812010064', '0812010064'],
    ['tel:7042;phone-context=example.com', '7042'],
    ['tel:+1-201-555-0123;ext=42', '+12015550123'],
    ['tel:*98#', '*98#'],
    ['callto:+46812010064', '+46812010064'],
    ['callto://+46812010064/', '+46812010064'],
    ['callto:bob@pbx.example', 'sip:bob@pbx.example'],
    ['sip:bob@pbx.example', 'sip:bob@pbx.example'],
    ['SIP:Bob.Smith@PBX.example:5061', 'sip:Bob.Smith@PBX.example:5061'],
    ['sip:bob@pbx.example;transport=ws', 'sip:bob@pbx.example'],
    ['sip:bob@pbx.example?subject=hi&priority=urgent', 'sip:bob@pbx.example'],
    ['sip:+46812010064@pbx.example;user=phone', 'sip:+46812010064@pbx.example'],
    ['sip:1000@192.168.1.10', 'sip:1000@192.168.1.10'],
    ['sip:1000@[2001:db8::1]:5060', 'sip:1000@[2001:db8::1]:5060'],
  ])('%s suggests %s', (link, target) => {
    expect(parseClickToCall(link)).toEqual({ ok: true, target })
  })

  it.each([
    ['javascript:alert(1)', /not a tel:, sip: or callto: link/],
    ['https://evil.example/tel:123', /not a tel:, sip: or callto: link/],
    ['sips:bob@pbx.example', /not a tel:, sip: or callto: link/],
    ['tel:', /no number/],
    ['tel:abc', /not a phone number/],
    ['tel:12+34', /not a phone number/],
    ['tel:123%0d%0aINVITE', /control characters/],
    ['tel:123\nINVITE', /control characters/],
    ['tel:%E0%A4%A', /broken %-encoding/],
    ['tel:<img src=x onerror=alert(1)>', /not a phone number/],
    ['tel:' + '1'.repeat(40), /not a phone number/],
    ['tel:' + '1'.repeat(600), /too long/],
    ['sip:pbx.example', /exactly one user@domain/],
    ['sip:a@b@pbx.example', /exactly one user@domain/],
    ['sip:bob:secret@pbx.example', /user part/],
    ['sip:<script>@pbx.example', /user part/],
    ['sip:bob@pbx.example:99999', /port/],
    ['sip:bob@-bad-.example', /domain/],
    ['sip:bob@pbx example', /domain/],
    ['callto:skype.user', /not a phone number/],
    ['tel:--inspect=9229', /not a phone number/],
  ])('%s is refused', (link, reason) => {
    const parsed = parseClickToCall(link)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(reason)
  })

  it('refuses non-text input', () => {
    expect(parseClickToCall(42)).toEqual({ ok: false, reason: 'it is not text' })
  })
})

describe('findClickToCallLink', () => {
  it('picks the link from a second instance command line', () => {
    expect(
      findClickToCallLink([
        'C:\\Parley\\Parley.exe',
        '--allow-file-access-from-files',
        '--',
        'tel:+46812010064',
      ]),
    ).toBe('tel:+46812010064')
    expect(findClickToCallLink(['/usr/bin/parley', '--no-sandbox'])).toBeNull()
  })
})

describe('ClickToCall', () => {
  it('emits a dial-request and shows the window for a good link, nothing for a bad one', () => {
    const emitted: EventMap['dial-request'][] = []
    let shown = 0
    const logger = new MemoryLogger()
    const clickToCall = new ClickToCall(
      { emit: (_event, payload) => emitted.push(payload as EventMap['dial-request']) },
      logger,
      () => shown++,
    )
    expect(clickToCall.handleArgv(['parley', 'sip:bob@pbx.example;transport=tcp'])).toBe(true)
    expect(clickToCall.handleLink('tel:12\r\n34')).toBe(false)
    expect(clickToCall.handleArgv(['parley'])).toBe(false)
    expect(emitted).toEqual([{ target: 'sip:bob@pbx.example' }])
    expect(shown).toBe(1)
    expect(logger.lines.some((line) => line.message.startsWith('Ignored click-to-call link'))).toBe(true)
  })
})
