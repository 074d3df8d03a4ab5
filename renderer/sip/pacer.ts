import type { Clock } from './registration'

export interface PacerTuning {
  /** Gap between two sends (ms). */
  minGapMs: number
  /** Sent items still waiting for their answer, at most. */
  maxInFlight: number
}

/**
 * A send queue that never bursts: one item per `minGapMs` at most, no more than `maxInFlight`
 * unanswered, nothing while closed (not registered) or paused (a PBX that said 503).
 * `send` returns true when the item went out and will be `settled` later.
 */
export class Pacer<T> {
  private readonly queue: T[] = []
  /** What the queue holds, for an O(1) "already queued" (a board adds hundreds at once). */
  private readonly queued = new Set<T>()
  private inFlight = 0
  private nextAt = 0
  private timer: unknown = undefined
  private open = false

  constructor(
    private readonly clock: Clock,
    private readonly tuning: PacerTuning,
    private readonly send: (item: T) => boolean,
  ) {}

  get isOpen(): boolean {
    return this.open
  }

  setOpen(open: boolean): void {
    this.open = open
    this.pump()
  }

  add(item: T, first = false): void {
    if (!this.queued.has(item)) {
      this.queued.add(item)
      if (first) this.queue.unshift(item)
      else this.queue.push(item)
    }
    this.pump()
  }

  remove(item: T): void {
    if (!this.queued.delete(item)) return
    const index = this.queue.indexOf(item)
    if (index >= 0) this.queue.splice(index, 1)
  }

  /** A sent item got its answer (or never will). */
  settled(): void {
    this.inFlight = Math.max(0, this.inFlight - 1)
    this.pump()
  }

  /** Nothing goes out for `ms` (the server asked for a break). */
  pauseFor(ms: number): void {
    this.nextAt = Math.max(this.nextAt, this.clock.now() + ms)
  }

  clear(): void {
    this.queue.length = 0
    this.queued.clear()
    this.inFlight = 0
    this.clock.clearTimeout(this.timer)
    this.timer = undefined
  }

  private pump(): void {
    if (this.timer !== undefined) return
    while (this.open && this.queue.length > 0 && this.inFlight < this.tuning.maxInFlight) {
      const now = this.clock.now()
      if (now < this.nextAt) {
        this.timer = this.clock.setTimeout(() => {
          this.timer = undefined
          this.pump()
        }, this.nextAt - now)
        return
      }
      const item = this.queue.shift() as T
      this.queued.delete(item)
      this.nextAt = now + this.tuning.minGapMs
      this.inFlight++
      if (!this.send(item)) this.inFlight--
    }
  }
}
