/** Reconnection delays: exponential with "equal jitter", capped, so a fleet of phones does not
 *  hammer a PBX that just came back, and the first retry after a blip is quick. */
export interface BackoffPolicy {
  baseMs: number
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000 }

/**
 * Delay before retry number `attempt` (1-based): the nominal delay is base·2^(attempt-1),
 * capped at max; the actual delay lies uniformly in [nominal/2, nominal].
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const safeAttempt = Number.isFinite(attempt) && attempt >= 1 ? Math.floor(attempt) : 1
  const exponent = Math.min(safeAttempt - 1, 30)
  const nominal = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent)
  const r = Math.min(Math.max(random(), 0), 1)
  return Math.round(nominal / 2 + (nominal / 2) * r)
}
