import type { Call } from './call'
import type { CallMedia } from './call-media'
import type { CallRegistry } from './call-registry'
import { numberFromUri, parseNameAddr, sanitizeText } from './caller-context'
import { logFailure, type PhoneContext } from './context'
import { messageOf } from '../../contract/error-message'
import type { SessionOps } from './session-ops'
import type { IncomingRefer, SessionDelegate, SipInviter } from './stack'
import type { TransferCoordinator } from './transfer'
import type { PhoneEvents, TransferDecision, TransferRequest } from './types'

export interface ReferRequestDeps {
  calls: CallRegistry
  media: CallMedia
  sessions: SessionOps
  transfers: TransferCoordinator
  sessionDelegate: (callOf: () => Call | undefined) => SessionDelegate
  emit: <E extends 'transfer-request' | 'transfer-request-ended'>(event: E, payload: PhoneEvents[E]) => void
}

/** A REFER left unanswered longer than this is declined (the sender's transaction ends at 32 s). */
export const TRANSFER_REQUEST_TIMEOUT_MS = 25_000

interface Pending {
  call: Call
  referral: IncomingRefer
  request: TransferRequest
  targetName: string
  timer: unknown
}

/**
 * Incoming REFERs (we are being transferred). The decider (the state's policy) says whether to
 * follow at once or to ask the user; the mechanics are here: 603 when declined or unanswered,
 * the new call placed when followed, and who asked remembered for the call card.
 */
export class ReferRequests {
  private decide: (request: TransferRequest, followedBefore: boolean) => TransferDecision = () => 'follow'
  private readonly pending = new Map<string, Pending>()
  private readonly followed = new Set<string>()
  private sequence = 0

  constructor(
    private readonly context: PhoneContext,
    private readonly deps: ReferRequestDeps,
  ) {}

  setDecider(decide: (request: TransferRequest, followedBefore: boolean) => TransferDecision): void {
    this.decide = decide
  }

  onRefer(call: Call, referral: IncomingRefer): void {
    let targetText: string
    let targetName: string
    try {
      const referTo = referral.referTo
      targetText = referTo.uri.toString()
      targetName = sanitizeText(referTo.displayName ?? '')
    } catch (error) {
      this.context.log(`REFER without a usable Refer-To: ${messageOf(error)}`)
      referral.reject({ statusCode: 400 }).catch(logFailure(this.context.log, 'answering REFER 400 failed'))
      return
    }
    const request: TransferRequest = {
      requestId: `refer-${++this.sequence}`,
      callId: call.id,
      target: sanitizeText(targetText, 128),
      targetNumber: numberFromUri(targetText),
      targetDomain: domainOf(targetText),
      by: this.askerOf(call, referral),
    }
    const entry: Pending = { call, referral, request, targetName, timer: undefined }
    if (this.decide(request, this.followed.has(call.id)) === 'follow') {
      this.follow(entry)
      return
    }
    entry.timer = this.context.deps.clock.setTimeout(
      () => this.answer(request.requestId, false),
      TRANSFER_REQUEST_TIMEOUT_MS,
    )
    this.pending.set(request.requestId, entry)
    this.deps.emit('transfer-request', request)
  }

  answer(requestId: string, accept: boolean): void {
    const entry = this.pending.get(requestId)
    if (!entry) return
    this.pending.delete(requestId)
    this.context.deps.clock.clearTimeout(entry.timer)
    this.deps.emit('transfer-request-ended', { requestId })
    if (accept && !entry.call.isEnded) this.follow(entry)
    else
      entry.referral.reject({ statusCode: 603 }).catch(logFailure(this.context.log, 'declining REFER failed'))
  }

  onCallEnded(call: Call): void {
    this.followed.delete(call.id)
    for (const [id, entry] of this.pending) if (entry.call === call) this.answer(id, false)
  }

  private follow(entry: Pending): void {
    const { call, referral, request, targetName } = entry
    this.followed.add(call.id)
    referral.accept().catch(logFailure(this.context.log, 'accepting REFER failed'))
    let inviter: SipInviter
    try {
      inviter = referral.makeInviter({
        sessionDescriptionHandlerOptions: this.deps.media.options(false),
        delegate: this.deps.sessionDelegate(() => newCall),
      })
    } catch (error) {
      this.context.log(`REFER target could not be called: ${messageOf(error)}`)
      return
    }
    const newCall: Call = this.deps.calls.add({
      direction: 'outgoing',
      session: inviter,
      remoteName: targetName,
      remoteNumber: request.targetNumber,
      via: '',
      transferredBy: request.by,
    })
    this.deps.transfers.noteTransferredLeg(newCall, call)
    void this.deps.sessions.place(newCall, inviter)
  }

  private askerOf(call: Call, referral: IncomingRefer): string {
    const referredBy = referral.referredBy ? parseNameAddr(referral.referredBy) : null
    const referrerNumber = referredBy ? numberFromUri(referredBy.uri) : ''
    // A nameless Referred-By (SIP.js sends one) naming the party we talk to: use the name we show.
    const knownReferrer = referrerNumber !== '' && referrerNumber === call.snapshot.remoteNumber
    return (
      referredBy?.name ||
      (knownReferrer && call.snapshot.remoteName) ||
      referrerNumber ||
      call.snapshot.remoteName ||
      call.snapshot.remoteNumber
    )
  }
}

/** The host of a SIP URI, lower case, without port or parameters. */
export function domainOf(uri: string): string {
  const match = /^sips?:(?:[^@]*@)?(\[[^\]]+\]|[^:;?>]+)/i.exec(uri.trim())
  return (match?.[1] ?? '').toLowerCase()
}
