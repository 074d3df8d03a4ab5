import { describe, expect, it } from 'vitest'
import { CallPhase, type CallSnapshot, type CallStats } from '../sip/types'
import { CallQualityState, QUALITY_INTERVAL_MS } from './call-quality.svelte'

function snapshot(id: string, phase: CallPhase): CallSnapshot {
  return {
    id,
    direction: 'outgoing',
    phase,
    remoteName: '',
    remoteNumber: '100',
    via: '',
    muted: false,
    remoteHold: false,
    earlyMedia: false,
    createdAt: 0,
    answeredAt: 0,
    endedAt: null,
    endReason: null,
    transferredBy: '',
    message: null,
  }
}

class StatsPhone {
  calls: CallSnapshot[] = []
  readings = new Map<string, CallStats>()
  asked: string[] = []
  async callStats(callId: string): Promise<CallStats | null> {
    this.asked.push(callId)
    return this.readings.get(callId) ?? null
  }
  feed(callId: string, packetsReceived: number, packetsLost: number): void {
    this.readings.set(callId, { packetsReceived, packetsLost, jitterS: 0.003, roundTripS: 0.02 })
  }
}

describe('CallQualityState', () => {
  it('grades a talking call from each interval and averages it for the history', async () => {
    const phone = new StatsPhone()
    const quality = new CallQualityState({ calls: () => phone.calls, callStats: (id) => phone.callStats(id) })
    phone.calls = [snapshot('a', CallPhase.Active)]
    phone.feed('a', 100, 0)
    await quality.sample()
    expect(quality.of('a')).toMatchObject({ grade: 'good', hint: null })
    const good = quality.of('a')?.mos ?? 0
    phone.feed('a', 180, 20) // 20 % of this interval lost
    await quality.sample()
    expect(quality.of('a')).toMatchObject({ grade: 'poor', hint: 'loss' })
    const poor = quality.of('a')?.mos ?? 0
    expect(quality.averageOf('a')).toBeCloseTo((good + poor) / 2, 1)
  })

  it('reads only talking calls, and forgets calls that are gone', async () => {
    const phone = new StatsPhone()
    const quality = new CallQualityState({ calls: () => phone.calls, callStats: (id) => phone.callStats(id) })
    phone.calls = [
      snapshot('held', CallPhase.Held),
      snapshot('ringing', CallPhase.Alerting),
      snapshot('a', CallPhase.Active),
    ]
    phone.feed('a', 50, 0)
    await quality.sample()
    expect(phone.asked).toEqual(['a'])
    expect(quality.averageOf('a')).not.toBeNull()
    phone.calls = []
    await quality.sample()
    expect(quality.of('a')).toBeNull()
    expect(quality.averageOf('a')).toBeNull()
  })

  it('samples every 2 s once started, and stops', () => {
    const intervals: number[] = []
    let cleared = false
    const quality = new CallQualityState(
      { calls: () => [] },
      { setInterval: (_handler, ms) => intervals.push(ms), clearInterval: () => (cleared = true) },
    )
    const stop = quality.start()
    expect(intervals).toEqual([QUALITY_INTERVAL_MS])
    stop()
    expect(cleared).toBe(true)
  })

  it('logs a failed read once and goes on with the other calls', async () => {
    const failures: string[] = []
    const phone = new StatsPhone()
    phone.calls = [snapshot('x', CallPhase.Active), snapshot('a', CallPhase.Active)]
    phone.feed('a', 50, 0)
    const quality = new CallQualityState(
      {
        calls: () => phone.calls,
        callStats: (id) => (id === 'x' ? Promise.reject(new Error('closed')) : phone.callStats(id)),
      },
      undefined,
      (what) => (error) => failures.push(`${what}: ${String(error)}`),
    )
    await quality.sample()
    expect(failures).toEqual(['getStats of a call failed: Error: closed'])
    expect(quality.of('a')).toMatchObject({ grade: 'good' })
  })
})
