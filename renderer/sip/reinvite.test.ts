import { describe, expect, it } from 'vitest'
import { glareDelayMs, reinviteWithRetry, type ReinviteOutcome } from './reinvite'

const pending: ReinviteOutcome = { ok: false, code: 491, reason: 'Request Pending' }

function scripted(outcomes: ReinviteOutcome[]) {
  const calls: number[] = []
  return {
    calls,
    attempt: async () => {
      calls.push(calls.length + 1)
      return outcomes.shift() ?? { ok: true }
    },
  }
}

describe('re-INVITE 491 retry', () => {
  it('waits the RFC 3261 glare time and tries again after 491', async () => {
    const script = scripted([pending, { ok: true }])
    const sleeps: number[] = []
    const outcome = await reinviteWithRetry(script.attempt, {
      ownsCallId: true,
      random: () => 0.5,
      sleep: async (ms) => void sleeps.push(ms),
    })
    expect(outcome).toEqual({ ok: true })
    expect(script.calls).toHaveLength(2)
    expect(sleeps).toEqual([3050])
  })

  it('uses 2.1–4 s as Call-ID owner and 0–2 s otherwise', () => {
    expect(glareDelayMs(true, () => 0)).toBe(2100)
    expect(glareDelayMs(true, () => 1)).toBe(4000)
    expect(glareDelayMs(false, () => 0)).toBe(0)
    expect(glareDelayMs(false, () => 1)).toBe(2000)
  })

  it('does not retry other failures', async () => {
    const script = scripted([{ ok: false, code: 488, reason: 'Not Acceptable Here' }])
    const outcome = await reinviteWithRetry(script.attempt, {
      ownsCallId: false,
      random: () => 0,
      sleep: async () => {},
    })
    expect(outcome).toEqual({ ok: false, code: 488, reason: 'Not Acceptable Here' })
    expect(script.calls).toHaveLength(1)
  })

  it('gives up after the attempt limit with the last 491', async () => {
    const script = scripted([pending, pending, pending])
    const outcome = await reinviteWithRetry(script.attempt, {
      ownsCallId: false,
      random: () => 0,
      sleep: async () => {},
      maxAttempts: 3,
    })
    expect(outcome).toEqual(pending)
    expect(script.calls).toHaveLength(3)
  })

  it('stops when the call ended while waiting', async () => {
    let ended = false
    const script = scripted([pending, { ok: true }])
    const outcome = await reinviteWithRetry(script.attempt, {
      ownsCallId: true,
      random: () => 0,
      sleep: async () => {
        ended = true
      },
      isCancelled: () => ended,
    })
    expect(outcome.ok).toBe(false)
    expect(script.calls).toHaveLength(1)
  })
})
