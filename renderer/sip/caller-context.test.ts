import { describe, expect, it } from 'vitest'
import {
  MAX_NAME_LENGTH,
  numberFromUri,
  parseCallerContext,
  parseNameAddr,
  sanitizeText,
  splitHeaderValues,
  type HeaderLookup,
} from './caller-context'

function headers(map: Record<string, string | string[]>): HeaderLookup {
  const lower = Object.fromEntries(
    Object.entries(map).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v : [v]]),
  )
  return (name) => lower[name.toLowerCase()] ?? []
}

describe('parseNameAddr', () => {
  it('reads quoted, token and bare forms', () => {
    expect(parseNameAddr('"Åsa Östlund" <sip:1001@pbx.example>;tag=abc')).toEqual({
      name: 'Åsa Östlund',
      uri: 'sip:1001@pbx.example',
    })
    expect(parseNameAddr('Reception <sip:100@pbx.example>')).toEqual({
      name: 'Reception',
      uri: 'sip:100@pbx.example',
    })
    expect(parseNameAddr('sip:200@pbx.example;tag=1')).toEqual({ name: '', uri: 'sip:200@pbx.example' })
    expect(parseNameAddr('<tel:+4681234567>')).toEqual({ name: '', uri: 'tel:+4681234567' })
  })

  it('unescapes quoted pairs', () => {
    expect(parseNameAddr('"Say \\"hi\\" \\\\ bye" <sip:a@b>')?.name).toBe('Say "hi" \\ bye')
  })

  it('returns null for broken values instead of throwing', () => {
    for (const bad of [
      '',
      '   ',
      '"unterminated <sip:a@b>',
      'Name <sip:a@b',
      '"x" sip:a@b',
      '<>',
      'no uri here',
      '<<<>>>',
    ]) {
      expect(parseNameAddr(bad)).toBeNull()
    }
  })
})

describe('numberFromUri', () => {
  it('takes the user part of sip and tel URIs', () => {
    expect(numberFromUri('sip:+46812010064@pbx.example;user=phone')).toBe('+46812010064')
    expect(numberFromUri('sips:555@pbx.example:5061')).toBe('555')
    expect(numberFromUri('tel:+4681234;phone-context=example.com')).toBe('+4681234')
    expect(numberFromUri('sip:bob%20smith@x')).toBe('bob smith')
    expect(numberFromUri('sip:1000;npdi@pbx')).toBe('1000')
  })

  it('is empty without a user and survives broken escapes', () => {
    expect(numberFromUri('sip:pbx.example')).toBe('')
    expect(numberFromUri('mailto:a@b')).toBe('')
    expect(numberFromUri('garbage')).toBe('')
    expect(numberFromUri('sip:%E0%A4%A@x')).toBe('%E0%A4%A')
  })
})

