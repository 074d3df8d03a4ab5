/**
 * Resolves in a later task (after rendering and the I/O events that are due), not a microtask.
 * A message, not a timer: timers of a hidden window (Parley in the tray) are slowed to 1/s.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/**
 * Resolves in a task after the next frame has been drawn, so what changed before it is on the
 * screen before the work that follows: "Registered" is painted before the main screen renders
 * (issue 14). A hidden window draws no frames: then after `fallbackMs` (timers there run at
 * most once a second, which is fine for a window nobody sees).
 */
export function afterNextFrame(fallbackMs = 100): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, fallbackMs)
    // no frames at all where there is no requestAnimationFrame (unit tests in Node)
    if (typeof requestAnimationFrame === 'function')
      requestAnimationFrame(() => {
        clearTimeout(timer)
        resolve()
      })
  }).then(nextTask)
}

/** Resolves in an idle period of the window, at the latest after `timeoutMs` (without idle periods: a task). */
export function whenIdle(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout: timeoutMs })
    else setTimeout(resolve, 0)
  })
}

/** Runs a generator's slices one task each, so no single task holds the window for long. */
export async function runInTasks<T>(slices: Generator<void, T, void>): Promise<T> {
  for (let step = slices.next(); ; step = slices.next()) {
    if (step.done) return step.value
    await nextTask()
  }
}

/**
 * Work that arrives in bulk, done a slice per task: "Watch all" over a directory of 500
 * colleagues is 1000 watches to start, and starting them all in the click's task made it the
 * page's longest (60–125 ms on a busy machine). The first slice runs at once (a single
 * star still starts its watches in the click), the rest one slice per later task, in the
 * order added. An item removed before its turn never runs.
 */
export class TaskSlices<T> {
  // A Set: insertion order, and an O(1) remove of a colleague unwatched before their turn.
  private readonly queue = new Set<T>()
  private waiting = false

  constructor(
    private readonly run: (item: T) => void,
    private readonly perSlice: number,
    private readonly later: () => Promise<void> = nextTask,
  ) {}

  /** Queues the items; runs a first slice now unless a slice is already waiting for its task. */
  addAll(items: Iterable<T>): void {
    for (const item of items) this.queue.add(item)
    if (!this.waiting) this.slice()
  }

  /** True when the item was still waiting (it will not run). */
  remove(item: T): boolean {
    return this.queue.delete(item)
  }

  private slice(): void {
    const batch: T[] = []
    for (const item of this.queue) {
      if (batch.length === this.perSlice) break
      batch.push(item)
    }
    for (const item of batch) this.queue.delete(item)
    this.waiting = this.queue.size > 0
    // the next slice is booked before this one runs, so an item that throws strands no other
    if (this.waiting) void this.later().then(() => this.slice())
    for (const item of batch) this.run(item)
  }
}
