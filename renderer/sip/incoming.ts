import type { Call } from './call'
import type { CallMedia } from './call-media'
import type { CallRegistry } from './call-registry'
import { headerLookup, numberFromUri, parseCallerContext, parseNameAddr } from './caller-context'
import { logFailure, type PhoneContext } from './context'
import { messageOf } from '../../contract/error-message'
import type { SessionOps } from './session-ops'
import { incomingTimer } from './session-timer'
import type { RefusedRequest, SessionDelegate, SipInvitation, SipMessage } from './stack'
import type { ReferRequests } from './refer-requests'
import type { TransferCoordinator } from './transfer'
import { message } from '../../contract/i18n/message'

export interface IncomingDeps {
  calls: CallRegistry
  media: CallMedia
  sessions: SessionOps
  transfers: TransferCoordinator
  /** Incoming REFERs (created after this class: they need its session delegate). */
  refers: () => ReferRequests
  /** The account's user part, to tell "via" entries from ourselves. */
  ownUser: () => string
}

/**
 * Requests the far end starts: a new INVITE (a ringing call, or one replacing a call of ours),
 * and in-dialog REFER, INFO and re-INVITE.
 */
export class IncomingRequests {
  constructor(
    private readonly context: PhoneContext,
    private readonly deps: IncomingDeps,
  ) {}

  onInvite(invitation: SipInvitation): void {
    const { calls } = this.deps
    try {
      const context = parseCallerContext(headerLookup(invitation.request), this.deps.ownUser())
      const problem = offerProblem(invitation.request)
      if (problem) {
        // answered at once with the reason; the user sees a missed call from the caller
        invitation
          .reject({ statusCode: 488, extraHeaders: [`Warning: 399 parley "${problem.warning}"`] })
          .catch((error: unknown) => this.context.log(`488 not sent: ${messageOf(error)}`))
        calls.reportRefused(
          { remoteName: context.name, remoteNumber: context.number, via: context.via },
          message('call.refused-offer', { reason: message(problem.reason), code: 488 }),
        )
        return
      }
      const timer = incomingTimer(headerLookup(invitation.request))
      if (timer.kind === 'too-brief') {
        // RFC 4028 §9: the caller retries at once with our Min-SE; nobody missed a call
        invitation
          .reject({
            statusCode: 422,
            reasonPhrase: 'Session Interval Too Small',
            extraHeaders: timer.headers,
          })
          .catch((error: unknown) => this.context.log(`422 not sent: ${messageOf(error)}`))
        return
      }
      const replaced = invitation.replacee ? calls.ofSession(invitation.replacee) : undefined
      if (replaced && !mayReplace(invitation.request, replaced)) {
        // RFC 3891 §6: only the replaced dialog's peer, or someone it sent, may take over a call
        invitation
          .reject({ statusCode: 403, extraHeaders: ['Warning: 399 parley "Replaces not authorised"'] })
          .catch((error: unknown) => this.context.log(`403 not sent: ${messageOf(error)}`))
        return
      }
      const call: Call = calls.add(
        {
          direction: 'incoming',
          session: invitation,
          remoteName: context.name,
          remoteNumber: context.number,
          via: context.via,
        },
        { silent: replaced !== undefined },
      )
      invitation.delegate = this.sessionDelegate(() => call)
      if (timer.kind === 'agreed') this.deps.sessions.agreeTimer(call, timer)
      if (replaced) this.acceptReplacement(call, invitation, replaced)
    } catch (error) {
      this.context.log(`incoming INVITE could not be handled: ${messageOf(error)}`)
      invitation.reject({ statusCode: 500 }).catch(logFailure(this.context.log, 'answering 500 failed'))
    }
  }

  /** The port answered an unreadable request 400; an INVITE among them is a missed call. */
  onRefused(refused: RefusedRequest): void {
    this.context.log(`${refused.method} could not be parsed: answered ${refused.status}`)
    if (refused.method !== 'INVITE') return
    const context = parseCallerContext(
      headerLookup({ getHeaders: (name) => (name.toLowerCase() === 'from' ? [refused.from] : []) }),
      '',
    )
    this.deps.calls.reportRefused(
      { remoteName: context.name, remoteNumber: context.number, via: '' },
      message('call.refused-unreadable', { code: refused.status }),
    )
  }

  /** The delegate for every session's in-dialog requests. */
  sessionDelegate(callOf: () => Call | undefined): SessionDelegate {
    return {
      onRefer: (referral) => {
        const call = callOf()
        if (call) this.deps.refers().onRefer(call, referral)
        else
          referral
            .reject({ statusCode: 481 })
            .catch(logFailure(this.context.log, 'answering REFER 481 failed'))
      },
      onInfo: (info) => {
        info.accept().catch(logFailure(this.context.log, 'answering INFO failed'))
      },
      onInvite: (request) => {
        const call = callOf()
        if (!call) return
        const sdp = typeof request.body === 'string' ? request.body : ''
        call.patch({ remoteHold: /^a=(sendonly|inactive)\s*$/im.test(sdp) })
        this.deps.sessions.noteRefresh(call, request)
      },
    }
  }

  /** We are the target of someone else's attended transfer: no ringing, the new call takes over. */
  private acceptReplacement(call: Call, invitation: SipInvitation, replaced: Call): void {
    replaced.expectEnd('replaced')
    replaced.leaving = true
    call.expectEnd('failed', message('transfer.incoming-failed'))
    invitation
      .accept({ sessionDescriptionHandlerOptions: this.deps.media.options(false) })
      .catch((error: unknown) => {
        this.context.log(`replacing INVITE failed: ${messageOf(error)}`)
        replaced.clearExpectedEnd()
        replaced.leaving = false
      })
  }
}

type OfferProblemKey = 'call.offer-not-sdp' | 'call.offer-invalid' | 'call.offer-no-audio'

/**
 * Why an INVITE's offer cannot be answered (for the user, and for the caller's Warning header),
 * or null when it can (no offer at all is fine: we offer in the 200). We speak audio over SDP.
 */
export function offerProblem(request: SipMessage): { reason: OfferProblemKey; warning: string } | null {
  const body = typeof request.body === 'string' ? request.body : ''
  if (!body.trim()) return null
  const type = (request.getHeaders('content-type')[0] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type && type !== 'application/sdp') return { reason: 'call.offer-not-sdp', warning: 'Offer is not SDP' }
  if (!/^v=0\s*$/m.test(body)) return { reason: 'call.offer-invalid', warning: 'Offer is not valid SDP' }
  if (!/^m=audio [1-9]\d*(\/\d+)? \S+ \d/m.test(body))
    return { reason: 'call.offer-no-audio', warning: 'No audio in the offer' }
  return null
}

/**
 * RFC 3891 §6: an INVITE with Replaces may take over `replaced` only when it comes from the
 * replaced dialog's peer (From or P-Asserted-Identity), or is sent on that peer's behalf (its
 * Referred-By, copied from the transferor's REFER, names the peer).
 */
export function mayReplace(request: SipMessage, replaced: Call): boolean {
  const peer = replaced.snapshot.remoteNumber
  if (!peer) return false
  const lookup = headerLookup(request)
  const identities = [...lookup('p-asserted-identity'), ...lookup('from'), ...lookup('referred-by')]
  return identities.some((value) => {
    const address = parseNameAddr(value)
    return address !== null && numberFromUri(address.uri) === peer
  })
}
