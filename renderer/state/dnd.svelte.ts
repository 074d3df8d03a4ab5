import type { ParleyApi } from '../../contract/ipc'
import { message } from '../../contract/i18n'
import { PreferenceSwitch } from './preference-switch.svelte'

type Notifier = ConstructorParameters<typeof PreferenceSwitch>[1]

/**
 * Do not disturb, the `doNotDisturb` preference: while on, incoming calls are turned away with
 * 486 Busy Here (the calls state does that) and recorded as missed.
 */
export class DoNotDisturbState extends PreferenceSwitch {
  constructor(api: ParleyApi, notifier: Notifier) {
    super(api, notifier, 'doNotDisturb', {
      name: message('say.dnd'),
      said: (on) => message(on ? 'say.dnd-on' : 'say.dnd-off'),
    })
  }
}
