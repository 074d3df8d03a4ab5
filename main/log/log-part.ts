import { defineHandlers } from '../ipc/handlers'
import type { MainPart } from '../parts'
import type { LevelledLogger } from './logger'

export interface RateLimit {
  /** Lines accepted at once after a quiet period. */
  burst: number
  /** Lines per minute accepted in the long run. */
  perMinute: number
}

/** Generous for a healthy app (a few lines a minute), tight enough that a loop cannot fill the disk. */
export const rendererLogLimit: RateLimit = { burst: 50, perMinute: 60 }

/**
 * A token bucket: `burst` lines at once, refilled at `perMinute`. Lines over the limit are
 * counted and reported in one line once lines are accepted again.
 */
export class LogRateLimiter {
  private tokens: number
  private last: number
  private dropped = 0

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = limit.burst
    this.last = now()
  }

  /** Whether one more line may be written now; `droppedBefore` lines were refused since the last one. */
  take(): { allowed: boolean; droppedBefore: number } {
    const now = this.now()
    this.tokens = Math.min(
      this.limit.burst,
      this.tokens + ((now - this.last) * this.limit.perMinute) / 60_000,
    )
    this.last = now
    if (this.tokens < 1) {
      this.dropped++
      return { allowed: false, droppedBefore: 0 }
    }
    this.tokens -= 1
    const droppedBefore = this.dropped
    this.dropped = 0
    return { allowed: true, droppedBefore }
  }
}

/**
 * Owns `log:write`: the renderer's lines go into main's log (validated by the contract,
 * rate-limited here, redacted by the logger), tagged `renderer/<scope>`.
 */
export function logPart(logger: LevelledLogger, limiter = new LogRateLimiter(rendererLogLimit)): MainPart {
  return {
    name: 'log',
    handlers: defineHandlers({
      'log:write': ({ level, scope, message }) => {
        const { allowed, droppedBefore } = limiter.take()
        if (droppedBefore > 0) logger.warn(`renderer: ${droppedBefore} log lines dropped (too many at once)`)
        if (allowed) logger.write(level, `renderer/${scope}: ${message}`)
        return allowed
      },
    }),
  }
}
