import {
  Inviter,
  Registerer,
  UserAgent,
  type Web,
  type InviterOptions,
  type Notification,
  type Session,
  type URI,
} from 'sip.js'
import type { IncomingNotify, SipStack, SipTraceSink, UserAgentConfig } from './port'
import { NotifyAnswers } from './notify-answers'
import { missingHeaderOf } from './raw-message'
import { earlyOfferMediaHandlerFactory, pooledPeerConnection, startMediaEngine } from './sipjs-media'
import { sendPublish, startSubscription } from './sipjs-events'
import { buildUserAgentOptions } from './user-agent-options'

/**
 * The port implemented with SIP.js 0.21: with its options builder, events and media handler
 * (sipjs-*.ts), the only modules that import SIP.js and touch its internal members. SIP.js objects are handed out as
 * they are: the compiler checks that they satisfy the port's interfaces (no casts on the way
 * out); the port's objects are SIP.js's own on the way back in.
 */
export const realSipStack: SipStack = {
  createUserAgent: (config) => {
    const ua = new UserAgent(buildUserAgentOptions(config))
    answerRefused(ua, config)
    if (config.trace) traceTransport(ua, config.trace)
    return ua
  },
  createRegisterer: (userAgent, options) =>
    new Registerer(userAgent as UserAgent, { ...options, logConfiguration: false }),
  createInviter: (userAgent, target, options) =>
    new Inviter(userAgent as UserAgent, target as URI, options as InviterOptions),
  makeUri: (text) => UserAgent.makeURI(text),
  createMediaHandlerFactory: (source) => earlyOfferMediaHandlerFactory(source),
  createPeerConnection: (configuration, candidatePoolSize) =>
    pooledPeerConnection(configuration, candidatePoolSize),
  startMediaEngine,
  mediaHandlerOf: (session) => {
    const sdh = session.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined
    return sdh && typeof sdh === 'object' ? sdh : undefined
  },
  ping: async (userAgent, target, requestDelegate) => {
    const ua = userAgent as UserAgent
    const core = ua.userAgentCore
    const message = core.makeOutgoingRequestMessage(
      'OPTIONS',
      target as URI,
      ua.configuration.uri,
      target as URI,
      {},
    )
    return core.request(message, requestDelegate)
  },
  referInDialog: (session, refer) => {
    // SIP.js's public refer() builds Refer-To from the remote display name verbatim (a hostile
    // name breaks it) and cannot carry Replaces: use the session's own REFER sender.
    const inner = session as Session
    const extraHeaders = [...refer.extraHeaders]
    if (inner._contact) extraHeaders.push(`Contact: ${inner._contact}`)
    const onNotify = (notification: Notification) => refer.onNotify(notification satisfies IncomingNotify)
    return inner._refer(onNotify, refer.requestDelegate, { extraHeaders })
  },
  publish: sendPublish,
  subscribe: startSubscription,
}

/**
 * SIP.js drops a message it cannot parse without a word (an INVITE with a broken Contact would
 * leave the caller waiting for the proxy's timeout): answer such requests 400 ourselves, and
 * those it would misanswer (a NOTIFY without Subscription-State, read on the raw text). Every
 * NOTIFY refused, by the stack or by us, is reported once through `onNotifyRefused`. Each message
 * is parsed once, by SIP.js: our patch (patches/sip.js+0.21.2.patch) hands the ones it cannot
 * read to the user agent delegate's `onUnparsableMessage` instead of dropping them.
 */
function answerRefused(ua: UserAgent, config: UserAgentConfig): void {
  const transport = ua.transport
  const deliver = transport.onMessage
  const notifies = new NotifyAnswers()
  // the answer's builder is loaded when first needed (rare), not before "Registered"
  const failed = (error: unknown) => config.log?.('warn', 'sip.Parser', `400 not sent: ${String(error)}`)
  const refuse = async (text: string, warning?: string) => {
    const { refusalOf } = await import('./refusal')
    const refusal = refusalOf(text, Math.random().toString(36).slice(2, 12), warning)
    if (!refusal) {
      config.log?.('warn', 'sip.Parser', 'an unparsable message was dropped (nothing to answer)')
      return undefined
    }
    transport.send(refusal.response).catch(failed)
    return refusal.refused
  }
  transport.onMessage = (text: string) => {
    notifies.received(text)
    const missing = missingHeaderOf(text)
    // the stack parses it; one it cannot read comes back through onUnparsableMessage below
    if (!missing) deliver?.(text)
    // reported by the send hook below, like the stack's own refusals of a NOTIFY
    else refuse(text, missing).catch(failed)
  }
  ua.delegate = {
    ...ua.delegate,
    onUnparsableMessage: (text: string) => {
      // an unreadable request is reported once, as such, not also as a refused NOTIFY
      notifies.reportedElsewhere(text)
      refuse(text)
        .then((refused) => {
          if (refused) config.onRefused?.(refused)
        })
        .catch(failed)
    },
  }
  const send = transport.send.bind(transport)
  transport.send = (text: string) => {
    const refused = notifies.sent(text)
    if (refused) config.onNotifyRefused?.(refused)
    return send(text)
  }
}

/**
 * Hands every message that crosses the transport to the trace, before anything else reads it:
 * received ones ahead of the parser (so an unparsable one is traced too), sent ones once the
 * socket has them.
 */
function traceTransport(ua: UserAgent, trace: SipTraceSink): void {
  const transport = ua.transport
  const deliver = transport.onMessage
  transport.onMessage = (text: string) => {
    trace('received', text)
    deliver?.(text)
  }
  const send = transport.send.bind(transport)
  // Traced once handed to the socket, not before: the trace's IPC to main would otherwise delay
  // every message, the first REGISTER too (issue 14). The trace keeps the order messages left in.
  transport.send = (text: string) => {
    try {
      return send(text)
    } finally {
      trace('sent', text)
    }
  }
}
