import { backoffDelay } from './backoff'
import type { Clock } from './registration'
import type { PublishRequest, SipResponse, SipStack, SipUri, SipUserAgent } from './stack'
import { expiresOf, failedAnswer, RETRY_POLICY, statusOf } from './subscription-rules'
import type { PublicationNews, PublishEvent } from './types'

export interface PublicationDeps {
  stack: SipStack
  clock: Clock
  random: () => number
  userAgent: () => SipUserAgent | null
  /** Our own address of record: what we publish for. */
  ownUri: () => SipUri | undefined
  log: (message: string) => void
  /** What became of a publication: held (with its entity tag), withdrawn, failed. */
  report?: (news: PublicationNews) => void
  /** Expires asked for (s); a 423 raises it. */
  expires?: number
}

interface Publication {
  readonly event: PublishEvent
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
  /** A failure was logged and not yet followed by a success (each failure is logged once). */
  failing: boolean
}

/**
 * Our own published state per event package (RFC 3903): one PUBLISH in flight per event, the
 * newest wish wins; refreshed (SIP-If-Match, no body) before it expires; 412 publishes afresh,
 * 423 raises Expires, 503/5xx/timeouts retry when the PBX says or with backoff; a refusal (403,
 * 489…) waits for the next change or registration. Every outcome is reported (`report`), so the
 * owner can keep the entity tag across a crash and tell the user when the PBX lacks the status.
 * After a reconnect the body is sent again (the PBX may have let it expire). Sleep withdraws it
 * and forgets the body but keeps the entity tag: on wake the owner publishes what is true then,
 * as a modification of that tag (412 if the withdrawal arrived: published afresh). Sign-out
 * withdraws and forgets everything.
 */
export class Publications {
  private readonly publications = new Map<string, Publication>()
  private ready = false

  constructor(private readonly deps: PublicationDeps) {}

  publish(event: PublishEvent, contentType: string, body: string | undefined): void {
    let publication = this.publications.get(event)
    if (!publication) {
      if (body === undefined) return
      publication = this.create(event)
    }
    // the same wish again while it is on its way or held: nothing new to send
    if (
      body !== undefined &&
      body === publication.wanted &&
      (publication.sending || body === publication.held)
    )
      return
    publication.wanted = body
    publication.contentType = contentType
    publication.failures = 0
    this.flush(publication)
  }

  /**
   * A publication an earlier run left at the PBX: the next PUBLISH modifies it; with nothing to
   * publish by the next registration, that withdraws it. Nothing is sent from here.
   */
  adopt(event: PublishEvent, etag: string): void {
    const publication = this.publications.get(event) ?? this.create(event)
    if (publication.etag !== undefined) return
    publication.etag = etag
    publication.held = undefined
  }

  private create(event: PublishEvent): Publication {
    const publication: Publication = {
      event,
      contentType: '',
      wanted: undefined,
      held: undefined,
      etag: undefined,
      expires: this.deps.expires ?? 600,
      sending: false,
      timer: undefined,
      failures: 0,
      failing: false,
    }
    this.publications.set(event, publication)
    return publication
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

  /**
   * Sleep: withdrawn at the PBX (we are not there) and the body forgotten, so wake never sends
   * what was true before sleeping; the entity tag stays, in case the withdrawal did not arrive.
   */
  suspend(): void {
    for (const publication of this.publications.values()) {
      this.withdrawNow(publication)
      publication.wanted = undefined
    }
    this.ready = false
  }

  /** Sign-out: withdrawn and forgotten. */
  stop(): void {
    for (const publication of this.publications.values()) {
      const held = publication.etag !== undefined
      this.withdrawNow(publication)
      if (held) this.deps.report?.({ event: publication.event, state: 'withdrawn' })
    }
    this.ready = false
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
      this.failed(publication, 0, true, `sending (${String(error)})`)
      this.retryLater(publication, undefined)
    }
  }

  private onAnswer(publication: Publication, request: PublishRequest, response: SipResponse): void {
    const code = statusOf(response)
    if (code >= 200 && code < 300) {
      publication.failures = 0
      publication.failing = false
      if (request.expires === 0) {
        publication.etag = undefined
        publication.held = undefined
        this.deps.report?.({ event: publication.event, state: 'withdrawn' })
      } else {
        publication.etag = response.message.getHeaders('sip-etag')[0] ?? publication.etag
        if (request.body !== undefined) publication.held = request.body
        const expires = expiresOf(response) ?? request.expires
        this.scheduleRefresh(publication, expires)
        if (publication.etag) {
          const expiresAt = this.deps.clock.now() + expires * 1000
          this.deps.report?.({
            event: publication.event,
            state: 'published',
            etag: publication.etag,
            expiresAt,
          })
        }
      }
      // a newer wish arrived while this one was on its way
      if (publication.wanted !== publication.held || (publication.wanted === undefined && publication.etag))
        this.flush(publication)
      return
    }
    if (code === 412) {
      // the PBX lost our publication (expired, restarted, withdrawn): publish the body afresh
      publication.etag = undefined
      publication.held = undefined
      if (request.expires === 0) this.deps.report?.({ event: publication.event, state: 'withdrawn' })
      if (publication.failures++ < 3) this.flush(publication)
      else this.failed(publication, code, false, 'publishing')
      return
    }
    if (request.expires === 0) {
      // it lapses at the PBX by itself; the tag is of no further use
      publication.etag = undefined
      this.failed(publication, code, false, 'withdrawing')
      this.deps.report?.({ event: publication.event, state: 'withdrawn' })
      return
    }
    const answer = failedAnswer(response)
    if (answer.kind === 'longer' && publication.failures++ < 3) {
      publication.expires = Math.max(publication.expires, answer.minExpires)
      this.flush(publication)
    } else if (answer.kind === 'retry') {
      this.failed(publication, code, true, 'publishing')
      this.retryLater(publication, answer.retryAfterMs)
    } else {
      this.failed(publication, code, false, 'publishing')
    }
  }

  /** Logged once per run of failures; reported every time (the owner shows it until a success). */
  private failed(publication: Publication, code: number, retrying: boolean, doing: string): void {
    if (!publication.failing)
      this.deps.log(
        `PUBLISH ${publication.event}: ${doing} failed (${code}); ${retrying ? 'retrying with backoff' : 'not retried until the next change or registration'}`,
      )
    publication.failing = true
    this.deps.report?.({ event: publication.event, state: 'failed', code, retrying })
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

  /**
   * Expires: 0 for what the PBX holds, without waiting for the answer (the UA is going away).
   * The entity tag is kept: the caller decides whether it is still of use.
   */
  private withdrawNow(publication: Publication): void {
    this.deps.clock.clearTimeout(publication.timer)
    publication.timer = undefined
    const ua = this.deps.userAgent()
    const target = this.deps.ownUri()
    const etag = publication.etag
    // a withdrawal already on its way needs no second one
    const withdrawing = publication.sending && publication.wanted === undefined
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
