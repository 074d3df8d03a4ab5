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
