import type { Core, URI, UserAgent } from 'sip.js'
import type {
  PublishRequest,
  RequestDelegate,
  SipSubscription,
  SipUri,
  SipUserAgent,
  SubscribeRequest,
  SubscriptionHandlers,
  SubscriptionNotify,
} from './port'

/**
 * PUBLISH and SUBSCRIBE through SIP.js's public core API (`userAgentCore`): its Publisher and
 * Subscriber hide the status code of a failure (so no 503 Retry-After, no 423 Min-Expires for
 * SUBSCRIBE), refresh on their own timers, and Subscriber.dispose() never settles for an active
 * subscription. The adapter's managers (publications.ts, subscriptions.ts) own those rules.
 */

/** An out-of-dialog request from our address of record to `target` (To = the target). */
function requestTo(
  userAgent: SipUserAgent,
  method: 'PUBLISH' | 'SUBSCRIBE',
  target: SipUri,
  headers: string[],
  body?: Core.Body,
): { core: Core.UserAgentCore; message: Core.OutgoingRequestMessage } {
  const ua = userAgent as UserAgent
  const core = ua.userAgentCore
  const uri = target as URI
  return {
    core,
    message: core.makeOutgoingRequestMessage(method, uri, ua.configuration.uri, uri, {}, headers, body),
  }
}

export function sendPublish(
  userAgent: SipUserAgent,
  target: SipUri,
  request: PublishRequest,
  delegate: RequestDelegate,
): void {
  const headers = [`Event: ${request.event}`, `Expires: ${request.expires}`]
  if (request.etag) headers.push(`SIP-If-Match: ${request.etag}`)
  const body =
    request.body !== undefined && request.contentType
      ? { contentDisposition: 'render', contentType: request.contentType, content: request.body }
      : undefined
  const { core, message } = requestTo(userAgent, 'PUBLISH', target, headers, body)
  core.publish(message, delegate)
}

/** How long an ended subscription waits for the notifier's final NOTIFY (RFC 6665 Timer N). */
const FINAL_NOTIFY_WAIT_MS = 32_000

export function startSubscription(
  userAgent: SipUserAgent,
  target: SipUri,
  request: SubscribeRequest,
  handlers: SubscriptionHandlers,
): SipSubscription {
  const contact = (userAgent as UserAgent).userAgentCore.configuration.contact.toString()
  const headers = [
    `Event: ${request.event}`,
    `Expires: ${request.expires}`,
    `Accept: ${request.accept}`,
    `Contact: ${contact}`,
  ]
  const { core, message } = requestTo(userAgent, 'SUBSCRIBE', target, headers)
  let dialog: Core.Subscription | undefined
  let accepted = false
  let ended = false
  const end = () => {
    if (ended) return
    ended = true
    handlers.onTerminated()
  }
  // The SUBSCRIBE's client is needed until its answer came and the dialog exists; held for the
  // subscription's life it kept the request, its transaction and its credentials (whose nonce
  // keeps the whole 401 alive): 2.8 kB a subscription, 2.8 MB for a board of 500 colleagues.
  // SIP.js's core holds it while its transaction lives.
  const letGoOfSubscribe = () => {
    if (dialog && accepted) outgoing = undefined
  }
  let outgoing: Core.OutgoingSubscribeRequest | undefined = core.subscribe(message, {
    onAccept: (response) => {
      accepted = true
      handlers.onResponse(response)
      letGoOfSubscribe()
    },
    onReject: (response) => {
      ended = true
      handlers.onResponse(response)
    },
    onRedirect: (response) => {
      ended = true
      handlers.onResponse(response)
    },
    onNotifyTimeout: end,
    onNotify: ({ request: notify, subscription }) => {
      if (subscription && !dialog) {
        dialog = subscription
        dialog.delegate = {
          onNotify: (inDialog) => handlers.onNotify(notifyOf(inDialog)),
          onTerminated: end,
        }
      }
      handlers.onNotify(notifyOf(notify))
      letGoOfSubscribe()
    },
  })
  return {
    get expiresIn() {
      return dialog?.subscriptionExpires ?? 0
    },
    refresh(delegate) {
      if (!dialog || ended) return false
      dialog.refresh().delegate = delegate
      return true
    },
    unsubscribe() {
      ended = true
      outgoing?.waitNotifyStop()
      outgoing?.dispose()
      const last = dialog
      if (!last) return
      // the notifier's final NOTIFY ends the dialog (and is answered 200); if none comes, forget it
      last.delegate = { onNotify: (notify) => notify.accept() }
      last.unsubscribe()
      setTimeout(() => last.dispose(), FINAL_NOTIFY_WAIT_MS)
    },
    dispose() {
      ended = true
      outgoing?.waitNotifyStop()
      dialog?.dispose()
      outgoing?.dispose()
    },
  }
}

function notifyOf(request: Core.IncomingNotifyRequest): SubscriptionNotify {
  const message = request.message
  const state = parseSubscriptionState(message.getHeader('Subscription-State') ?? '')
  return {
    contentType: message.getHeader('Content-Type') ?? '',
    body: typeof message.body === 'string' ? message.body : '',
    state: state.state,
    reason: state.reason,
    retryAfter: state.retryAfter,
    accept: () => request.accept(),
    reject: (statusCode) => request.reject({ statusCode }),
  }
}

/** `active;expires=600`, `terminated;reason=giveup;retry-after=30` (RFC 6665 §8.2.3). */
export function parseSubscriptionState(text: string): {
  state: SubscriptionNotify['state']
  reason: string | undefined
  retryAfter: number | undefined
} {
  const [value = '', ...params] = text.split(';').map((part) => part.trim())
  const named = new Map(
    params.map((param) => {
      const [name = '', v = ''] = param.split('=')
      return [name.trim().toLowerCase(), v.trim()] as const
    }),
  )
  const lower = value.toLowerCase()
  const state = lower === 'pending' || lower === 'terminated' ? lower : 'active'
  const retry = Number(named.get('retry-after'))
  return {
    state,
    reason: named.get('reason') || undefined,
    retryAfter: Number.isFinite(retry) && named.has('retry-after') ? retry : undefined,
  }
}
