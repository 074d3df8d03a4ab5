/**
 * Fakes for the port's PUBLISH and SUBSCRIBE (stack/port.ts): they record what the adapter
 * sent and let a test play the PBX (answer 200/423/503, send NOTIFYs, end a subscription).
 */
import type {
  PublishRequest,
  SipSubscription,
  SubscribeRequest,
  SubscriptionHandlers,
  SubscriptionNotify,
} from '../sip/stack'
import { response, type RequestDelegateLike } from './sip-stack'

export interface SentPublish {
  target: string
  request: PublishRequest
  delegate: RequestDelegateLike
  answer(statusCode: number, headers?: Record<string, string[]>): void
}

/** One SUBSCRIBE the adapter started, and the test's handle to play its notifier. */
export class FakeSubscription implements SipSubscription {
  expiresIn = 0
  unsubscribed = false
  disposed = false
  readonly refreshes: RequestDelegateLike[] = []
  /** Answers the NOTIFYs got (status codes, in order). */
  readonly notifyAnswers: number[] = []

  constructor(
    readonly target: string,
    readonly request: SubscribeRequest,
    readonly handlers: SubscriptionHandlers,
  ) {}

  get live(): boolean {
    return !this.unsubscribed && !this.disposed
  }

  /** The final answer to the SUBSCRIBE (2xx sets `expiresIn` from Expires). */
  answer(statusCode: number, headers: Record<string, string[]> = {}): void {
    if (statusCode < 300) this.expiresIn = Number(headers.Expires?.[0] ?? this.request.expires)
    this.handlers.onResponse(response(statusCode, '', headers) as never)
  }

  notify(
    body: string,
    options: Partial<Pick<SubscriptionNotify, 'state' | 'reason' | 'retryAfter' | 'contentType'>> = {},
  ): void {
    this.handlers.onNotify({
      contentType: options.contentType ?? 'application/pidf+xml',
      body,
      state: options.state ?? 'active',
      reason: options.reason,
      retryAfter: options.retryAfter,
      accept: () => this.notifyAnswers.push(200),
      reject: (code) => this.notifyAnswers.push(code),
    })
  }

  refresh(delegate: RequestDelegateLike): boolean {
    if (!this.live) return false
    this.refreshes.push(delegate)
    return true
  }

  unsubscribe(): void {
    this.unsubscribed = true
  }

  dispose(): void {
    this.disposed = true
  }
}

/** The PUBLISH / SUBSCRIBE half of FakeStack. */
export class FakeEventTraffic {
  readonly publishes: SentPublish[] = []
  readonly subscriptions: FakeSubscription[] = []

  publish(target: string, request: PublishRequest, delegate: RequestDelegateLike): void {
    this.publishes.push({
      target,
      request,
      delegate,
      answer: (code, headers = {}) =>
        (code < 300 ? delegate.onAccept : delegate.onReject)?.(response(code, '', headers)),
    })
  }

  subscribe(target: string, request: SubscribeRequest, handlers: SubscriptionHandlers): FakeSubscription {
    const subscription = new FakeSubscription(target, request, handlers)
    this.subscriptions.push(subscription)
    return subscription
  }

  /** The newest subscription to `target` for `event`. */
  subscriptionTo(target: string, event: string): FakeSubscription {
    const found = this.subscriptions.filter((s) => s.target === target && s.request.event === event).at(-1)
    if (!found) throw new Error(`no SUBSCRIBE ${event} to ${target}`)
    return found
  }
}
