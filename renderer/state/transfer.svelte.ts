import { parseDialString } from '../dial/dial-string'
import { CallPhase, type Phone, type TransferProgress } from '../sip/types'
import { partyOf, type CallsState } from './calls.svelte'
import { idleTransfer, transition, TransferStage } from './transfer-machine'
import type { TransferEvent, TransferState } from './transfer-machine'
import { message, type Message } from '../../contract/i18n'
import type { Say } from './ui.svelte'
import type { Failed } from '../log/log'

export { TransferStage } from './transfer-machine'

export interface TransferNotifier {
  announce(message: Say): void
  alert(message: Say): void
}

/**
 * Drives transfers: the state lives in the machine (transfer-machine.ts), this class turns the
 * operator's intents into phone commands and the phone's events into machine events, and
 * speaks every step into the live region. A transfer under way is tracked in the machine only.
 *
 * After a failure the caller comes back off hold, by one owner per kind of transfer: a blind
 * transfer's REFER is the adapter's (it held the call for it and resumes it, sip/transfer.ts);
 * an attended transfer's consultation is ours (we asked for the hold by dialling the target).
 */
export class TransferController {
  state = $state.raw<TransferState>(idleTransfer)
  /** Who each transferred call went to, kept once it went through, for its history entry. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  private readonly transferred = new Map<string, string>()

  private readonly phone: Phone
  private readonly calls: CallsState
  private readonly notifier: TransferNotifier

  /** Called once per transfer that went through (the operator's search is then cleared). */
  private readonly onTransferred: () => void
  /** Writes a failure's technical words to the log. */
  private readonly failed: Failed

  constructor(
    phone: Phone,
    calls: CallsState,
    notifier: TransferNotifier,
    options: { onTransferred?: () => void; failed?: Failed } = {},
  ) {
    this.onTransferred = options.onTransferred ?? (() => undefined)
    this.failed = options.failed ?? (() => () => undefined)
    this.phone = phone
    this.calls = calls
    this.notifier = notifier
  }

  start(): () => void {
    const stops = [
      this.phone.on('transfer-progress', ({ callId, progress }) => this.onProgress(callId, progress)),
      this.phone.on('call-updated', (call) => {
        if (call.phase === CallPhase.Active)
          this.send({ type: 'consultation-answered', consultCallId: call.id })
      }),
      this.phone.on('call-ended', (call) => this.onCallEnded(call.id, call.endReason === 'transferred')),
    ]
    return () => stops.forEach((stop) => stop())
  }

  /** Applies an event through the guarded transition; false when it was not allowed now. */
  send(event: TransferEvent): boolean {
    const next = transition(this.state, event)
    if (next === null) return false
    const finished = next.stage === TransferStage.Done && this.state.stage !== TransferStage.Done
    this.state = next
    if (next.stage === TransferStage.Done && finished) {
      this.transferred.set(next.callId, next.label)
      this.onTransferred()
    }
    return true
  }

  /** Who the call was transferred to ('' when it was not), also while its end is being reported. */
  transferredTo(callId: string): string {
    const done = this.transferred.get(callId)
    if (done !== undefined) return done
    const state = this.state
    if (state.stage === TransferStage.BlindRequested && state.callId === callId) return state.label
    if (state.stage === TransferStage.Completing && state.heldCallId === callId) return state.label
    return ''
  }

  /** The call being moved (or held for consultation), if a transfer is under way. */
  get subjectCallId(): string | null {
    const state = this.state
    switch (state.stage) {
      case TransferStage.ChoosingTarget:
      case TransferStage.BlindRequested:
        return state.callId
      case TransferStage.Consulting:
      case TransferStage.Completing:
        return state.heldCallId
      default:
        return null
    }
  }

  get consultCallId(): string | null {
    const state = this.state
    return state.stage === TransferStage.Consulting || state.stage === TransferStage.Completing
      ? state.consultCallId
      : null
  }

  /** Whether a transfer of this call could start now (the "Transfer" button shows only then). */
  canBegin(callId: string): boolean {
    const phase = this.calls.byId(callId)?.phase
    if (phase !== CallPhase.Active && phase !== CallPhase.Held) return false
    return transition(this.state, { type: 'begin', callId }) !== null
  }

  // ── intents ────────────────────────────────────────────────────────────────────────────

  /** Keyboard transfer: the operator now picks a target in the contact search. */
  begin(callId: string): boolean {
    const call = this.calls.byId(callId)
    if (!call || (call.phase !== CallPhase.Active && call.phase !== CallPhase.Held)) return false
    if (!this.send({ type: 'begin', callId })) return false
    this.notifier.announce(message('transfer.choose-target', { party: partyOf(call) }))
    return true
  }

  /** Blind transfer (drop on a contact, or Enter in transfer mode): REFER at once. */
  async blind(callId: string, target: string, label: string): Promise<boolean> {
    const call = this.calls.byId(callId)
    if (!call || (call.phase !== CallPhase.Active && call.phase !== CallPhase.Held)) {
      this.notifier.alert(message('transfer.needs-connected'))
      return false
    }
    const parsed = parseDialString(target)
    if (!parsed.ok) {
      this.notifier.alert(message('transfer.bad-target', { target, reason: parsed.message }))
      return false
    }
    if (!this.send({ type: 'blind', callId, target: parsed.target, label })) return false
    const saying = message('transfer.transferring-party', { party: partyOf(call), target: label })
    return this.request(callId, saying, message('transfer.not-started', { target: label }), () =>
      this.phone.blindTransfer(callId, parsed.target),
    )
  }

