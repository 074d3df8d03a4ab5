import type { ParleyApi } from '../../contract/ipc'
import { message } from '../../contract/i18n'
import { PreferenceSwitch } from './preference-switch.svelte'

type Notifier = ConstructorParameters<typeof PreferenceSwitch>[1]

/**
 * Close to tray, the `closeToTray` preference: closing the window keeps the phone running in
 * the tray, because a phone that quits with its window misses calls.
 */
export class CloseToTrayState extends PreferenceSwitch {
  constructor(api: ParleyApi, notifier: Notifier) {
    super(api, notifier, 'closeToTray', {
      name: message('say.tray'),
      said: (on) => message(on ? 'say.tray-on' : 'say.tray-off'),
    })
  }
}
