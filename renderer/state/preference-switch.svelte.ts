import type { ParleyApi } from '../../contract/ipc'
import type { Preferences } from '../../contract/schemas'
import { message, type Message } from '../../contract/i18n'
import type { ArgsOf, MessageKey } from '../../contract/i18n/catalogue'
import { request } from './api'
import type { Say } from './ui.svelte'

export type BooleanPreference = {
  [K in keyof Preferences]: Preferences[K] extends boolean ? K : never
}[keyof Preferences]

export interface PreferenceNotifier {
  announce(message: Say): void
  alert(message: Say): void
}

export interface PreferenceText<V> {
  /** "Do not disturb": used in the refusal message. */
  name: string | Message
  /** Said in the live region after a change. */
  said(value: V): Say
}

export type PreferenceSwitchText = PreferenceText<boolean>

/**
 * One preference that main owns (do not disturb, close to tray, keypad tones). This mirrors it,
 * also when it changes elsewhere (the tray, the policy), and says each change or refusal in words.
 */
export class PreferenceValue<K extends keyof Preferences> {
  value: Preferences[K] = $state() as Preferences[K]
  /** A change is on its way to main. */
  busy = $state(false)

  private readonly api: ParleyApi
  private readonly notifier: PreferenceNotifier
  private readonly key: K
  private readonly text: PreferenceText<Preferences[K]>

  constructor(
    api: ParleyApi,
    notifier: PreferenceNotifier,
    key: K,
    text: PreferenceText<Preferences[K]>,
    initial: Preferences[K],
  ) {
    this.api = api
    this.notifier = notifier
    this.key = key
    this.text = text
    this.value = initial
  }

  start(): () => void {
    return this.api.on('preferences-changed', (preferences) => this.apply(preferences))
  }

  /** Takes the stored preferences (read once at start for every state, see app-state.ts). */
  apply(preferences: Preferences): void {
    this.value = preferences[this.key]
  }

  /** Changes the preference; a refusal (e.g. locked by the admin) is said in words. */
  async set(value: Preferences[K]): Promise<boolean> {
    if (this.busy) return false
    this.busy = true
    try {
      const result = await request(this.api, 'preferences:update', { [this.key]: value })
      if (!result.ok) {
        this.notifier.alert(
          message('settings.not-changed', { setting: this.text.name, reason: result.message }),
        )
        return false
      }
      this.value = result.value[this.key]
      this.notifier.announce(this.text.said(this.value))
      return true
    } finally {
      this.busy = false
    }
  }
}

/** An on/off preference. */
export class PreferenceSwitch extends PreferenceValue<BooleanPreference> {
  constructor(
    api: ParleyApi,
    notifier: PreferenceNotifier,
    key: BooleanPreference,
    text: PreferenceSwitchText,
  ) {
    super(api, notifier, key, text, false)
  }

  get enabled(): boolean {
    return this.value
  }

  /** Turns the preference on or off; a refusal (e.g. locked by the admin) is said in words. */
  setEnabled(enabled: boolean): Promise<boolean> {
    return this.set(enabled)
  }
}

/**
 * An on/off preference whose name and on / off lines are catalogue messages, rendered in the
 * language of the moment wherever they are shown (do not disturb, close to tray).
 */
export function messageSwitch(
  api: ParleyApi,
  notifier: PreferenceNotifier,
  key: BooleanPreference,
  texts: { name: PlainKey; on: PlainKey; off: PlainKey },
): PreferenceSwitch {
  return new PreferenceSwitch(api, notifier, key, {
    name: message(texts.name),
    said: (on) => message(on ? texts.on : texts.off),
  })
}

/** A catalogue text without parameters. */
type PlainKey = { [K in MessageKey]: ArgsOf<K> extends [] ? K : never }[MessageKey]

/**
 * An on/off preference named and announced in the window's current language (SIP trace, keep
 * on top): `name` for refusals, `on` / `off` said after a change.
 */
export class CataloguedSwitch extends PreferenceSwitch {
  constructor(
    api: ParleyApi,
    notifier: PreferenceNotifier,
    language: { t(key: PlainKey): string },
    key: BooleanPreference,
    texts: { name: PlainKey; on: PlainKey; off: PlainKey },
  ) {
    super(api, notifier, key, {
      get name() {
        return language.t(texts.name)
      },
      said: (on) => language.t(on ? texts.on : texts.off),
    })
  }
}
