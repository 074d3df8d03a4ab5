import type { ParleyApi } from '../../contract/ipc'
import {
  render,
  resolveLanguage,
  translate,
  type ArgsOf,
  type Language,
  type LanguagePreference,
  type Message,
  type MessageKey,
} from '../../contract/i18n'
import type { Preferences } from '../../contract/schemas'
import { request } from './api'

interface LanguageNotifier {
  announce(message: Message | string): void
  alert(message: Message | string): void
}

/**
 * The language the window speaks. Main owns the `language` preference ("system", "en", "sv";
 * an admin policy may preset or lock it); with "system" the browser's languages decide
 * (`navigator.languages`, which follows the operating system in Electron). Components read
 * `t(...)` / `text(...)`, which re-render when the language changes.
 */
export class LanguageState {
  preference = $state<LanguagePreference>('system')
  busy = $state(false)
  readonly systemLanguage: Language

  constructor(
    private readonly api: ParleyApi,
    private readonly notifier: LanguageNotifier,
    private readonly systemLocales: readonly string[],
  ) {
    this.systemLanguage = resolveLanguage('system', systemLocales)
  }

  /** The language shown now (reactive: it reads the preference). */
  get language(): Language {
    return this.preference === 'system' ? this.systemLanguage : this.preference
  }

  t<K extends MessageKey>(key: K, ...args: ArgsOf<K>): string {
    return translate(this.language, key, ...args)
  }

  /** A Message from a lower layer in the current language (plain strings pass unchanged). */
  text(message: Message | string): string {
    return typeof message === 'string' ? message : render(this.language, message)
  }

  start(): () => void {
    return this.api.on('preferences-changed', (preferences) => this.apply(preferences))
  }

  /** Takes the stored preferences (read once at start for every state, see app-state.ts). */
  apply(preferences: Preferences): void {
    this.preference = preferences.language
  }

  /** Changes the language; a refusal (locked by the admin, main unreachable) is said in words. */
  async choose(preference: LanguagePreference): Promise<boolean> {
    if (this.busy) return false
    this.busy = true
    try {
      const result = await request(this.api, 'preferences:update', { language: preference })
      if (!result.ok) {
        this.notifier.alert(
          this.t('settings.not-changed', { setting: this.t('settings.language'), reason: result.message }),
        )
        return false
      }
      this.preference = result.value.language
      this.notifier.announce(
        this.t('settings.language-changed', { language: this.t(`language.${this.language}`) }),
      )
      return true
    } finally {
      this.busy = false
    }
  }
}
