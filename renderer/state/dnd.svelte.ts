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

/**
 * Close to tray, the `closeToTray` preference: closing the window keeps the phone running in
 * the tray, because a phone that quits with its window misses calls.
 */
export class CloseToTrayState extends PreferenceSwitch {
  constructor(api: ParleyApi, notifier: Notifier) {
    super(api, notifier, 'closeToTray', {
      name: 'Keep running in the tray',
      said: (on) =>
        on
          ? 'Parley keeps running in the tray when its window is closed.'
          : 'Parley quits when its window is closed.',
    })
  }
}
