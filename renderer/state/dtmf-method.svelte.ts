import type { ParleyApi } from '../../contract/ipc'
import type { LanguageState } from './language.svelte'
import { PreferenceValue } from './preference-switch.svelte'

type Notifier = ConstructorParameters<typeof PreferenceValue>[1]

/**
 * How keypad tones are sent, the `dtmfMethod` preference: `auto` lets the phone choose per call
 * (RFC 4733 where the far end can place the events, else SIP INFO); an admin may preset or lock it.
 */
export class DtmfMethodState extends PreferenceValue<'dtmfMethod'> {
  constructor(api: ParleyApi, notifier: Notifier, language: LanguageState) {
    super(
      api,
      notifier,
      'dtmfMethod',
      {
        get name() {
          return language.t('settings.dtmf')
        },
        said: (method) =>
          language.t('settings.dtmf-changed', { method: language.t(`settings.dtmf-${method}`) }),
      },
      'auto',
    )
  }
}
