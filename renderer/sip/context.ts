import type { AudioElementLike, MediaDevicesLike } from './media'
import { messageOf } from '../../contract/error-message'
import type { Clock } from './registration'
import type { PhoneCalls } from './phone-calls'
import type { OpenedSocketSource, SipStack, SipTraceSink } from './stack'
import type { Message } from '../../contract/i18n/message'

export interface SipPhoneDeps {
  stack: SipStack
  mediaDevices: MediaDevicesLike | undefined
  createAudioElement: () => AudioElementLike
  clock: Clock
  random: () => number
  /** Upper bound on ICE gathering before an offer/answer goes out. */
  iceGatheringTimeoutMs?: number
  /** How long a call may wait for the signalling connection to come back before it is ended. */
  networkGraceMs?: number
  /** How long a transfer may wait for its final NOTIFY. */
  transferTimeoutMs?: number
  /** Diagnostics (errors inside SIP.js callbacks, device trouble). */
  log?: (message: string) => void
  /** Every SIP message sent and received, for the support trace (main decides if it is kept). */
  trace?: SipTraceSink
  /** The socket the window's entry opened for the saved account, for the first connection to take. */
  openedSocket?: OpenedSocketSource
  /**
   * Resolves in a later task (the renderer's: after the next frame): what follows a REGISTER's
   * 200 OK waits for it, so "Registered" is on the screen first (none: at once, in its task).
   * With it, loading the calls part the first time also waits until a `registration` listener
   * (the window's state) has the status, and then for `later` again.
   */
  later?: () => Promise<void>
  /**
   * Resolves when the window is idle (the renderer: an idle period, at the latest after 1 s): the
   * calls part's first load after "Registered" waits for it, behind the window's own start-up
   * work (none: at once).
   */
  idle?: () => Promise<void>
  /**
   * Loads the calls part (phone-calls.ts: calls, transfers, what we publish and watch), after
   * "Registered" or on first use (issue 14). Default: its own chunk; tests hold it back.
   */
  loadCalls?: () => Promise<{ PhoneCalls: typeof PhoneCalls }>
}

/** What the phone's parts share: its dependencies and its two ways of speaking up. */
export interface PhoneContext {
  readonly deps: SipPhoneDeps
  /** A diagnostic for the log (never shown). */
  log(message: string): void
  /** An `error` event for the UI: a catalogue message, never a sentence. */
  error(message: Message): void
}

/**
 * A `.catch` handler that writes the failure to the log, once: a SIP answer that could not be
 * sent or a socket that would not close is worth a line for support, never a silent loss.
 */
export const logFailure =
  (log: (message: string) => void, what: string) =>
  (error: unknown): void =>
    log(`${what}: ${messageOf(error)}`)

/**
 * A failure for the user, with the exception written to the log (once, here): an exception's
 * own words are technical and in English, so the user reads the catalogue's sentence alone.
 */
export function logged(log: (message: string) => void, what: string, error: unknown, said: Message): Message {
  log(`${what}: ${messageOf(error)}`)
  return said
}

export function token(random: () => number, length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length) % alphabet.length]
  return out
}
