import { AudioOutput, type AudioOutputFactories } from './audio-output'
import type { RingerSinks } from './device-manager'
import {
  callWaitingCycle,
  cycleLength,
  ringbackCycle,
  ringCycle,
  testToneCycle,
  type ToneCycle,
} from './tones'

/**
 * Rings on the ringtone device (the computer's speakers, typically, so a ring is heard with
 * the headset off), beeps discreetly on the call device when a second call arrives during a
 * call, plays ringback on the call device while an outgoing call rings at the far end, and
 * plays test tones. Sinks follow the device manager, also while sounding.
 *
 *   Silent ──ring()──▶ Ringing ──callWaiting()──▶ CallWaiting
 *     ▲ │                │                          │
 *     │ └─ringback()─▶ Ringback                     │
 *     └──────stop()──────┴──────────stop()──────────┘
 *   (ring(), callWaiting() and ringback() also switch between each other directly.)
 */
export enum RingerMode {
  Silent = 'silent',
  Ringing = 'ringing',
  CallWaiting = 'call-waiting',
  Ringback = 'ringback',
}

export interface RingerTimers {
  setInterval(handler: () => void, ms: number): number
  clearInterval(id: number): void
  setTimeout(handler: () => void, ms: number): number
}

export interface RingerDeps extends AudioOutputFactories {
  timers?: RingerTimers
}

export type TestTarget = 'speaker' | 'ringtone'

const globalTimers: RingerTimers = {
  setInterval: (handler, ms) => globalThis.setInterval(handler, ms) as unknown as number,
  clearInterval: (id) => globalThis.clearInterval(id),
  setTimeout: (handler, ms) => globalThis.setTimeout(handler, ms) as unknown as number,
}

export class Ringer implements RingerSinks {
  mode: RingerMode = RingerMode.Silent
  private ringtoneSink = ''
  private callSink = ''
  private output: AudioOutput | null = null
  private repeat: number | null = null
  /** Bumped on every mode change, so a slow open() of an old mode closes what it opened. */
  private generation = 0
  private readonly timers: RingerTimers

  constructor(private readonly deps: RingerDeps) {
    this.timers = deps.timers ?? globalTimers
  }

  async setRingtoneSink(sinkId: string): Promise<void> {
    this.ringtoneSink = sinkId
    if (this.mode === RingerMode.Ringing) await this.output?.setSink(sinkId)
  }

  async setCallSink(sinkId: string): Promise<void> {
    this.callSink = sinkId
    if (this.mode === RingerMode.CallWaiting || this.mode === RingerMode.Ringback)
      await this.output?.setSink(sinkId)
  }

  /** Starts ringing (no-op when already ringing). */
  ring(): Promise<void> {
    if (this.mode === RingerMode.Ringing) return Promise.resolve()
    return this.loop(RingerMode.Ringing, ringCycle, this.ringtoneSink)
  }

  /** A soft beep every few seconds on the call device, for a second incoming call. */
  callWaiting(): Promise<void> {
    if (this.mode === RingerMode.CallWaiting) return Promise.resolve()
    return this.loop(RingerMode.CallWaiting, callWaitingCycle, this.callSink)
  }

  /** The far end is ringing: a quiet 425 Hz tone on the call device (we play no early media). */
  ringback(): Promise<void> {
    if (this.mode === RingerMode.Ringback) return Promise.resolve()
    return this.loop(RingerMode.Ringback, ringbackCycle, this.callSink)
  }

  async stop(): Promise<void> {
    this.generation += 1
    this.mode = RingerMode.Silent
    await this.silence()
  }

  /** One test sound on an output: the ring on the ringtone device, a chord on the speaker. */
  async testTone(target: TestTarget): Promise<void> {
    const output = new AudioOutput(this.deps)
    await output.open(target === 'ringtone' ? this.ringtoneSink : this.callSink)
    const cycle = target === 'ringtone' ? ringCycle : testToneCycle
    output.play(cycle)
    this.timers.setTimeout(() => void output.close(), Math.ceil((cycleLength(cycle) + 0.3) * 1000))
  }

  private async loop(mode: RingerMode, cycle: ToneCycle, sinkId: string): Promise<void> {
    this.generation += 1
    const generation = this.generation
    this.mode = mode
    await this.silence()
    const output = new AudioOutput(this.deps)
    this.output = output
    await output.open(sinkId)
    if (generation !== this.generation) {
      if (this.output === output) this.output = null
      await output.close()
      return
    }
    output.play(cycle)
    this.repeat = this.timers.setInterval(() => output.play(cycle), cycle.period * 1000)
  }

  private async silence(): Promise<void> {
    if (this.repeat !== null) this.timers.clearInterval(this.repeat)
    this.repeat = null
    const output = this.output
    this.output = null
    if (output) await output.close()
  }
}
