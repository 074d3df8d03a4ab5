import type { SipResponse } from './stack'
import type { WatchEvent } from './types'

export interface SubscriptionTuning {
  /** Expires asked for in each SUBSCRIBE (s); a 423 raises it to the notifier's Min-Expires. */
  expires: number
  /** New or refreshing SUBSCRIBEs waiting for their answer at once, at most. */
  maxInFlight: number
  /** Gap between two SUBSCRIBEs (ms): 4 ms is ≤ 250 a second, 1000 watches in about 4 s. */
  minGapMs: number
  /**
   * NOTIFY bodies larger than this (UTF-16 code units) are dropped with a log line. One
   * presentity's PIDF or dialog-info is a few KB (a colleague with a dozen calls about 8 KB).
   */
  maxBodyLength: number
  /** Pause of the whole queue after a 503 without Retry-After (ms). */
  overloadPauseMs: number
}

export const DEFAULT_SUBSCRIPTION_TUNING: SubscriptionTuning = {
  expires: 600,
  maxInFlight: 64,
  minGapMs: 4,
  maxBodyLength: 32 * 1024,
  overloadPauseMs: 2000,
}

export const RETRY_POLICY = { baseMs: 2000, maxMs: 300_000 }

/** The body types we take for each event package (the Accept header). */
export const ACCEPT: Record<WatchEvent, string> = {
  presence: 'application/pidf+xml',
  dialog: 'application/dialog-info+xml',
  'message-summary': 'application/simple-message-summary',
}

/** Why a NOTIFY's body is not passed on (too large, or not of the type we asked for); else undefined. */
export function unusableBody(
  notify: { body: string; contentType: string },
  event: WatchEvent,
  maxLength: number,
): string | undefined {
  if (notify.body.length > maxLength) return `body of ${notify.body.length} dropped (too large)`
  if (notify.body && !notify.contentType.toLowerCase().startsWith(ACCEPT[event]))
    return `unexpected type ${notify.contentType.slice(0, 64)} dropped`
  return undefined
}

/** Subscription-State reasons after which trying again cannot help (RFC 6665 §4.2.2). */
export const FINAL_REASONS = new Set(['rejected', 'noresource', 'invariant'])

/** What to do after a failed SUBSCRIBE or PUBLISH, from its status code and headers. */
export type FailedAnswer =
  /** 423 Interval Too Brief: again at once with at least `minExpires`. */
  | { kind: 'longer'; minExpires: number }
  /** Worth another try later; `retryAfterMs` when the server said when (Retry-After). */
  | { kind: 'retry'; retryAfterMs: number | undefined; overload: boolean }
  /** The server will not serve it (auth, unknown user, unsupported event…): stop. */
  | { kind: 'refused' }

/** Codes after which the same request will fail the same way. */
const REFUSED = new Set([400, 401, 403, 404, 405, 407, 410, 413, 414, 415, 416, 420, 484, 488, 489, 603, 604])

export function failedAnswer(response: SipResponse): FailedAnswer {
  const code = response.message.statusCode ?? 0
  const header = (name: string) => response.message.getHeaders(name)[0]
  if (code === 423) {
    const minExpires = Number.parseInt(header('min-expires') ?? '', 10)
    if (Number.isFinite(minExpires) && minExpires > 0) return { kind: 'longer', minExpires }
    return { kind: 'refused' }
  }
  if (REFUSED.has(code)) return { kind: 'refused' }
  const retryAfter = Number.parseInt(header('retry-after') ?? '', 10)
  return {
    kind: 'retry',
    retryAfterMs:
      Number.isFinite(retryAfter) && retryAfter >= 0 ? Math.min(retryAfter, 3600) * 1000 : undefined,
    overload: code === 503,
  }
}

export const statusOf = (response: SipResponse): number => response.message.statusCode ?? 0

/** The Expires a 2xx granted (s), when it says. */
export function expiresOf(response: SipResponse): number | undefined {
  const value = Number.parseInt(response.message.getHeaders('expires')[0] ?? '', 10)
  return Number.isFinite(value) && value > 0 ? value : undefined
}
