import type { ParleyApi } from '../contract/ipc'
import type { Log } from './log/log'
import { ipcSipTrace } from './log/sip-trace'
import { createSipPhone, type SipPhone } from './sip'
import type { SavedAccount } from './state/saved-account'
import { startSignIn, type EarlySignIn } from './state/saved-sign-in'

// This module and what it imports (SIP.js and the SIP adapter) are evaluated: see main.ts.
performance.mark('parley:phone-evaluated')

export interface StartedPhone {
  phone: SipPhone
  /** Signing in by itself with the saved account, for the sign-in state to adopt. */
  signIn: EarlySignIn
  /** From when the state knows the preference: whether the SIP trace is wanted. */
  traceWantedBy(wanted: () => boolean): void
}

/**
 * The start-up's second step, registration first (issue 14): the phone is built and, once main
 * has answered the saved account, connects by itself (saved-sign-in.ts) before Svelte, the
 * state and the components are evaluated and mounted (boot.ts). Their evaluation and first
 * render then overlap the WebSocket handshake and the REGISTER round trips instead of coming
 * before them. Only the phone is built here; everything that shows it comes in boot.ts.
 */
export function startPhone(api: ParleyApi, log: Log, savedAccount: Promise<SavedAccount>): StartedPhone {
  const sipLog = (message: string) => log.write('warn', 'sip', message)
  // Wanted until the state that knows the preference exists: a message is never lost for
  // being sent before the preference is read (main drops it when the trace is off).
  let traceWanted = () => true
  const phone = createSipPhone({ log: sipLog, trace: ipcSipTrace(api, sipLog, () => traceWanted()) })
  return {
    phone,
    signIn: startSignIn(phone, savedAccount),
    traceWantedBy: (wanted) => (traceWanted = wanted),
  }
}

/** The UI's step (boot.ts), loaded from here so the bundler keeps the code both steps share in this chunk. */
export const loadUi = () => import('./boot')
