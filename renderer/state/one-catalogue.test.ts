import { describe, expect, it } from 'vitest'
import { en } from '../../contract/i18n/en'
import { sv } from '../../contract/i18n/sv'
import type { Catalogue } from '../../contract/i18n/message'
import type { Preferences } from '../../contract/schemas'
import type { Outcome } from './api'
import {
  languageHint,
  languageHintKey,
  noteLanguage,
  startCatalogue,
  startLanguage,
  type CatalogueLoaders,
} from './one-catalogue'

const preferring = (language: Preferences['language']): Outcome<Preferences> => ({
  ok: true,
  value: { language } as Preferences,
})
const refused: Outcome<Preferences> = { ok: false, message: { key: 'reason.service-unreachable' } }

/** Loaders that count what is fetched. */
function counting() {
  const loaded: string[] = []
  const loaders: CatalogueLoaders = {
    en: async () => (loaded.push('en'), en),
    sv: async () => (loaded.push('sv'), sv as Catalogue),
  }
  return { loaded, loaders }
}

class MemoryStorage {
  readonly items = new Map<string, string>()
  getItem = (key: string) => this.items.get(key) ?? null
  setItem = (key: string, value: string) => void this.items.set(key, value)
}

describe('startLanguage', () => {
  it('speaks the stored preference, else the system language, and the system one when main refused', () => {
    expect(startLanguage(preferring('sv'), ['en-US'])).toBe('sv')
    expect(startLanguage(preferring('system'), ['sv-SE', 'en-US'])).toBe('sv')
    expect(startLanguage(preferring('system'), ['de-DE'])).toBe('en')
    expect(startLanguage(refused, ['sv-FI'])).toBe('sv')
  })
})

describe('languageHint / noteLanguage', () => {
  it('guesses the language noted last, else the system one', () => {
    const storage = new MemoryStorage()
    expect(languageHint(storage, ['sv-SE'])).toBe('sv')
    noteLanguage(storage, 'en')
    expect(storage.items.get(languageHintKey)).toBe('en')
    expect(languageHint(storage, ['sv-SE'])).toBe('en')
  })

  it('ignores a note that is no language Parley speaks, and storage that throws', () => {
    const storage = new MemoryStorage()
    storage.items.set(languageHintKey, 'klingon')
    expect(languageHint(storage, ['sv-SE'])).toBe('sv')
    const broken = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('full')
      },
    }
    expect(languageHint(broken, ['en-GB'])).toBe('en')
    expect(() => noteLanguage(broken, 'sv')).not.toThrow()
    expect(languageHint(null, ['sv'])).toBe('sv')
  })
})

/** For starts whose hint is either used or loads: nothing to report. */
const unexpected = (error: unknown) => {
  throw new Error(`nothing should be reported here: ${String(error)}`)
}

describe('startCatalogue (only the language the window speaks before Registered)', () => {
  it('fetches only the hinted catalogue when the preference agrees', async () => {
    const { loaded, loaders } = counting()
    const started = await startCatalogue(
      Promise.resolve(preferring('sv')),
      'sv',
      ['en-US'],
      unexpected,
      loaders,
    )
    expect(started.language).toBe('sv')
    expect(started.catalogue).toBe(sv)
    expect(loaded).toEqual(['sv'])
  })

  it('speaks the preference when the hint was wrong', async () => {
    const { loaded, loaders } = counting()
    const started = await startCatalogue(
      Promise.resolve(preferring('sv')),
      'en',
      ['en-US'],
      unexpected,
      loaders,
    )
    expect(started).toEqual({ language: 'sv', catalogue: sv })
    expect(loaded).toEqual(['en', 'sv'])
  })

  it('fails when the catalogue it speaks cannot be loaded, not when a wrong hint could not', async () => {
    const failing: CatalogueLoaders = { en: () => Promise.reject(new Error('gone')), sv: async () => sv }
    const unused: unknown[] = []
    await expect(
      startCatalogue(Promise.resolve(preferring('sv')), 'en', [], (error) => unused.push(error), failing),
    ).resolves.toEqual({
      language: 'sv',
      catalogue: sv,
    })
    // the wrong hint's failure is said once, for the log
    await Promise.resolve()
    expect(unused).toEqual([new Error('gone')])
    await expect(
      startCatalogue(Promise.resolve(preferring('en')), 'en', [], unexpected, failing),
    ).rejects.toThrow('gone')
  })
})
