import type { SessionStatus, SipSession as Session } from './stack'
import { transitionPhase } from './call-phase'
import { CallPhase, type CallDirection, type CallEndReason, type CallSnapshot } from './types'
import { message, type Message } from '../../contract/i18n/message'

export interface CallHooks {
  updated(call: Call): void
  /** The call was answered (first move to Active). */
  answered?(call: Call): void
  ended(call: Call): void
  /** A phase move the machine refused (a bug or an out-of-order SIP event); reported, not thrown. */
  refused?(call: Call, from: CallPhase, to: CallPhase): void
}

export interface CallInit {
  id: string
  direction: CallDirection
  session: Session
  remoteName: string
  remoteNumber: string
  via: string
  transferredBy?: string
  now: number
}

/** End reason from a final SIP failure response to our INVITE. */
export function endReasonFromStatus(code: number): CallEndReason {
  if (code === 486 || code === 600) return 'busy'
  if (code === 603) return 'rejected'
  if (code === 408 || code === 480) return 'no-answer'
  if (code === 487) return 'cancelled'
  return 'failed'
}

/**
 * A final failure answer to our INVITE, for the UI: the catalogue words the status code. The
 * server's reason phrase is its own text (English, or anything): it is logged, never shown.
 */
export function failureMessage(code: number): Message {
  return message('call.failed-status', { code })
}

/**
 * One call: its SIP session and the snapshot the UI sees. Every phase change goes through the
 * guarded transition; the session's own state drives Active and Ended.
 */
export class Call {
  readonly id: string
  readonly direction: CallDirection
  session: Session
  private snap: CallSnapshot
  private pendingEndReason: CallEndReason | null = null
  private pendingEndMessage: Message | null = null
  private failure: { code: number } | null = null
  private detachSession: () => void = () => {}
  /** About to go away (replaced, or we were transferred off it): never auto-held. */
  leaving = false

  constructor(
    init: CallInit,
    private readonly hooks: CallHooks,
    private readonly now: () => number,
  ) {
    this.id = init.id
    this.direction = init.direction
    this.session = init.session
    this.snap = {
      id: init.id,
      direction: init.direction,
      phase: init.direction === 'incoming' ? CallPhase.Ringing : CallPhase.Dialing,
      remoteName: init.remoteName,
      remoteNumber: init.remoteNumber,
      via: init.via,
      muted: false,
      remoteHold: false,
      earlyMedia: false,
      createdAt: init.now,
      answeredAt: null,
      endedAt: null,
      endReason: null,
      transferredBy: init.transferredBy ?? '',
      message: null,
    }
    this.bindSession(init.session)
  }

  get snapshot(): CallSnapshot {
    return { ...this.snap }
  }

  get phase(): CallPhase {
    return this.snap.phase
  }

  get isEnded(): boolean {
    return this.snap.phase === CallPhase.Ended
  }

  get isEstablished(): boolean {
    return this.snap.phase === CallPhase.Active || this.snap.phase === CallPhase.Held
  }

  /** Moves the phase if the machine allows it; returns whether it moved. */
  moveTo(to: CallPhase): boolean {
    const from = this.snap.phase
    if (from === to) return true
    const next = transitionPhase(from, to)
    if (next === null) {
      this.hooks.refused?.(this, from, to)
      return false
    }
    this.snap.phase = next
    const firstAnswer = next === CallPhase.Active && this.snap.answeredAt === null
    if (firstAnswer) this.snap.answeredAt = this.now()
    this.hooks.updated(this)
    if (firstAnswer) this.hooks.answered?.(this)
    return true
  }

  patch(
    fields: Partial<
      Pick<
        CallSnapshot,
        | 'muted'
        | 'remoteHold'
        | 'earlyMedia'
        | 'message'
        | 'remoteName'
        | 'remoteNumber'
        | 'transferredBy'
        | 'via'
      >
    >,
  ): void {
    if (this.isEnded) return
    let changed = false
    for (const [key, value] of Object.entries(fields) as Array<[keyof typeof fields, never]>) {
      if (this.snap[key] !== value) {
        ;(this.snap as unknown as Record<string, unknown>)[key] = value
        changed = true
      }
    }
    if (changed) this.hooks.updated(this)
  }

  /** The reason to record when the session terminates because of something we did. */
  expectEnd(reason: CallEndReason, text: Message | null = null): void {
    this.pendingEndReason = reason
    this.pendingEndMessage = text
  }

  clearExpectedEnd(): void {
    this.pendingEndReason = null
    this.pendingEndMessage = null
  }

  noteFailure(code: number): void {
    this.failure = { code }
  }

  /** Ends the call in the UI's eyes (idempotent). */
  end(reason: CallEndReason, text: Message | null = null): void {
    if (this.isEnded) return
    this.detachSession()
    this.snap.phase = CallPhase.Ended
    this.snap.endReason = reason
    this.snap.endedAt = this.now()
    if (text) this.snap.message = text
    this.hooks.ended(this)
  }

  /** Swaps in the session that carries on this call (not used for replaced calls). */
  rebind(session: Session): void {
    this.detachSession()
    this.session = session
    this.bindSession(session)
  }

  private bindSession(session: Session): void {
    const listener = (state: SessionStatus) => this.onSessionState(state)
    session.stateChange.addListener(listener)
    this.detachSession = () => session.stateChange.removeListener(listener)
  }

  private onSessionState(state: SessionStatus): void {
    if (state === 'Established') {
      if (
        this.snap.phase === CallPhase.Dialing ||
        this.snap.phase === CallPhase.Alerting ||
        this.snap.phase === CallPhase.Ringing
      ) {
        this.moveTo(CallPhase.Active)
      }
      return
    }
    if (state === 'Terminated') {
      if (
        this.direction === 'outgoing' &&
        this.snap.answeredAt === null &&
        !this.pendingEndReason &&
        !this.failure
      ) {
        // SIP.js terminates an Inviter before it hands the final response to our request
        // delegate; wait for that (same tick) so a 486 reads "busy", not "failed".
        queueMicrotask(() => this.endFromSession())
        return
      }
      this.endFromSession()
    }
  }

  private endFromSession(): void {
    const { reason, message } = this.terminationReason()
    this.end(reason, message)
  }

  private terminationReason(): { reason: CallEndReason; message: Message | null } {
    if (this.pendingEndReason)
      return { reason: this.pendingEndReason, message: this.pendingEndMessage || this.snap.message }
    if (this.failure && this.snap.answeredAt === null) {
      return {
        reason: endReasonFromStatus(this.failure.code),
        message: failureMessage(this.failure.code),
      }
    }
    if (this.snap.answeredAt !== null) return { reason: 'remote-hangup', message: null }
    // an incoming call the caller gave up on (CANCEL) is a missed call
    return this.direction === 'incoming'
      ? { reason: 'cancelled', message: null }
      : { reason: 'failed', message: message('call.failed') }
  }
}
