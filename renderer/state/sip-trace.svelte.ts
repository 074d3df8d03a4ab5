import type { ParleyApi } from '../../contract/ipc'
import type { LanguageState } from './language.svelte'
import { PreferenceSwitch } from './preference-switch.svelte'

type Notifier = ConstructorParameters<typeof PreferenceSwitch>[1]

/**
 * The SIP trace, the `sipTrace` preference: while on, main keeps every SIP message (secrets
 * redacted) in a bounded file that "Save diagnostics…" includes; an admin may preset or lock it.
 */
export class SipTraceState extends PreferenceSwitch {
  constructor(api: ParleyApi, notifier: Notifier, language: LanguageState) {
    super(api, notifier, 'sipTrace', {
      get name() {
        return language.t('settings.sip-trace')
      },
      said: (on) => language.t(on ? 'settings.sip-trace-on' : 'settings.sip-trace-off'),
    })
  }
}
