/**
 * Call quality from a peer connection's statistics: an E-model estimate (ITU-T G.107, the
 * simplified form common in VoIP monitoring) of the mean opinion score, and the grade the call
 * card shows. Pure: the numbers come from `Phone.callStats`, sampled by CallQualityState.
 *
 *   effective delay d = one-way delay (RTT / 2) + 2 × jitter + 10 ms (codec and buffers)
 *   Id = 0.024 d + 0.11 (d − 177.3) when d > 177.3
 *   Ie,eff = Ie + (95 − Ie) × Ppl / (Ppl + Bpl)   (Ie 0, Bpl 25.1: G.711 with loss concealment,
 *            a conservative stand-in for Opus)
 *   R = 93.2 − Id − Ie,eff;  MOS = 1 + 0.035 R + 7·10⁻⁶ R (R − 60)(100 − R), within 1 … 4.5
 */

import type { CallStats } from '../sip/types'

/** What the phone reads from getStats for one call (cumulative counters, as the browser keeps them). */
export type CallStatsReading = CallStats

/** One interval between two readings. */
export interface QualitySample {
  lossFraction: number
  jitterMs: number
  roundTripMs: number | null
}

export type QualityGrade = 'good' | 'fair' | 'poor'
export type QualityHint = 'loss' | 'jitter' | 'delay'

/** MOS thresholds: 4.0 and up is what users call clear; under 3.6 many complain. */
export const GOOD_MOS = 4.0
export const FAIR_MOS = 3.6

/** The interval between two readings; null when no audio arrived or a counter went back. */
export function sampleBetween(before: CallStatsReading | null, now: CallStatsReading): QualitySample | null {
  const received = now.packetsReceived - (before?.packetsReceived ?? 0)
  const lost = Math.max(0, now.packetsLost - (before?.packetsLost ?? 0))
  if (received < 0 || received + lost === 0) return null
  return {
    lossFraction: lost / (received + lost),
    jitterMs: Math.max(0, now.jitterS * 1000),
    roundTripMs: now.roundTripS === null ? null : Math.max(0, now.roundTripS * 1000),
  }
}

export function estimateMos(sample: QualitySample): number {
  const delay = (sample.roundTripMs ?? 0) / 2 + 2 * sample.jitterMs + 10
  const delayImpairment = 0.024 * delay + (delay > 177.3 ? 0.11 * (delay - 177.3) : 0)
  const lossPercent = Math.min(100, Math.max(0, sample.lossFraction * 100))
  const lossImpairment = (95 * lossPercent) / (lossPercent + 25.1)
  const r = Math.max(0, Math.min(100, 93.2 - delayImpairment - lossImpairment))
  const mos = 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r)
  return Math.round(Math.min(4.5, Math.max(1, mos)) * 100) / 100
}

export function gradeOf(mos: number): QualityGrade {
  return mos >= GOOD_MOS ? 'good' : mos >= FAIR_MOS ? 'fair' : 'poor'
}

/** What to tell the user when the call is not good: the impairment that weighs most. */
export function hintFor(sample: QualitySample): QualityHint | null {
  if (gradeOf(estimateMos(sample)) === 'good') return null
  if (sample.lossFraction >= 0.02) return 'loss'
  if (sample.jitterMs >= 40) return 'jitter'
  if ((sample.roundTripMs ?? 0) >= 300) return 'delay'
  return sample.lossFraction > 0 ? 'loss' : 'delay'
}

/** The average of a call's samples, for its history entry; null when none was taken. */
export function averageMos(values: readonly number[]): number | null {
  if (values.length === 0) return null
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100
}
