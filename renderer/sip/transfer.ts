import type { IncomingNotify, SipResponse, SipStack, SipUri } from './stack'
import type { Call } from './call'
import type { Clock } from './registration'
import { logged, logFailure } from './context'
import { isFinal, progressFromSipfrag, progressFromStatus, transferFailureMessage } from './transfer-progress'
import type { CallEndReason, PhoneEvents, TransferProgress } from './types'
import { message, type Message } from '../../contract/i18n/message'

export interface TransferDeps {
  stack: SipStack
  clock: Clock
  timeoutMs: number
  emitProgress: (payload: PhoneEvents['transfer-progress']) => void
  hold: (call: Call) => Promise<boolean>
  resume: (call: Call) => Promise<boolean>
  terminate: (call: Call, reason: CallEndReason, text?: Message) => void
  /** Our AOR, for Referred-By. */
  referredByUri: () => string
  log: (message: string) => void
}

interface PendingTransfer {
  call: Call
  target: string
  accepted: boolean
  finished: boolean
  lastState: TransferProgress['state']
  timer: unknown
  finish: (progress: TransferProgress) => void
}

/**
 * Transfers in both roles. As transferor: REFER (blind, or with Replaces for attended), progress
 * from the NOTIFY sipfrag, our leg ends on success and comes back off hold on failure. As
 * transferee: the new call is placed by the phone; this class ends the old leg once it answers.
 */
export class TransferCoordinator {
  private readonly pending = new Map<string, PendingTransfer>()
  /** transferee role: new call id → the leg it takes over from */
  private readonly successorOf = new Map<string, Call>()

  constructor(private readonly deps: TransferDeps) {}

  isTransferring(call: Call): boolean {
    return this.pending.has(call.id)
  }

  /** Legs about to be left (we were transferred away from them): never auto-held. */
  isLeavingLeg(call: Call): boolean {
    for (const old of this.successorOf.values()) if (old === call) return true
    return false
  }

  async blind(call: Call, target: SipUri, targetLabel: string): Promise<void> {
    if (this.pending.has(call.id)) return
    // the caller hears hold while the transfer is set up, and is resumed if it fails
    await this.deps.hold(call)
    if (call.isEnded || !call.isEstablished) return
    const transfer = this.begin(call, targetLabel, () => this.deps.resume(call).then(() => undefined))
    try {
      await call.session.refer(target, {
        requestDelegate: {
          onAccept: () => this.onReferAccepted(transfer),
          onReject: (response) => transfer.finish(this.refused(response)),
        },
        onNotify: (notification) => this.onNotify(transfer, notification),
      })
    } catch (error) {
      transfer.finish({
        state: 'failed',
        message: logged(this.deps.log, 'the transfer failed', error, message('transfer.failed')),
      })
    }
  }

  async attended(held: Call, consultation: Call): Promise<void> {
    if (this.pending.has(held.id)) return
    const dialog = consultation.session.dialog
    if (!dialog) return
    const label = consultation.snapshot.remoteName || consultation.snapshot.remoteNumber
    const transfer = this.begin(held, label, async () => undefined, consultation)
    // Our own Refer-To: SIP.js quotes the remote display name verbatim, which a hostile name breaks.
    const replaces = encodeURIComponent(
      `${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`,
    )
    const referTo = `<${dialog.remoteTarget.toString()}?Replaces=${replaces}>`
    const extraHeaders = [`Refer-To: ${referTo}`, `Referred-By: <${this.deps.referredByUri()}>`]
    try {
      await this.deps.stack.referInDialog(held.session, {
        extraHeaders,
        onNotify: (notification) => this.onNotify(transfer, notification),
        requestDelegate: {
          onAccept: () => this.onReferAccepted(transfer),
          onReject: (response: SipResponse) => transfer.finish(this.refused(response)),
        },
      })
    } catch (error) {
      transfer.finish({
        state: 'failed',
        message: logged(this.deps.log, 'the transfer failed', error, message('transfer.failed')),
      })
    }
  }

  /** We were transferred: `successor` is the call we placed towards the REFER target. */
  noteTransferredLeg(successor: Call, old: Call): void {
    this.successorOf.set(successor.id, old)
  }

