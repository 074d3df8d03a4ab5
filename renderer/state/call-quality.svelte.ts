import { consoleFailed, type Failed } from '../log/log'
import { CallPhase, type Phone } from '../sip/types'
import {
  averageMos,
  estimateMos,
  gradeOf,
  hintFor,
  sampleBetween,
  type CallStatsReading,
  type QualityGrade,
  type QualityHint,
} from './call-quality'

export interface CallQuality {
  grade: QualityGrade
  hint: QualityHint | null
  mos: number
}

export interface QualityTimers {
  setInterval(handler: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

const pageTimers: QualityTimers = {
  setInterval: (handler, ms) => globalThis.setInterval(handler, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>),
}

/** How often talking calls are sampled: often enough to follow a network going bad. */
export const QUALITY_INTERVAL_MS = 2000

/**
 * The quality of each talking call, from the phone's getStats readings every 2 s (one small
 * async read per talking call: no long task). The card shows the last interval's grade; the
 * history keeps the call's average MOS (`averageOf`, read when the call is recorded).
 */
export class CallQualityState {
  /** The last interval's quality per call id (talking calls only). */
  current = $state<Record<string, CallQuality>>({})
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  private readonly readings = new Map<string, CallStatsReading>()
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  private readonly samples = new Map<string, number[]>()
  private sampling = false

  constructor(
    private readonly phone: Pick<Phone, 'calls' | 'callStats'>,
    private readonly timers: QualityTimers = pageTimers,
    private readonly failed: Failed = consoleFailed('quality'),
  ) {}

  start(): () => void {
    const handle = this.timers.setInterval(() => void this.sample(), QUALITY_INTERVAL_MS)
    return () => this.timers.clearInterval(handle)
  }

  of(callId: string): CallQuality | null {
    return this.current[callId] ?? null
  }

  /** The call's average MOS so far (null: never measured), for its history entry. */
  averageOf(callId: string): number | null {
    return averageMos(this.samples.get(callId) ?? [])
  }

  /** One round: every talking call's statistics read once; calls gone since are forgotten. */
  async sample(): Promise<void> {
    if (this.sampling || !this.phone.callStats) return
    this.sampling = true
    try {
      const calls = this.phone.calls()
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, never rendered
      const live = new Set(calls.map((call) => call.id))
      for (const id of [...this.samples.keys()]) if (!live.has(id)) this.forget(id)
      for (const call of calls) {
        if (call.phase !== CallPhase.Active) continue
        const reading = await this.phone.callStats(call.id).catch((error: unknown) => {
          this.failed(`getStats of a call failed`)(error)
          return null
        })
        if (reading) this.take(call.id, reading)
      }
    } finally {
      this.sampling = false
    }
  }

  private take(callId: string, reading: CallStatsReading): void {
    const sample = sampleBetween(this.readings.get(callId) ?? null, reading)
    this.readings.set(callId, reading)
    if (!sample) return
    const mos = estimateMos(sample)
    const list = this.samples.get(callId) ?? []
    list.push(mos)
    this.samples.set(callId, list)
    this.current = { ...this.current, [callId]: { grade: gradeOf(mos), hint: hintFor(sample), mos } }
  }

  private forget(callId: string): void {
    this.readings.delete(callId)
    this.samples.delete(callId)
    if (callId in this.current) {
      const { [callId]: _gone, ...rest } = this.current
      this.current = rest
    }
  }
}
