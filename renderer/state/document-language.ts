import { localeOf, type Language } from '../../contract/i18n/language'
import { noteLanguage } from './one-catalogue'

/**
 * The document's language: screen readers pick their voice (and hyphenation its rules) from
 * it. Set by the start view, then followed by the app as the language changes; noted for the
 * next start, which fetches that catalogue first (languageHint).
 */
export function speakInDocument(language: Language): void {
  document.documentElement.lang = localeOf[language]
  noteLanguage(window.localStorage, language)
}
