import { describe, expect, it } from 'vitest'
import { averageMos, estimateMos, gradeOf, hintFor, sampleBetween } from './call-quality'

const clean = { lossFraction: 0, jitterMs: 2, roundTripMs: 20 }

describe('estimateMos (E-model)', () => {
  it('rates a clean loopback-like call near the top of the scale', () => {
    expect(estimateMos(clean)).toBeGreaterThan(4.3)
    expect(gradeOf(estimateMos(clean))).toBe('good')
  })

  it('falls with loss, jitter and delay, and stays within 1 … 4.5', () => {
    const lossy = estimateMos({ ...clean, lossFraction: 0.05 })
    const lossier = estimateMos({ ...clean, lossFraction: 0.1 })
    expect(lossy).toBeLessThan(estimateMos(clean))
    expect(lossier).toBeLessThan(lossy)
    expect(gradeOf(lossy)).toBe('fair')
    expect(gradeOf(lossier)).toBe('poor')
    expect(estimateMos({ ...clean, jitterMs: 80 })).toBeLessThan(estimateMos(clean))
    expect(gradeOf(estimateMos({ ...clean, roundTripMs: 900 }))).toBe('poor')
    expect(estimateMos({ lossFraction: 1, jitterMs: 1000, roundTripMs: 5000 })).toBe(1)
    expect(estimateMos({ lossFraction: 0, jitterMs: 0, roundTripMs: null })).toBeLessThanOrEqual(4.5)
  })
})

describe('gradeOf', () => {
  it('Good from 4.0, Fair from 3.6, Poor below', () => {
    expect([4.0, 3.99, 3.6, 3.59].map(gradeOf)).toEqual(['good', 'fair', 'fair', 'poor'])
  })
})

describe('sampleBetween', () => {
  const reading = (packetsReceived: number, packetsLost: number) => ({
    packetsReceived,
    packetsLost,
    jitterS: 0.005,
    roundTripS: 0.04,
  })

  it('counts loss over the interval, not since the call began', () => {
    expect(sampleBetween(reading(100, 50), reading(200, 50))).toEqual({
      lossFraction: 0,
      jitterMs: 5,
      roundTripMs: 40,
    })
    expect(sampleBetween(reading(100, 0), reading(190, 10))?.lossFraction).toBeCloseTo(0.1)
    expect(sampleBetween(null, reading(90, 10))?.lossFraction).toBeCloseTo(0.1)
  })

  it('has nothing to say when no audio arrived (held) or a counter went back', () => {
    expect(sampleBetween(reading(100, 0), reading(100, 0))).toBeNull()
    expect(sampleBetween(reading(100, 0), reading(50, 0))).toBeNull()
  })
})

describe('hintFor', () => {
  it('names what weighs most on a call that is not good, and nothing on a good one', () => {
    expect(hintFor(clean)).toBeNull()
    expect(hintFor({ ...clean, lossFraction: 0.08 })).toBe('loss')
    expect(hintFor({ ...clean, jitterMs: 120 })).toBe('jitter')
    expect(hintFor({ ...clean, roundTripMs: 900 })).toBe('delay')
  })
})

describe('averageMos', () => {
  it('averages to two decimals; null without samples', () => {
    expect(averageMos([4.4, 4.2, 3.9])).toBe(4.17)
    expect(averageMos([])).toBeNull()
  })
})
