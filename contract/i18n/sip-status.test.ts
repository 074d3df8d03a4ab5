import { describe, expect, it } from 'vitest'
import { translate } from './catalogue'

/**
 * A SIP failure is worded by its status code (and by its class when the code has no wording of
 * its own), never by the server's reason phrase: a Swedish user reads Swedish whatever the PBX
 * sends, and the phrase goes to the log.
 */
describe('SIP failure statuses', () => {
  const codes = [
    400, 403, 404, 408, 410, 480, 484, 486, 487, 488, 500, 502, 503, 504, 600, 603, 604, 606, 699,
  ]

  it('read in the catalogue’s words in each language, with the code', () => {
    for (const code of codes)
      for (const key of ['call.failed-status', 'transfer.failed-status', 'registration.refused'] as const) {
        const sv = translate('sv', key, { code })
        const en = translate('en', key, { code })
        expect(sv, `${key} ${code}`).toContain(`(${code})`)
        expect(sv, `${key} ${code}`).not.toBe(en)
        expect(sv, `${key} ${code}`).not.toMatch(/undefined|\b(the|call|server|error|failed)\b/i)
      }
  })

  it('word the everyday codes as a Swedish phone says them', () => {
    const call = (code: number) => translate('sv', 'call.failed-status', { code })
    expect(call(486)).toBe('Upptaget (486)')
    expect(call(480)).toBe('Går inte att nå (480)')
    expect(call(404)).toBe('Numret finns inte (404)')
    expect(call(603)).toBe('Avböjt (603)')
    expect(call(408)).toBe('Inget svar (408)')
    expect(call(500)).toBe('Växeln kunde inte koppla fram samtalet (500)')
    expect(call(599)).toBe('Växeln kunde inte koppla fram samtalet (599)')
    expect(translate('sv', 'transfer.failed-status', { code: 502 })).toBe(
      'Kopplingen misslyckades: växeln kunde inte koppla fram samtalet (502)',
    )
    expect(translate('sv', 'registration.refused', { code: 500 })).toBe(
      'Registreringen nekades: fel i växeln (500)',
    )
  })
})
