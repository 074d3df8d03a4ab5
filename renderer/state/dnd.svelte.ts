import type { ParleyApi } from '../../contract/ipc'
import { request } from './api'

/** The history note on a call do not disturb turned away (shown as "Missed (Do not disturb)"). */
export const dndHistoryNote = 'Do not disturb'

/**
 * Do not disturb, the `doNotDisturb` preference: while on, incoming calls are turned away with
 * 486 Busy Here (the calls state does that) and recorded as missed. Main owns the value; this
 * mirrors it, also when it changes elsewhere (the tray, another window).
 */
export class DoNotDisturbState {
  enabled = $state(false)
  /** A change is on its way to main. */
  busy = $state(false)

  private readonly api: ParleyApi
  private readonly notifier: { announce(message: string): void; alert(message: string): void }

  constructor(api: ParleyApi, notifier: { announce(message: string): void; alert(message: string): void }) {
    this.api = api
    this.notifier = notifier
  }

  start(): () => void {
    return this.api.on('preferences-changed', (preferences) => {
      this.enabled = preferences.doNotDisturb
    })
  }

  async load(): Promise<void> {
    const result = await request(this.api, 'preferences:get')
    if (result.ok) this.enabled = result.value.doNotDisturb
  }

  /** Turns do not disturb on or off; a refusal (e.g. locked by the admin) is said in words. */
  async setEnabled(enabled: boolean): Promise<boolean> {
    if (this.busy) return false
    this.busy = true
    try {
      const result = await request(this.api, 'preferences:update', { doNotDisturb: enabled })
      if (!result.ok) {
        this.notifier.alert(`Do not disturb was not changed: ${result.message}`)
        return false
      }
      this.enabled = result.value.doNotDisturb
      this.notifier.announce(
        this.enabled
          ? 'Do not disturb is on: incoming calls are turned away as busy.'
          : 'Do not disturb is off.',
      )
      return true
    } finally {
      this.busy = false
    }
  }
}
