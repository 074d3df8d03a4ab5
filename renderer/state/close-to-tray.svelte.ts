import type { ParleyApi } from '../../contract/ipc'
import { messageSwitch, type PreferenceNotifier, type PreferenceSwitch } from './preference-switch.svelte'

/**
 * Close to tray, the `closeToTray` preference: closing the window keeps the phone running in
 * the tray, because a phone that quits with its window misses calls.
 */
export const closeToTray = (api: ParleyApi, notifier: PreferenceNotifier): PreferenceSwitch =>
  messageSwitch(api, notifier, 'closeToTray', { name: 'say.tray', on: 'say.tray-on', off: 'say.tray-off' })
