import type { ParleyApi } from '../../contract/ipc'
import { PreferenceSwitch } from './preference-switch.svelte'

type Notifier = ConstructorParameters<typeof PreferenceSwitch>[1]

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
