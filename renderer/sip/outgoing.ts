import { dialUriText, type AccountAddress } from './account'
import type { Call } from './call'
import type { CallMedia } from './call-media'
import type { CallRegistry } from './call-registry'
import { numberFromUri, sanitizeText } from './caller-context'
import { logged, type PhoneContext } from './context'
import type { IncomingRequests } from './incoming'
import { replacesHeader } from './pickup'
import type { SessionOps } from './session-ops'
import type { SipInviter, SipUri, SipUserAgent } from './stack'
import type { PickupTarget } from './types'
import { message } from '../../contract/i18n/message'

export interface OutgoingParts {
  context: PhoneContext
  registry: CallRegistry
  sessions: SessionOps
  callMedia: CallMedia
  incoming: IncomingRequests
  userAgent(): SipUserAgent | undefined
  address(): AccountAddress | null
}

/**
 * The longest a new outgoing call's card waits for its INVITE to leave (measured: 15–35 ms on
 * loopback with a connection made ahead; longer only while ICE servers are asked).
 */
export const cardShownWithinMs = 50

/** Calls we place: a dialled target, or a pickup (an INVITE with Replaces to a ringing caller). */
export class OutgoingCalls {
  constructor(private readonly parts: OutgoingParts) {}

  dial(target: string): string | null {
    return this.place(target, { remoteName: '', extraHeaders: [] })
  }

  /** Answers a call ringing at a colleague here: see pickup.ts for the Replaces header. */
  pickup(target: PickupTarget): string | null {
    const replaces = replacesHeader(target)
    if (!replaces) {
      this.parts.context.log(`pickup refused: the dialog's call-id or tags are not SIP tokens`)
      this.parts.context.error(message('pickup.not-possible'))
      return null
    }
    return this.place(target.caller, {
      remoteName: sanitizeText(target.callerName ?? '', 128),
      extraHeaders: [replaces, 'Require: replaces'],
    })
  }

  private place(target: string, options: { remoteName: string; extraHeaders: string[] }): string | null {
    const context = this.parts.context
    const ua = this.parts.userAgent()
    if (!ua || !this.parts.address()) {
      context.error(message('dial.not-signed-in'))
      return null
    }
    const resolved = this.uriOf(target)
    if (!resolved) {
      context.error(message('dial.not-callable', { target: sanitizeText(target, 64) }))
      return null
    }
    let inviter: SipInviter
    try {
      inviter = context.deps.stack.createInviter(ua, resolved.uri, {
        sessionDescriptionHandlerOptions: this.parts.callMedia.options(false),
        delegate: this.parts.incoming.sessionDelegate(() => call),
        earlyMedia: true,
        ...(options.extraHeaders.length > 0 ? { extraHeaders: options.extraHeaders } : {}),
      })
    } catch (error) {
      context.error(logged(context.log, 'dialling failed', error, message('dial.failed')))
      return null
    }
    const call: Call = this.parts.registry.add(
      {
        direction: 'outgoing',
        session: inviter,
        remoteName: options.remoteName,
        remoteNumber: numberFromUri(resolved.text) || sanitizeText(target, 64),
        via: '',
      },
      { announceLater: true },
    )
    // The INVITE goes first. Its offer, candidates and send each need the window's main thread
    // for a moment, and the new card's render (its name lookup, layout and paint: ~5 ms, 15–20
    // on a window's first call) held each of them up. The card shows as soon as the INVITE has
    // left (or placing failed), or after cardShownWithinMs when that takes longer (ICE servers
    // to ask), so the click is still answered at once. Holding the call we talk on starts now.
    const { clock } = this.parts.context.deps
    const show = () => this.parts.registry.announce(call)
    const deadline = clock.setTimeout(show, cardShownWithinMs)
    void this.parts.sessions.place(call, inviter).then(() => {
      clock.clearTimeout(deadline)
      show()
    })
    void this.parts.sessions.holdOthers(call.id)
    return call.id
  }

  private uriOf(target: string): { text: string; uri: SipUri } | null {
    const address = this.parts.address()
    const text = address ? dialUriText(target, address.domain) : null
    const uri = text ? this.parts.context.deps.stack.makeUri(text) : undefined
    return text && uri ? { text, uri } : null
  }
}
