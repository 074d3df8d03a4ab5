import { describe, expect, it } from 'vitest'
import { catalogues, message, render, translate } from './catalogue'
import { languages } from './language'

/** Any parameter read gets 1: enough for numbers, plural rules and text alike. */
const anyParams = new Proxy({}, { get: (_target, key) => (key === Symbol.toPrimitive ? undefined : 1) })

describe('message catalogue', () => {
  const reference = Object.keys(catalogues.en).sort()

  for (const language of languages) {
    it(`${language} has exactly the English keys`, () => {
      expect(Object.keys(catalogues[language]).sort()).toEqual(reference)
    })

    it(`${language} texts are complete and take the same parameters as English`, () => {
      for (const key of reference) {
        const entry = catalogues[language][key as keyof (typeof catalogues)['en']]
        const english = catalogues.en[key as keyof (typeof catalogues)['en']]
        expect(typeof entry, key).toBe(typeof english)
        const text = typeof entry === 'function' ? (entry as (p: unknown) => string)(anyParams) : entry
        expect(text.trim(), key).not.toBe('')
        expect(text, key).not.toMatch(/undefined|\[object|NaN/)
      }
    })
  }

  it('Swedish differs from English except where both languages say the same', () => {
    // Parameters as markers, so a text with parameters compares by its own words.
    const markers = new Proxy({}, { get: (_target, key) => (key === 'count' ? 2 : '\u0000') })
    const said = (entry: unknown) =>
      typeof entry === 'function' ? String((entry as (p: unknown) => string)(markers)) : String(entry)
    const same = reference.filter(
      (key) =>
        said(catalogues.en[key as keyof (typeof catalogues)['en']]) ===
        said(catalogues.sv[key as keyof (typeof catalogues)['en']]),
    )
    // Words Swedish borrows ("Lunch", "Status", "Support", "Via"), names, and texts that are only
    // their parameters: an English text copied into the Swedish catalogue fails here (the e2e
    // journey cannot see it, as it looks for English that differs from Swedish).
    expect(same).toEqual(
      [
        'app.title',
        'card.via',
        'csv.via',
        'history.entry',
        'lamp.of',
        'lamp.with-note',
        'language.en',
        'language.sv',
        'notify.name-and-number',
        'notify.via',
        'policy.problems',
        'settings.support',
        'status.lunch',
        'status.schedule-status',
        'tray.tooltip',
        'voicemail.key',
      ].sort(),
    )
  })

  it('uses the language plural rules', () => {
    expect(translate('sv', 'history.missed-count', { count: 1 })).toBe('1 missat samtal')
    expect(translate('sv', 'history.missed-count', { count: 3 })).toBe('3 missade samtal')
    expect(translate('en', 'history.missed-count', { count: 1 })).toBe('1 missed call')
    expect(translate('en', 'history.missed-count', { count: 0 })).toBe('0 missed calls')
  })

  it('renders a Message (code plus parameters) in any language', () => {
    const missed = message('app.title-missed', { count: 2 })
    expect(JSON.parse(JSON.stringify(missed))).toEqual(missed)
    expect(render('en', missed)).toBe('Parley (2 missed)')
    expect(render('sv', missed)).toBe('Parley (2 missade)')
    expect(render('sv', message('settings.title'))).toBe('Inställningar')
  })
})
