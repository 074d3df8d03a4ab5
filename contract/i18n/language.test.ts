import { describe, expect, it } from 'vitest'
import { languageOfLocale, resolveLanguage } from './language'

describe('language choice', () => {
  it('follows the system: the first preferred locale Parley speaks, else English', () => {
    expect(resolveLanguage('system', ['sv-SE', 'en-US'])).toBe('sv')
    expect(resolveLanguage('system', ['de-DE', 'sv-FI'])).toBe('sv')
    expect(resolveLanguage('system', ['de-DE'])).toBe('en')
    expect(resolveLanguage('system', [])).toBe('en')
  })

  it('a chosen language wins over the system', () => {
    expect(resolveLanguage('en', ['sv-SE'])).toBe('en')
    expect(resolveLanguage('sv', ['en-US'])).toBe('sv')
  })

  it('reads locale tags in either spelling', () => {
    expect(languageOfLocale('SV_se')).toBe('sv')
    expect(languageOfLocale('svx')).toBeNull()
    expect(languageOfLocale(undefined)).toBeNull()
  })
})
