import type { ParleyApi } from '../../contract/ipc'
import { messageSwitch, type PreferenceNotifier, type PreferenceSwitch } from './preference-switch.svelte'

/**
 * Do not disturb, the `doNotDisturb` preference: while on, incoming calls are turned away with
 * 486 Busy Here (the calls state does that) and recorded as missed.
 */
export const doNotDisturb = (api: ParleyApi, notifier: PreferenceNotifier): PreferenceSwitch =>
  messageSwitch(api, notifier, 'doNotDisturb', { name: 'say.dnd', on: 'say.dnd-on', off: 'say.dnd-off' })
