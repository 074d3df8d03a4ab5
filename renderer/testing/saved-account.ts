import type { AccountState } from '../../contract/ipc'
import type { SavedAccount } from '../state/saved-account'
import { testAccount } from './audio'

/** Main's answer for a complete saved account with a stored password; `change` alters it. */
export const savedAccountState = (change: Partial<AccountState> = {}): AccountState => ({
  account: testAccount,
  hasPassword: true,
  complete: true,
  locked: [],
  notices: [],
  ...change,
})

/** Main's two answers the entry asks for at start: the account and its password. */
export const savedAnswers = (answer: AccountState, password = 'secret'): SavedAccount => [
  { ok: true, value: answer },
  { ok: true, value: password },
]
