import { backoffDelay } from './backoff'
import type { Clock } from './registration'
import type { PublishRequest, SipResponse, SipStack, SipUri, SipUserAgent } from './stack'
import { expiresOf, failedAnswer, RETRY_POLICY, statusOf } from './subscription-rules'

export interface PublicationDeps {
  stack: SipStack
  clock: Clock
  random: () => number
  userAgent: () => SipUserAgent | null
  /** Our own address of record: what we publish for. */
  ownUri: () => SipUri | undefined
  log: (message: string) => void
  /** Expires asked for (s); a 423 raises it. */
  expires?: number
}

interface Publication {
  readonly event: string
  contentType: string
  /** What should be published; undefined: nothing (withdrawn). */
  wanted: string | undefined
  /** What the PBX holds under `etag`. */
  held: string | undefined
  etag: string | undefined
  expires: number
  sending: boolean
  timer: unknown
  failures: number
}

/**
 * Our own published state per event package (RFC 3903): one PUBLISH in flight per event, the
 * newest wish wins; refreshed (SIP-If-Match, no body) before it expires; 412 publishes afresh,
 * 423 raises Expires, 503/timeouts retry when the PBX says or with backoff. After a reconnect or
 * wake the body is sent again (the PBX may have let it expire); sign-out and sleep withdraw it.
 */
export class Publications {
  private readonly publications = new Map<string, Publication>()
  private ready = false

  constructor(private readonly deps: PublicationDeps) {}

  publish(event: string, contentType: string, body: string | undefined): void {
    let publication = this.publications.get(event)
    if (!publication) {
      if (body === undefined) return
      publication = {
        event,
        contentType,
        wanted: undefined,
        held: undefined,
        etag: undefined,
        expires: this.deps.expires ?? 600,
        sending: false,
        timer: undefined,
        failures: 0,
      }
      this.publications.set(event, publication)
    }
    publication.wanted = body
    publication.contentType = contentType
    publication.failures = 0
    this.flush(publication)
  }

  /** Registered (again): what waits goes out; after a lost connection every body is sent again. */
  resume(recovered: boolean): void {
    this.ready = true
    for (const publication of this.publications.values()) {
      if (recovered) publication.held = undefined
      this.flush(publication)
    }
  }

  pause(): void {
    this.ready = false
  }

  /** Sleep: withdrawn at the PBX (we are not there), published again on wake. */
  suspend(): void {
    for (const publication of this.publications.values()) this.withdrawNow(publication)
    this.ready = false
  }

  /** Sign-out: withdrawn and forgotten. */
  stop(): void {
    this.suspend()
    this.publications.clear()
  }

  private flush(publication: Publication): void {
    if (!this.ready || publication.sending) return
    this.deps.clock.clearTimeout(publication.timer)
    publication.timer = undefined
    const { wanted, etag } = publication
    if (wanted === undefined) {
      if (etag) this.send(publication, { event: publication.event, expires: 0, etag })
      return
    }
    const refresh = etag !== undefined && publication.held === wanted
    this.send(publication, {
      event: publication.event,
      expires: publication.expires,
      ...(etag ? { etag } : {}),
      ...(refresh ? {} : { contentType: publication.contentType, body: wanted }),
    })
  }

  private send(publication: Publication, request: PublishRequest): void {
    const ua = this.deps.userAgent()
    const target = this.deps.ownUri()
    if (!ua || !target) return
    publication.sending = true
    const answered = (response: SipResponse) => {
      publication.sending = false
      if (this.publications.get(publication.event) !== publication) return
      this.onAnswer(publication, request, response)
    }
    try {
      this.deps.stack.publish(ua, target, request, { onAccept: answered, onReject: answered })
    } catch (error) {
      publication.sending = false
      this.deps.log(`PUBLISH ${publication.event} could not be sent: ${String(error)}`)
      this.retryLater(publication, undefined)
    }
  }

  private onAnswer(publication: Publication, request: PublishRequest, response: SipResponse): void {
    const code = statusOf(response)
    if (code >= 200 && code < 300) {
      publication.failures = 0
      if (request.expires === 0) {
        publication.etag = undefined
        publication.held = undefined
      } else {
        publication.etag = response.message.getHeaders('sip-etag')[0] ?? publication.etag
        if (request.body !== undefined) publication.held = request.body
        this.scheduleRefresh(publication, expiresOf(response) ?? request.expires)
      }
      // a newer wish arrived while this one was on its way
      if (publication.wanted !== publication.held || (publication.wanted === undefined && publication.etag))
        this.flush(publication)
      return
    }
    if (code === 412) {
      // the PBX lost our publication (expired, restarted): publish the body afresh
      publication.etag = undefined
      publication.held = undefined
      if (publication.failures++ < 3) this.flush(publication)
      return
    }
    if (request.expires === 0) {
      publication.etag = undefined
      return
    }
    const answer = failedAnswer(response)
    if (answer.kind === 'longer' && publication.failures++ < 3) {
      publication.expires = Math.max(publication.expires, answer.minExpires)
      this.flush(publication)
    } else if (answer.kind === 'retry') {
      this.retryLater(publication, answer.retryAfterMs)
    } else {
      this.deps.log(`PUBLISH ${publication.event} refused (${code}); not retried until the next change`)
    }
  }

  private scheduleRefresh(publication: Publication, expires: number): void {
    this.deps.clock.clearTimeout(publication.timer)
    const delay = Math.max(1000, expires * 1000 * (0.8 + 0.1 * this.deps.random()))
    publication.timer = this.deps.clock.setTimeout(() => {
      publication.timer = undefined
      this.flush(publication)
    }, delay)
  }

  private retryLater(publication: Publication, delayMs: number | undefined): void {
    publication.failures++
    this.deps.clock.clearTimeout(publication.timer)
    const delay = delayMs ?? backoffDelay(publication.failures, this.deps.random, RETRY_POLICY)
    publication.timer = this.deps.clock.setTimeout(() => {
      publication.timer = undefined
      this.flush(publication)
    }, delay)
  }

  /** Expires: 0 for what the PBX holds, without waiting for the answer (the UA is going away). */
  private withdrawNow(publication: Publication): void {
    this.deps.clock.clearTimeout(publication.timer)
    publication.timer = undefined
    const ua = this.deps.userAgent()
    const target = this.deps.ownUri()
    const etag = publication.etag
    // a withdrawal already on its way needs no second one
    const withdrawing = publication.sending && publication.wanted === undefined
    publication.etag = undefined
    publication.held = undefined
    publication.sending = false
    if (!ua || !target || !etag || !this.ready || withdrawing) return
    try {
      this.deps.stack.publish(ua, target, { event: publication.event, expires: 0, etag }, {})
    } catch (error) {
      this.deps.log(`withdrawing PUBLISH ${publication.event} failed: ${String(error)}`)
    }
  }
}
