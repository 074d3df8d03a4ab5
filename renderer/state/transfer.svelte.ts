import { messageOf } from '../../contract/error-message'
import { parseDialString } from '../dial/dial-string'
import { CallPhase, type Phone, type TransferProgress } from '../sip/types'
import { partyOf, type CallsState } from './calls.svelte'
import {
  idleTransfer,
  transition,
  TransferStage,
  type TransferEvent,
  type TransferState,
} from './transfer-machine'

export { TransferStage } from './transfer-machine'

export interface TransferNotifier {
  announce(message: string): void
  alert(message: string): void
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

  constructor(
    phone: Phone,
    calls: CallsState,
    notifier: TransferNotifier,
    options: { onTransferred?: () => void } = {},
  ) {
    this.onTransferred = options.onTransferred ?? (() => undefined)
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
    this.notifier.announce(
      `Transfer ${partyOf(call)}: type a name or number. Enter transfers now, Shift+Enter calls first, Escape cancels.`,
    )
    return true
  }

  /** Blind transfer (drop on a contact, or Enter in transfer mode): REFER at once. */
  async blind(callId: string, target: string, label: string): Promise<boolean> {
    const call = this.calls.byId(callId)
    if (!call || (call.phase !== CallPhase.Active && call.phase !== CallPhase.Held)) {
      this.notifier.alert('Only a connected call can be transferred.')
      return false
    }
    const parsed = parseDialString(target)
    if (!parsed.ok) {
      this.notifier.alert(`Cannot transfer to “${target}”: ${parsed.message}`)
      return false
    }
    if (!this.send({ type: 'blind', callId, target: parsed.target, label })) return false
    this.notifier.announce(`Transferring ${partyOf(call)} to ${label}…`)
    try {
      await this.phone.blindTransfer(callId, parsed.target)
    } catch (error) {
      await this.fail(callId, withDetail(`The transfer to ${label} could not be started.`, error))
    }
    return true
  }

  /** Attended transfer, step one: hold the current call and call the target. */
  async consult(target: string, label: string, heldCallId?: string): Promise<boolean> {
    const held = heldCallId ?? this.subjectCallId ?? this.calls.active?.id
    if (!held) return false
    if (!this.send({ type: 'consult', heldCallId: held, target, label })) return false
    this.notifier.announce(`Calling ${label}. The caller is on hold.`)
    const consultCallId = await this.calls.dial(target)
    if (consultCallId === null) {
      this.send({ type: 'failed', callId: held, message: `Could not call ${label}.` })
      await this.resumeAfterFailure(held, `Could not call ${label}. The caller is back on the line.`)
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
      this.notifier.alert(
        `${before.label} has not answered yet. Wait, cancel, or transfer now without announcing.`,
      )
      return false
    }
    if (!this.send({ type: 'complete' })) return false
    const state = this.state
    if (state.stage !== TransferStage.Completing) return false
    this.notifier.announce(`Completing transfer to ${state.label}…`)
    try {
      await this.phone.attendedTransfer(state.heldCallId, state.consultCallId)
    } catch (error) {
      await this.fail(
        state.heldCallId,
        withDetail(`The transfer to ${state.label} did not go through.`, error),
      )
    }
    return true
  }

  /** Target still ringing: stop waiting and hand the caller over anyway. */
  async blindInstead(): Promise<boolean> {
    const before = this.state
    if (before.stage !== TransferStage.Consulting) return false
    if (!this.send({ type: 'blind-instead' })) return false
    if (before.consultCallId) await this.phone.hangup(before.consultCallId)
    this.notifier.announce(`Transferring to ${before.label} without announcing…`)
    try {
      await this.phone.blindTransfer(before.heldCallId, before.target)
    } catch (error) {
      await this.fail(
        before.heldCallId,
        withDetail(`The transfer to ${before.label} could not be started.`, error),
      )
    }
    return true
  }

  /** Escape / "Cancel transfer": one action takes the operator back to the caller. */
  async cancel(): Promise<boolean> {
    const before = this.state
    if (!this.send({ type: 'cancel' })) return false
    if (before.stage === TransferStage.Consulting) {
      if (before.consultCallId) await this.phone.hangup(before.consultCallId)
      await this.calls.resume(before.heldCallId)
      this.notifier.announce('Transfer cancelled. You are back with the caller.')
    } else {
      this.notifier.announce('Transfer cancelled.')
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
            progress.state === 'ringing' ? `${label} is ringing…` : `Transferring to ${label}…`,
          )
        }
        return
      case 'done':
        if (this.send({ type: 'succeeded', callId })) this.notifier.announce(`Transferred to ${label}.`)
        return
      case 'failed':
        void this.fail(callId, progress.message || `The transfer to ${label} did not go through.`)
    }
  }

  private onCallEnded(callId: string, transferred: boolean): void {
    const before = this.state
    if (!this.send({ type: 'call-ended', callId, transferred })) return
    const after = this.state
    if (after.stage === TransferStage.Done && before.stage !== TransferStage.Done) {
      this.notifier.announce(`Transferred to ${after.label}.`)
    } else if (after.stage === TransferStage.Failed && before.stage !== TransferStage.Failed) {
      if (after.callId !== callId) void this.resumeAfterFailure(after.callId, after.message)
      else this.notifier.alert(after.message)
    }
  }

  private async fail(callId: string, message: string): Promise<void> {
    const wasBlind = this.state.stage === TransferStage.BlindRequested
    if (!this.send({ type: 'failed', callId, message })) return
    const text = `${message} The caller is back on the line.`
    if (wasBlind)
      this.tell(text) // the adapter resumes the call it held for the REFER
    else await this.resumeAfterFailure(callId, text)
  }

  private async resumeAfterFailure(callId: string, message: string): Promise<void> {
    this.tell(message)
    if (this.calls.byId(callId)?.phase === CallPhase.Held) await this.calls.resume(callId)
  }

  private tell(message: string): void {
    this.notifier.alert(message)
    this.notifier.announce(message)
  }

  private labelOf(): string {
    const state = this.state
    return 'label' in state ? state.label : 'the target'
  }
}

/** The notice for a command that threw: ours, with the thrown detail in brackets when there is one. */
function withDetail(fallback: string, error: unknown): string {
  const detail = messageOf(error)
  return detail ? `${fallback} (${detail})` : fallback
}
