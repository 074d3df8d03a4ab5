import type { AccountState, ParleyApi } from '../../contract/ipc'
import { request, type Outcome } from './api'

/** The saved account and its password, as main answered them (each may be a refusal). */
export type SavedAccount = readonly [account: Outcome<AccountState>, password: Outcome<string>]

/**
 * Asks main for the saved account and its password at once: one round trip instead of two in
 * a row. Main answers "none saved" for the password when there is none; that answer is then
 * not used. The window's entry calls this before it loads the rest of the renderer, so the
 * answer travels while the phone and the UI are fetched and evaluated (issue 14).
 */
export function readSavedAccount(api: ParleyApi): Promise<SavedAccount> {
  return Promise.all([request(api, 'account:get'), request(api, 'account:password')])
}