  /** Attended transfer, step one: hold the current call and call the target. */
  async consult(target: string, label: string, heldCallId?: string): Promise<boolean> {
    const held = heldCallId ?? this.subjectCallId ?? this.calls.active?.id
    if (!held) return false
    if (!this.send({ type: 'consult', heldCallId: held, target, label })) return false
    this.notifier.announce(message('transfer.consulting', { target: label }))
    const consultCallId = await this.calls.dial(target)
    if (consultCallId === null) {
      const couldNot = message('transfer.could-not-call', { target: label })
      this.send({ type: 'failed', callId: held, message: couldNot })
      await this.resumeAfterFailure(held, message('transfer.caller-back', { reason: couldNot }))
      return false
    }
    this.send({ type: 'consultation-placed', consultCallId })
    return true
  }

  /** Attended transfer, step two: join the held caller and the consulted target. */
  async complete(): Promise<boolean> {
    const before = this.state
    if (before.stage !== TransferStage.Consulting) return false
    if (!before.answered) {
      this.notifier.alert(message('transfer.not-answered-yet', { target: before.label }))
      return false
    }
    if (!this.send({ type: 'complete' })) return false
    const state = this.state
    if (state.stage !== TransferStage.Completing) return false
    const { heldCallId, consultCallId, label: target } = state
    return this.request(
      heldCallId,
      message('transfer.completing', { target }),
      message('transfer.not-through', { target }),
      () => this.phone.attendedTransfer(heldCallId, consultCallId),
    )
  }

  /** Target still ringing: stop waiting and hand the caller over anyway. */
  async blindInstead(): Promise<boolean> {
    const before = this.state
    if (before.stage !== TransferStage.Consulting) return false
    if (!this.send({ type: 'blind-instead' })) return false
    if (before.consultCallId) await this.phone.hangup(before.consultCallId)
    const target = before.label
    return this.request(
      before.heldCallId,
      message('transfer.blind-instead', { target }),
      message('transfer.not-started', { target }),
      () => this.phone.blindTransfer(before.heldCallId, before.target),
    )
  }

  /** Escape / "Cancel transfer": one action takes the operator back to the caller. */
  async cancel(): Promise<boolean> {
    const before = this.state
    if (!this.send({ type: 'cancel' })) return false
    if (before.stage === TransferStage.Consulting) {
      if (before.consultCallId) await this.phone.hangup(before.consultCallId)
      await this.calls.resume(before.heldCallId)
      this.notifier.announce(message('transfer.cancelled-back'))
    } else {
      this.notifier.announce(message('transfer.cancelled'))
    }
    return true
  }

  dismiss(): void {
    this.send({ type: 'dismiss' })
  }

  // ── phone events ───────────────────────────────────────────────────────────────────────

  private onProgress(callId: string, progress: TransferProgress): void {
    const label = this.labelOf()
    switch (progress.state) {
      case 'requested':
        return
      case 'trying':
      case 'ringing':
        if (this.send({ type: 'progress', callId, progress: progress.state })) {
          this.notifier.announce(
            message(progress.state === 'ringing' ? 'transfer.ringing' : 'transfer.transferring', {
              target: label,
            }),
          )
        }
        return
      case 'done':
        if (this.send({ type: 'succeeded', callId }))
          this.notifier.announce(message('transfer.done', { target: label }))
        return
      case 'failed':
        void this.fail(callId, progress.message)
    }
  }

  private onCallEnded(callId: string, transferred: boolean): void {
    const before = this.state
    if (!this.send({ type: 'call-ended', callId, transferred })) return
    const after = this.state
    if (after.stage === TransferStage.Done && before.stage !== TransferStage.Done) {
      this.notifier.announce(message('transfer.done', { target: after.label }))
    } else if (after.stage === TransferStage.Failed && before.stage !== TransferStage.Failed) {
      if (after.callId !== callId) void this.resumeAfterFailure(after.callId, after.message)
      else this.notifier.alert(after.message)
    }
  }

  /**
   * Says what is under way, then asks the phone to transfer `callId`; when it refuses, the
   * transfer fails with `problem` (and what went wrong underneath, when the error says). True:
   * the transfer was tried (a refusal is said and shown, not returned).
   */
  private async request(
    callId: string,
    underWay: Message,
    problem: Message,
    send: () => Promise<void>,
  ): Promise<true> {
    this.notifier.announce(underWay)
    try {
      await send()
    } catch (error) {
      // The exception's own words are for support; the user reads the catalogue's sentence.
      this.failed('a transfer request failed')(error)
      await this.fail(callId, problem)
    }
    return true
  }

  private async fail(callId: string, reason: Say): Promise<void> {
    const wasBlind = this.state.stage === TransferStage.BlindRequested
    if (!this.send({ type: 'failed', callId, message: reason })) return
    const text = message('transfer.caller-back', { reason })
    if (wasBlind)
      this.tell(text) // the adapter resumes the call it held for the REFER
    else await this.resumeAfterFailure(callId, text)
  }

  private async resumeAfterFailure(callId: string, text: Say): Promise<void> {
    this.tell(text)
    if (this.calls.byId(callId)?.phase === CallPhase.Held) await this.calls.resume(callId)
  }

  private tell(text: Say): void {
    this.notifier.alert(text)
    this.notifier.announce(text)
  }

  private labelOf(): string {
    const state = this.state
    return 'label' in state ? state.label : ''
  }
}
