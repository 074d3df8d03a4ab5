import type { ParleyApi } from '../../contract/ipc'
import { PreferenceSwitch } from './preference-switch.svelte'

/** The history note on a call do not disturb turned away (shown as "Missed (Do not disturb)"). */
export const dndHistoryNote = 'Do not disturb'

type Notifier = ConstructorParameters<typeof PreferenceSwitch>[1]

/**
 * Do not disturb, the `doNotDisturb` preference: while on, incoming calls are turned away with
 * 486 Busy Here (the calls state does that) and recorded as missed.
 */
export class DoNotDisturbState extends PreferenceSwitch {
  constructor(api: ParleyApi, notifier: Notifier) {
    super(api, notifier, 'doNotDisturb', {
      name: 'Do not disturb',
      said: (on) =>
        on ? 'Do not disturb is on: incoming calls are turned away as busy.' : 'Do not disturb is off.',
    })
  }
}
