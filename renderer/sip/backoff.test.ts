import { describe, expect, it } from 'vitest'
import { backoffDelay, DEFAULT_BACKOFF } from './backoff'

describe('backoffDelay', () => {
  it('doubles from 0.5 s with equal jitter: each delay lies in [nominal/2, nominal]', () => {
    const nominal = [500, 1000, 2000, 4000, 8000, 16000]
    nominal.forEach((n, i) => {
      expect(backoffDelay(i + 1, () => 0)).toBe(n / 2)
      expect(backoffDelay(i + 1, () => 1)).toBe(n)
      const mid = backoffDelay(i + 1, () => 0.5)
      expect(mid).toBeGreaterThan(n / 2)
      expect(mid).toBeLessThan(n)
    })
  })

  it('never exceeds the cap, however many attempts', () => {
    for (const attempt of [7, 8, 20, 1000, Number.MAX_SAFE_INTEGER]) {
      expect(backoffDelay(attempt, () => 1)).toBe(DEFAULT_BACKOFF.maxMs)
      expect(backoffDelay(attempt, () => 0)).toBe(DEFAULT_BACKOFF.maxMs / 2)
    }
  })

  it('uses the random source for jitter, so two phones do not retry in lockstep', () => {
    const a = backoffDelay(4, () => 0.1)
    const b = backoffDelay(4, () => 0.9)
    expect(a).not.toBe(b)
  })

  it('treats nonsense attempts and random values as the first attempt / clamped', () => {
    expect(backoffDelay(0, () => 1)).toBe(500)
    expect(backoffDelay(Number.NaN, () => 1)).toBe(500)
    expect(backoffDelay(1, () => 7)).toBe(500)
    expect(backoffDelay(1, () => -3)).toBe(250)
  })

  it('honours a custom policy', () => {
    expect(backoffDelay(3, () => 1, { baseMs: 100, maxMs: 300 })).toBe(300)
    expect(backoffDelay(2, () => 1, { baseMs: 100, maxMs: 300 })).toBe(200)
  })
})
