import { messageOf } from '../../contract/error-message'
import type { PhoneCalls } from './phone-calls'

interface Waiting {
  run(calls: PhoneCalls): void
  /** For a request waiting for an answer: answer it now, the code that would have could not load. */
  failed?(): void
}

/**
 * Loads the phone's calls part (phone-calls.ts) once: after "Registered" or on first use, so
 * only registration is fetched and evaluated before it (issue 14). Until the part is in, what
 * arrives for it (an INVITE, a setting, a watch) waits here in arrival order and is handed over,
 * in that order, the moment it is: a request is never lost nor left unanswered. If the code
 * cannot load, waiting requests are answered at once (`failed`) and the rest waits for a retry.
 */
export class CallsLoader {
  private part: PhoneCalls | null = null
  private loading: Promise<PhoneCalls | null> | null = null
  private readonly waiting: Waiting[] = []

  constructor(
    private readonly load: () => Promise<PhoneCalls>,
    private readonly log: (message: string) => void,
  ) {}

  /** The part when it is in (else null: nothing it would own exists yet). */
  get loaded(): PhoneCalls | null {
    return this.part
  }

  /** Whether loading has started (it is in, or on its way). */
  get started(): boolean {
    return this.loading !== null
  }

  /** The part, loading it if needed, after everything that waited for it; null if it cannot load (logged). */
  get(): Promise<PhoneCalls | null> {
    if (this.part) return Promise.resolve(this.part)
    this.loading ??= this.load().then(
      (part) => {
        // whatever arrives while the queue is handed over queues behind it: order is kept
        while (this.waiting.length > 0) this.handOver(part, this.waiting.shift() as Waiting)
        this.part = part
        return part
      },
      (error: unknown) => {
        this.loading = null
        this.log(`the calls code could not load: ${messageOf(error)}`)
        const requests = this.waiting.filter((entry) => entry.failed)
        this.waiting.splice(0, this.waiting.length, ...this.waiting.filter((entry) => !entry.failed))
        for (const request of requests) request.failed?.()
        return null
      },
    )
    return this.loading
  }

  /**
   * Runs `work` now if the part is in, else when it is. A `request` (something received, to be
   * answered) loads the part at once; other work waits for whatever loads it.
   */
  whenIn(work: (calls: PhoneCalls) => void, request?: { failed(): void }): void {
    if (this.part) {
      this.handOver(this.part, { run: work })
      return
    }
    this.waiting.push({ run: work, failed: request?.failed })
    if (request) void this.get()
  }

  private handOver(part: PhoneCalls, entry: Waiting): void {
    try {
      entry.run(part)
    } catch (error) {
      this.log(`handing over to the calls code failed: ${messageOf(error)}`)
    }
  }
}
