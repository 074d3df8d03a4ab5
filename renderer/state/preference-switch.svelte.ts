import type { ParleyApi } from '../../contract/ipc'
import type { Preferences } from '../../contract/schemas'
import { request } from './api'

type BooleanPreference = {
  [K in keyof Preferences]: Preferences[K] extends boolean ? K : never
}[keyof Preferences]

interface SwitchNotifier {
  announce(message: string): void
  alert(message: string): void
}

export interface PreferenceSwitchText {
  /** "Do not disturb": used in the refusal message. */
  name: string
  /** Said in the live region after a change. */
  said(enabled: boolean): string
}

/**
 * One on/off preference that main owns (do not disturb, close to tray). This mirrors it, also
 * when it changes elsewhere (the tray, the policy), and says each change or refusal in words.
 */
export class PreferenceSwitch {
  enabled = $state(false)
  /** A change is on its way to main. */
  busy = $state(false)

  private readonly api: ParleyApi
  private readonly notifier: SwitchNotifier
  private readonly key: BooleanPreference
  private readonly text: PreferenceSwitchText

  constructor(api: ParleyApi, notifier: SwitchNotifier, key: BooleanPreference, text: PreferenceSwitchText) {
    this.api = api
    this.notifier = notifier
    this.key = key
    this.text = text
  }

  start(): () => void {
    return this.api.on('preferences-changed', (preferences) => {
      this.enabled = preferences[this.key]
    })
  }

  async load(): Promise<void> {
    const result = await request(this.api, 'preferences:get')
    if (result.ok) this.enabled = result.value[this.key]
  }

  /** Turns the preference on or off; a refusal (e.g. locked by the admin) is said in words. */
  async setEnabled(enabled: boolean): Promise<boolean> {
    if (this.busy) return false
    this.busy = true
    try {
      const result = await request(this.api, 'preferences:update', { [this.key]: enabled })
      if (!result.ok) {
        this.notifier.alert(`${this.text.name} was not changed: ${result.message}`)
        return false
      }
      this.enabled = result.value[this.key]
      this.notifier.announce(this.text.said(this.enabled))
      return true
    } finally {
      this.busy = false
    }
  }
}
