/**
 * The sounds Parley makes, as data: bursts of one or more sine frequencies. Generated with
 * WebAudio at play time, so there is no audio asset to ship or to be blocked by the CSP.
 */

export interface ToneBurst {
  /** Seconds from the start of the cycle. */
  start: number
  duration: number
  frequencies: readonly number[]
  /** Peak gain, 0..1 (the sum of the frequencies is divided among them). */
  gain: number
}

export interface ToneCycle {
  bursts: readonly ToneBurst[]
  /** Seconds before the cycle repeats (for sounds that repeat). */
  period: number
}

function trill(start: number, length: number, low: number, high: number, gain: number): ToneBurst[] {
  const step = 0.06
  const bursts: ToneBurst[] = []
  for (let at = 0, i = 0; at + step <= length + 1e-9; at += step, i += 1) {
    bursts.push({ start: start + at, duration: step * 0.85, frequencies: [i % 2 === 0 ? low : high], gain })
  }
  return bursts
}

/** Ring: two short trills, then quiet; repeats every 4 s. Loud enough across a room. */
export const ringCycle: ToneCycle = {
  bursts: [...trill(0, 0.9, 1047, 1319, 0.35), ...trill(1.2, 0.9, 1047, 1319, 0.35)],
  period: 4,
}

/**
 * Call waiting: two soft 425 Hz pips every 5 s, played on the call device under the voice.
 * Quiet by design: it must never drown out the person you are talking to.
 */
export const callWaitingCycle: ToneCycle = {
  bursts: [
    { start: 0, duration: 0.15, frequencies: [425], gain: 0.06 },
    { start: 0.35, duration: 0.15, frequencies: [425], gain: 0.06 },
  ],
  period: 5,
}

/**
 * Ringback (European, ETSI): 425 Hz, 1 s on, 4 s off, on the call device while the far end
 * rings. The adapter plays no early media, so this is what tells the caller it is ringing.
 * Quiet: it sits in the ear like the network's own tone, not like a ring across the room.
 */
export const ringbackCycle: ToneCycle = {
  bursts: [{ start: 0, duration: 1, frequencies: [425], gain: 0.08 }],
  period: 5,
}

/** Test tone for an output: a clear one-second chord, not a ring (so nobody thinks it is a call). */
export const testToneCycle: ToneCycle = {
  bursts: [{ start: 0, duration: 1, frequencies: [440, 660], gain: 0.25 }],
  period: 1.2,
}

/** Length of a cycle's sound (for closing one-shot players after they finish). */
export function cycleLength(cycle: ToneCycle): number {
  return Math.max(0, ...cycle.bursts.map((burst) => burst.start + burst.duration))
}

/** Attack/release so a burst starts and ends without a click. */
export const rampSeconds = 0.008
