import type { AccountState } from '../../contract/ipc'
import type { Message } from '../../contract/i18n/message'
import type { Account } from '../../contract/schemas'
import type { Phone, SipAccount } from '../sip/types'
import type { SavedAccount } from './saved-account'

/**
 * What became of the saved account at start, decided once by `signInBySelf`:
 * - `unreadable`: main could not answer the account (the login screen says why);
 * - `stored`: no sign-in by itself (no account, an incomplete one, or no usable password: then
 *   `passwordRefused` says why the stored one could not be read);
 * - `connecting`: the phone is connecting with it; `connected` settles when `phone.connect`
 *   does, with the exception it threw (null when none), never rejecting, so a failure that
 *   happens before the sign-in state exists is neither lost nor an unhandled rejection.
 */
export type SavedSignIn =
  | { kind: 'unreadable'; message: Message }
  | { kind: 'stored'; state: AccountState; passwordRefused: Message | null }
  | { kind: 'connecting'; state: AccountState; connected: Promise<ConnectFailure> }

/** What `phone.connect` threw (the phone reports SIP failures as registration statuses instead). */
export type ConnectFailure = { error: unknown } | null

/** The SIP adapter's account: the saved account's SIP fields and the password. */
export function sipAccountOf(account: Account, password: string): SipAccount {
  return {
    displayName: account.displayName,
    sipAddress: account.sipAddress,
    authUser: account.authUser,
    password,
    wsServer: account.wsServer,
    outboundProxy: account.outboundProxy,
    iceServers: account.iceServers,
  }
}

/** Connects the phone; settles with what it threw, never rejects (see `SavedSignIn`). */
export function connectPhone(phone: Phone, account: Account, password: string): Promise<ConnectFailure> {
  try {
    return phone.connect(sipAccountOf(account, password)).then(
      () => null,
      (error: unknown) => ({ error }),
    )
  } catch (error) {
    return Promise.resolve({ error })
  }
}

/** What the saved account does at start (`savedSignIn`): `connecting` has what to connect with. */
export type SignInDecision =
  | Exclude<SavedSignIn, { kind: 'connecting' }>
  | { kind: 'connecting'; state: AccountState; account: Account; password: string }

/**
 * The one rule of signing in by itself: main found the saved account complete and answered its
 * stored password. Then the phone connects now, whoever asks: the start-up before the window's
 * state and UI exist (phone-start.ts), or the sign-in state when it loads the account again;
 * the window's entry opens the account's socket for it even before (state/saved-socket.ts).
 * An account a repaired file left incomplete is not registered (it would only fail obscurely):
 * the sign-in state asks for the missing fields instead.
 */
export function savedSignIn([answer, password]: SavedAccount): SignInDecision {
  if (!answer.ok) return { kind: 'unreadable', message: answer.message }
  const state = answer.value
  const { account, hasPassword, complete } = state
  if (!account || !complete || !hasPassword) return { kind: 'stored', state, passwordRefused: null }
  if (!password.ok) return { kind: 'stored', state, passwordRefused: password.message }
  return { kind: 'connecting', state, account, password: password.value }
}

/** Decides with `savedSignIn` and, when it says so, connects the phone. */
export function signInBySelf(phone: Phone, saved: SavedAccount): SavedSignIn {
  const decision = savedSignIn(saved)
  if (decision.kind !== 'connecting') return decision
  const { state, account, password } = decision
  return { kind: 'connecting', state, connected: connectPhone(phone, account, password) }
}

/**
 * Signing in by itself as soon as main's answer is in (`signInBySelf`), for the sign-in state
 * to adopt later: `known` is the outcome once decided, so a state started after it takes the
 * connection under way synchronously (its account is set before anything else hears the
 * phone's registration status), and `decided` waits for it otherwise.
 */
export interface EarlySignIn {
  readonly decided: Promise<SavedSignIn>
  readonly known: SavedSignIn | null
}

export function startSignIn(phone: Phone, saved: Promise<SavedAccount>): EarlySignIn {
  let known: SavedSignIn | null = null
  const decided = saved.then((answer) => (known = signInBySelf(phone, answer)))
  return {
    decided,
    get known() {
      return known
    },
  }
}
