/**
 * The languages Parley speaks and how one is chosen. Shared by main and the renderer so both
 * pick the same language from the same preference and system locale.
 */

export const languages = ['en', 'sv'] as const
export type Language = (typeof languages)[number]

/** What the user (or the admin's policy) chose: a language, or "follow the system". */
export const languagePreferences = ['system', ...languages] as const
export type LanguagePreference = (typeof languagePreferences)[number]

/** BCP 47 tag used with Intl for each language (Swedish as written in Sweden). */
export const localeOf: Record<Language, string> = { en: 'en-GB', sv: 'sv-SE' }

const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value)

/** The language of a locale tag such as "sv-SE" or "sv_FI"; null when Parley does not speak it. */
export function languageOfLocale(tag: string | undefined | null): Language | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? ''
  return isLanguage(primary) ? primary : null
}

/**
 * The language to show: the chosen one, or the first of the system's preferred locales that
 * Parley speaks (English when none is).
 */
export function resolveLanguage(preference: LanguagePreference, systemLocales: readonly string[]): Language {
  if (preference !== 'system') return preference
  for (const tag of systemLocales) {
    const language = languageOfLocale(tag)
    if (language) return language
  }
  return 'en'
}

const pluralRules = new Map<Language, Intl.PluralRules>()

/** The CLDR plural category of `count` in `language` (one rules object per language). */
export function pluralCategory(language: Language, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(language)
  if (!rules) {
    rules = new Intl.PluralRules(localeOf[language])
    pluralRules.set(language, rules)
  }
  return rules.select(count)
}

/** Picks the form for `count`; `other` is the fallback every language has. */
export function plural(
  language: Language,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string {
  return forms[pluralCategory(language, count)] ?? forms.other
}
