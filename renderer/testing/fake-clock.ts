import type { Clock } from '../sip/registration'

interface Timer {
  id: number
  at: number
  fn: () => void
}

/** A manual clock: timers run only when a test advances time. */
export class FakeClock implements Clock {
  private time = 1_000_000
  private seq = 0
  private timers: Timer[] = []

  now(): number {
    return this.time
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { id: ++this.seq, at: this.time + Math.max(0, ms), fn }
    this.timers.push(timer)
    return timer.id
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle)
  }

  /** Sleep: the time moves on and no timer runs (they run late, on the next advance). */
  jump(ms: number): void {
    this.time += ms
  }

  pending(): number[] {
    return this.timers.map((t) => t.at - this.time).sort((a, b) => a - b)
  }

  /** Moves time forward, running due timers in order and letting promises settle in between. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms
    for (;;) {
      await flush()
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (!due) break
      this.timers = this.timers.filter((t) => t !== due)
      this.time = Math.max(this.time, due.at)
      due.fn()
    }
    this.time = end
    await flush()
  }
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}
