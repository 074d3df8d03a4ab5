/**
 * re-INVITE with the RFC 3261 §14.1 glare rule: on 491 Request Pending, wait a random time
 * (2.1–4 s when we own the dialog's Call-ID, 0–2 s otherwise) and try again.
 */

export type ReinviteOutcome = { ok: true } | { ok: false; code: number; reason: string }

export interface ReinviteRetryOptions {
  /** True when this UA sent the initial INVITE (owns the Call-ID). */
  ownsCallId: boolean
  random: () => number
  sleep: (ms: number) => Promise<void>
  maxAttempts?: number
  /** Stop retrying (the call ended meanwhile). */
  isCancelled?: () => boolean
}

export function glareDelayMs(ownsCallId: boolean, random: () => number): number {
  const r = Math.min(Math.max(random(), 0), 1)
  return ownsCallId ? Math.round(2100 + r * 1900) : Math.round(r * 2000)
}

export async function reinviteWithRetry(
  attempt: () => Promise<ReinviteOutcome>,
  options: ReinviteRetryOptions,
): Promise<ReinviteOutcome> {
  const maxAttempts = options.maxAttempts ?? 4
  let outcome: ReinviteOutcome = { ok: false, code: 491, reason: 'Request Pending' }
  for (let n = 1; n <= maxAttempts; n++) {
    if (options.isCancelled?.()) return { ok: false, code: 481, reason: 'Call ended' }
    outcome = await attempt()
    if (outcome.ok || outcome.code !== 491) return outcome
    if (n < maxAttempts) await options.sleep(glareDelayMs(options.ownsCallId, options.random))
  }
  return outcome
}