  onCallAnswered(call: Call): void {
    const old = this.successorOf.get(call.id)
    if (!old) return
    this.successorOf.delete(call.id)
    // the transferor has its NOTIFY 200 by now; leave the old leg
    this.deps.terminate(old, 'transferred')
  }

  onCallEnded(call: Call): void {
    this.successorOf.delete(call.id)
    for (const [id, old] of this.successorOf) if (old === call) this.successorOf.delete(id)
    const transfer = this.pending.get(call.id)
    if (transfer && !transfer.finished) {
      // the transferee hung up on us after accepting the REFER: that is how many phones confirm
      transfer.finish(
        transfer.accepted
          ? { state: 'done' }
          : { state: 'failed', message: message('transfer.failed-call-ended') },
      )
    }
  }

  private begin(
    call: Call,
    target: string,
    onFailure: () => Promise<void>,
    consultation?: Call,
  ): PendingTransfer {
    const emit = (progress: TransferProgress) => this.deps.emitProgress({ callId: call.id, target, progress })
    const transfer: PendingTransfer = {
      call,
      target,
      accepted: false,
      finished: false,
      lastState: 'requested',
      timer: undefined,
      finish: (progress) => {
        if (transfer.finished) return
        transfer.finished = true
        this.deps.clock.clearTimeout(transfer.timer)
        this.pending.delete(call.id)
        emit(progress)
        if (progress.state === 'done') {
          this.deps.terminate(call, 'transferred')
          if (consultation) this.deps.terminate(consultation, 'transferred')
          return
        }
        if (progress.state === 'failed') {
          call.clearExpectedEnd()
          consultation?.clearExpectedEnd()
          call.patch({ message: progress.message })
          void onFailure().catch(
            logFailure(this.deps.log, 'taking the call back after a failed transfer failed'),
          )
        }
      },
    }
    this.pending.set(call.id, transfer)
    transfer.timer = this.deps.clock.setTimeout(
      () => transfer.finish({ state: 'failed', message: message('transfer.failed-timeout') }),
      this.deps.timeoutMs,
    )
    emit({ state: 'requested' })
    return transfer
  }

  private onReferAccepted(transfer: PendingTransfer): void {
    if (transfer.finished) return
    transfer.accepted = true
    transfer.call.expectEnd('transferred')
    this.emitInterim(transfer, { state: 'trying' })
  }

  /** Interim progress, once per state (202 and NOTIFY 100 both mean "trying"). */
  private emitInterim(transfer: PendingTransfer, progress: TransferProgress): void {
    if (transfer.lastState === progress.state) return
    transfer.lastState = progress.state
    this.deps.emitProgress({ callId: transfer.call.id, target: transfer.target, progress })
  }

  /** A REFER the far end refused: worded by its code; the server's own phrase goes to the log. */
  private refused(response: SipResponse): TransferProgress {
    const code = response.message.statusCode ?? 500
    this.deps.log(`REFER refused: ${code} ${response.message.reasonPhrase ?? ''}`)
    return failed(code)
  }

  private onNotify(transfer: PendingTransfer, notification: IncomingNotify): void {
    notification.accept().catch(logFailure(this.deps.log, 'answering a transfer NOTIFY failed'))
    if (transfer.finished) return
    const progress = progressFromSipfrag(notification.request.body)
    if (!progress) return
    if (isFinal(progress)) transfer.finish(progress)
    else this.emitInterim(transfer, progress)
  }
}

function failed(code: number): TransferProgress {
  return progressFromStatus(code) ?? { state: 'failed', message: transferFailureMessage(code) }
}

/** Why `held` cannot be handed over to `consultation` now, or null when it can. */
export function attendedTransferProblem(
  held: Call | undefined,
  consultation: Call | undefined,
): Message | null {
  if (!held || !consultation) return message('call.gone')
  if (held === consultation) return message('transfer.to-itself')
  if (!held.isEstablished || !consultation.isEstablished || !consultation.session.dialog)
    return message('transfer.target-not-answered')
  return null
}
