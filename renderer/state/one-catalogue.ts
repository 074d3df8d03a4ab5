import type { Catalogue } from '../../contract/i18n/message'
import { languageOfLocale, resolveLanguage, type Language } from '../../contract/i18n/language'
import type { Preferences } from '../../contract/schemas'
import type { Outcome } from './api'

/**
 * The language the window starts in: the stored preference (main's answer, asked by the entry
 * with the account), else the system's locales; the same rule LanguageState follows later
 * (resolveLanguage). A refused answer falls back to the system's language.
 */
export function startLanguage(preferences: Outcome<Preferences>, systemLocales: readonly string[]): Language {
  return resolveLanguage(preferences.ok ? preferences.value.language : 'system', systemLocales)
}

export type CatalogueLoaders = Record<Language, () => Promise<Catalogue>>

/**
 * One language's catalogue, each in a chunk of its own: the start view loads only the one it
 * speaks before "Registered" (issue 14); the full window (both languages) loads after.
 */
export const loadCatalogue: CatalogueLoaders = {
  en: () => import('../../contract/i18n/en').then((module) => module.en),
  sv: () => import('../../contract/i18n/sv').then((module) => module.sv),
}

/** Where the window notes the language it spoke last: only a hint for the next start. */
export const languageHintKey = 'parley.language'

/**
 * The language the window most likely starts in, known at once: the one it spoke last (noted by
 * `noteLanguage`), else the system's. Only a guess to fetch its catalogue early (issue 14); the
 * language shown is always decided from main's preference (`startCatalogue`). Storage that
 * cannot be read leaves the system's language: a hint, nothing is lost.
 */
export function languageHint(
  storage: Pick<Storage, 'getItem'> | null,
  systemLocales: readonly string[],
): Language {
  let noted: string | null = null
  try {
    noted = storage?.getItem(languageHintKey) ?? null
  } catch {
    noted = null
  }
  return languageOfLocale(noted) ?? resolveLanguage('system', systemLocales)
}

/** Notes the language the window speaks, for the next start's hint. */
export function noteLanguage(storage: Pick<Storage, 'setItem'> | null, language: Language): void {
  try {
    storage?.setItem(languageHintKey, language)
  } catch {
    // Storage refused (full, or none in this context): the next start guesses from the system.
  }
}

/**
 * The start view's language and its catalogue. The hinted catalogue is fetched at once, while
 * main answers the preferences; when the answer names another language (the hint was wrong,
 * e.g. an admin policy changed it), that one is loaded instead, and only then are two fetched.
 * The catalogue spoken failing rejects (the start-up's caller logs it); the unneeded hint's
 * failure shows nowhere, so it goes to `unusedHintFailed` (a chunk missing from the build).
 */
export async function startCatalogue(
  preferences: Promise<Outcome<Preferences>>,
  hint: Language,
  systemLocales: readonly string[],
  unusedHintFailed: (error: unknown) => void,
  loaders: CatalogueLoaders = loadCatalogue,
): Promise<{ language: Language; catalogue: Catalogue }> {
  // settled at once, so a failure before the preference is known is never an unhandled rejection
  const hinted = loaders[hint]().then(
    (catalogue) => ({ catalogue }),
    (error: unknown) => ({ error }),
  )
  const language = startLanguage(await preferences, systemLocales)
  if (language !== hint) {
    void hinted.then((outcome) => 'error' in outcome && unusedHintFailed(outcome.error))
    return { language, catalogue: await loaders[language]() }
  }
  const outcome = await hinted
  if ('error' in outcome) throw outcome.error
  return { language, catalogue: outcome.catalogue }
}
