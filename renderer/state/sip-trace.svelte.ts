import type { ParleyApi } from '../../contract/ipc'
import type { Preferences } from '../../contract/schemas'
import type { LanguageState } from './language.svelte'
import { CataloguedSwitch } from './preference-switch.svelte'

type Notifier = ConstructorParameters<typeof CataloguedSwitch>[1]

/**
 * The SIP trace, the `sipTrace` preference: while on, main keeps every SIP message (secrets
 * redacted) in a bounded file that "Save diagnostics…" includes; an admin may preset or lock it.
 */
export class SipTraceState extends CataloguedSwitch {
  private read = false

  constructor(api: ParleyApi, notifier: Notifier, language: LanguageState) {
    super(api, notifier, language, 'sipTrace', {
      name: 'settings.sip-trace',
      on: 'settings.sip-trace-on',
      off: 'settings.sip-trace-off',
    })
  }

  override apply(preferences: Preferences): void {
    this.read = true
    super.apply(preferences)
  }

  /**
   * Whether SIP messages need to reach main: the trace is on, or the stored preferences are not
   * read yet (the first REGISTER of a start with the trace on must not be missed).
   */
  get wanted(): boolean {
    return !this.read || this.enabled
  }
}
