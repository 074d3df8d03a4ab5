import type { ParleyApi } from '../contract/ipc'
import type { Log } from './log/log'
import { ipcSipTrace } from './log/sip-trace'
import { createSipPhone, type SipPhone } from './sip'
import type { EarlySocket } from './sip/stack/early-socket'
import type { SavedAccount } from './state/saved-account'
import { startSignIn, type EarlySignIn } from './state/saved-sign-in'
import { nextTask, whenIdle } from './state/tasks'

// This module and what it imports (SIP.js and the SIP adapter) are evaluated: see main.ts.
performance.mark('parley:phone-evaluated')

export interface StartedPhone {
  phone: SipPhone
  /** Signing in by itself with the saved account, for the sign-in state to adopt. */
  signIn: EarlySignIn
  /** From when the state knows the preference: whether the SIP trace is wanted. */
  traceWantedBy(wanted: () => boolean): void
  /** Once the window shows its main screen (or the login form): the calls code may load then. */
  windowShown(): void
}

/**
 * The start-up's second step, registration first (issue 14): the phone is built and, once main
 * has answered the saved account, connects by itself (saved-sign-in.ts), on the socket the
 * entry opened for it (state/saved-socket.ts). The start view
 * (start-view.ts) then shows the registration status, and the app state and the rest of the UI
 * (boot.ts) come once it shows the answer: none of them runs while the REGISTER round trips
 * wait. Only the phone is built here.
 */
export function startPhone(
  api: ParleyApi,
  log: Log,
  savedAccount: Promise<SavedAccount>,
  earlySocket?: EarlySocket,
): StartedPhone {
  const sipLog = (message: string) => log.write('warn', 'sip', message)
  // Wanted until the state that knows the preference exists: a message is never lost for
  // being sent before the preference is read (main drops it when the trace is off).
  let traceWanted = () => true
  let windowShown = () => {}
  const shown = new Promise<void>((resolve) => (windowShown = resolve))
  const phone = createSipPhone({
    log: sipLog,
    trace: ipcSipTrace(api, sipLog, () => traceWanted()),
    idle: callsCodeAfter(shown),
    // the first connection adopts the socket the entry opened for the saved account (if any)
    openedSocket: earlySocket?.take,
  })
  return {
    phone,
    signIn: startSignIn(phone, savedAccount),
    traceWantedBy: (wanted) => (traceWanted = wanted),
    windowShown,
  }
}

/**
 * When the calls code's first load after "Registered" may start: once the window shows its main
 * screen (boot.ts: the app state's afterMainScreen, at the latest after its data delay), then in
 * an idle period (at the latest 1 s after). Loaded in the first idle period after "Registered",
 * it was fetched beside the main screen's files, on one of the page's few connections, and
 * evaluated in a task before the dial field (issue 14). A call coming in or dialled before loads
 * it at once (the SIP adapter).
 */
export function callsCodeAfter(
  windowShown: Promise<void>,
  idle: () => Promise<void> = () => whenIdle(1000),
): () => Promise<void> {
  return () => windowShown.then(idle)
}

/**
 * The app (boot.ts) in two tasks after "Registered": its state (and both catalogues) evaluated
 * first, the UI's code in the next task, so their evaluation is not one long task.
 */
export async function loadUi() {
  await import('./state/app-state')
  await nextTask()
  return import('./boot')
}
