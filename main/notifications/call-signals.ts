import type { z } from 'zod'
import type {
  HistoryEntry,
  incomingCallNoticeSchema,
  PhoneStatus,
  VoicemailWaiting,
} from '../../contract/schemas'
import { GuardedListeners } from '../../contract/listeners'
import type { Logger } from '../log/logger'

export type IncomingCallNotice = z.output<typeof incomingCallNoticeSchema>

/** What main's parts tell each other about calls (never sent to the renderer as such). */
export interface CallSignalMap {
  /** The renderer's phone summary changed (registration, calls up, ringing). */
  status: PhoneStatus
  /** A call is ringing and the renderer asks main to make it noticed. */
  incoming: IncomingCallNotice
  /** A finished call was written to the history. */
  recorded: HistoryEntry
  /** Missed calls the user has not looked at yet. */
  missedUnseen: number
  /** Message waiting for the account's mailbox (RFC 3842), as the renderer read it. */
  voicemail: VoicemailWaiting
}

export type CallSignal = keyof CallSignalMap

/** A listener may answer true for "I handled it" (e.g. a notification was shown). */
type SignalListener<S extends CallSignal> = (payload: CallSignalMap[S]) => boolean | void

/** States (not one-off happenings): a late subscriber gets the latest value at once. */
export type StateSignal = 'status' | 'missedUnseen' | 'voicemail'
const states: ReadonlySet<CallSignal> = new Set<StateSignal>(['status', 'missedUnseen', 'voicemail'])

/**
 * In-process signals between main's parts: the history and phone-status parts (plain Node,
 * also in the headless harness) publish; the tray, badge, notification and power parts (Electron
 * only) listen. One instance per composition, created by compose.ts and handed out in PartContext.
 */
export class CallSignals {
  // A broken tray must not stop the call from being recorded, nor the other listeners.
  private readonly listeners = new GuardedListeners<CallSignalMap>((signal, error) =>
    this.logger?.error(`Listener for the ${signal} signal failed`, error),
  )
  private readonly latestValues = new Map<CallSignal, unknown>()

  constructor(private readonly logger?: Logger) {}

  on<S extends CallSignal>(signal: S, listener: SignalListener<S>): () => void {
    const remove = this.listeners.add(signal, listener)
    if (states.has(signal) && this.latestValues.has(signal))
      this.listeners.call(signal, listener, this.latestValues.get(signal) as CallSignalMap[S])
    return remove
  }

  /** True when at least one listener handled the signal. */
  emit<S extends CallSignal>(signal: S, payload: CallSignalMap[S]): boolean {
    if (states.has(signal)) this.latestValues.set(signal, payload)
    return this.listeners.emit(signal, payload)
  }

  /**
   * For a view of several states (the tray, the badge): `changed` runs once for each state
   * already known and after every change; the view reads the values with `latest`. Returns
   * the unsubscribe.
   */
  follow(signals: readonly StateSignal[], changed: () => void): () => void {
    const unsubscribe = signals.map((signal) => this.on(signal, () => changed()))
    return () => {
      for (const off of unsubscribe) off()
    }
  }

  latest<S extends CallSignal>(signal: S): CallSignalMap[S] | undefined {
    return this.latestValues.get(signal) as CallSignalMap[S] | undefined
  }
}