describe('sanitizeText', () => {
  it('keeps HTML as inert text (the UI renders it as text)', () => {
    expect(sanitizeText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>')
  })

  it('removes bidi overrides, controls and line breaks', () => {
    expect(sanitizeText('Evil\u202Egnp.exe')).toBe('Evil gnp.exe')
    expect(sanitizeText('a\u0000b\r\nc\u2066d\u2069')).toBe('a b c d')
    expect(sanitizeText('\u061c+1 555 0100\u200f')).toBe('+1 555 0100')
    expect(sanitizeText('Å\u200esa\u200b')).toBe('Åsa')
  })

  it('trims 6 kB names to a sane length', () => {
    const out = sanitizeText('A'.repeat(6 * 1024))
    expect(Array.from(out).length).toBe(MAX_NAME_LENGTH)
    expect(out.endsWith('…')).toBe(true)
  })

  it('does not split astral characters when trimming', () => {
    const out = sanitizeText('😀'.repeat(500))
    expect(Array.from(out).every((ch) => ch === '😀' || ch === '…')).toBe(true)
  })
})

describe('splitHeaderValues', () => {
  it('splits on commas outside quotes and brackets', () => {
    expect(splitHeaderValues('"Doe, John" <sip:1@a>, <sip:2@a;x=1,2>')).toEqual([
      '"Doe, John" <sip:1@a>',
      '<sip:2@a;x=1,2>',
    ])
  })
})

describe('parseCallerContext', () => {
  it('prefers P-Asserted-Identity over From', () => {
    const ctx = parseCallerContext(
      headers({
        From: '"Spoofable" <sip:999@pbx.example>;tag=1',
        'P-Asserted-Identity': '"Anna Berg" <sip:+4670111222@pbx.example>',
      }),
    )
    expect(ctx).toEqual({ name: 'Anna Berg', number: '+4670111222', via: '' })
  })

  it('uses From when PAI is absent or unusable, and PAI number with From name when PAI has none', () => {
    expect(parseCallerContext(headers({ From: '"Bo" <sip:1002@pbx>;tag=9' }))).toEqual({
      name: 'Bo',
      number: '1002',
      via: '',
    })
    expect(
      parseCallerContext(headers({ From: '"Bo" <sip:1002@pbx>', 'P-Asserted-Identity': '<<broken' })),
    ).toEqual({
      name: 'Bo',
      number: '1002',
      via: '',
    })
    expect(
      parseCallerContext(headers({ From: '"Bo" <sip:1002@pbx>', 'P-Asserted-Identity': '<tel:+468555>' })),
    ).toEqual({
      name: 'Bo',
      number: '+468555',
      via: '',
    })
  })

  it('shows via from Diversion (the original diverting party is the last entry)', () => {
    const ctx = parseCallerContext(
      headers({
        From: '<sip:0701234567@pbx>',
        Diversion: [
          '<sip:1005@pbx>;reason=no-answer;counter=1',
          '"Switchboard" <sip:0812345@pbx>;reason=unconditional',
        ],
      }),
    )
    expect(ctx.via).toBe('Switchboard (0812345)')
  })

  it('shows via from History-Info by index, skipping our own entry', () => {
    const ctx = parseCallerContext(
      headers({
        From: '<sip:0701234567@pbx>',
        'History-Info': '<sip:1001@pbx>;index=1.1, <sip:0812345@pbx?Reason=SIP%3Bcause%3D302>;index=1',
      }),
      '1001',
    )
    expect(ctx.via).toBe('0812345')
  })

  it('shows via from P-Called-Party-ID unless it is our own number', () => {
    expect(
      parseCallerContext(headers({ From: '<sip:1@x>', 'P-Called-Party-ID': '<sip:0812000@pbx>' }), '1001')
        .via,
    ).toBe('0812000')
    expect(
      parseCallerContext(headers({ From: '<sip:1@x>', 'P-Called-Party-ID': '<sip:1001@pbx>' }), '1001').via,
    ).toBe('')
  })

  it('keeps hostile names as plain, bounded text and never throws', () => {
    const ctx = parseCallerContext(
      headers({
        From: `"<img src=x onerror=alert(1)>\u202E${'x'.repeat(6000)}" <sip:666@evil>;tag=1`,
        Diversion: '"<script>alert(1)</script>" <sip:0812@pbx>',
      }),
    )
    expect(ctx.name.startsWith('<img src=x onerror=alert(1)> x')).toBe(true)
    expect(Array.from(ctx.name).length).toBeLessThanOrEqual(MAX_NAME_LENGTH)
    expect(ctx.name).not.toMatch(/\u202E/)
    expect(ctx.number).toBe('666')
    expect(ctx.via).toBe('<script>alert(1)</script> (0812)')
  })

  it('gives empty text for malformed headers and for a lookup that throws', () => {
    expect(parseCallerContext(headers({ From: 'total garbage', Diversion: ';;;,,,<' }))).toEqual({
      name: '',
      number: '',
      via: '',
    })
    expect(
      parseCallerContext(() => {
        throw new Error('boom')
      }),
    ).toEqual({ name: '', number: '', via: '' })
  })
})
