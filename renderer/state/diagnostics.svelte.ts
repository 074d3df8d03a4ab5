import { message } from '../../contract/i18n'
import type { ParleyApi } from '../../contract/ipc'
import { request } from './api'
import type { UiState } from './ui.svelte'

/**
 * "Save diagnostics…": main asks where (a save dialog), writes logs, versions and settings
 * without secrets to one file, and answers its path; cancelling says nothing.
 */
export class DiagnosticsState {
  busy = $state(false)
  /** Where the last bundle was written, for the line under the button. */
  savedTo = $state('')

  constructor(
    private readonly api: ParleyApi,
    private readonly notifier: Pick<UiState, 'announce' | 'alert'>,
  ) {}

  async save(): Promise<void> {
    if (this.busy) return
    this.busy = true
    try {
      const result = await request(this.api, 'diagnostics:save')
      if (!result.ok) {
        this.notifier.alert(message('diagnostics.failed', { reason: result.message }))
        return
      }
      if (result.value === null) return
      this.savedTo = result.value
      this.notifier.announce(message('diagnostics.saved', { path: result.value }))
    } finally {
      this.busy = false
    }
  }
}
