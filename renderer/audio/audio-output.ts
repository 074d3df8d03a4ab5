import { consoleFailed, type Failed } from '../log/log'
import { rampSeconds, type ToneCycle } from './tones'

/**
 * One WebAudio graph playing on one chosen output device. Chromium's AudioContext.setSinkId
 * is used where present; otherwise the graph feeds a MediaStreamDestination into an <audio>
 * element whose setSinkId picks the device. The graph exists only while sound is wanted: an
 * open audio stream can keep some systems from sleeping.
 */

export interface AudioParamLike {
  setValueAtTime(value: number, time: number): unknown
  linearRampToValueAtTime(value: number, time: number): unknown
}

export interface OscillatorLike {
  type: OscillatorType
  readonly frequency: AudioParamLike
  connect(destination: never): unknown
  start(when: number): void
  stop(when: number): void
}

export interface GainLike {
  readonly gain: AudioParamLike
  connect(destination: never): unknown
  disconnect(): void
}

export interface AudioContextLike {
  readonly currentTime: number
  readonly destination: unknown
  createOscillator(): OscillatorLike
  createGain(): GainLike
  createMediaStreamDestination?(): { readonly stream: MediaStream }
  setSinkId?(sinkId: string): Promise<void>
  resume(): Promise<void>
  close(): Promise<void>
}

export interface AudioElementLike {
  srcObject: MediaProvider | null
  setSinkId?(sinkId: string): Promise<void>
  play(): Promise<void>
  pause(): void
}

export interface AudioOutputFactories {
  createContext(): AudioContextLike
  /** Only needed where AudioContext.setSinkId is missing. */
  createAudioElement?(): AudioElementLike
  /** Where sound that could not start, move or stop is reported (main's log in the app). */
  failed?: Failed
}

/** Small lead so the first burst is not cut by scheduling latency. */
const leadSeconds = 0.03

export class AudioOutput {
  private context: AudioContextLike | null = null
  private element: AudioElementLike | null = null
  private master: GainLike | null = null
  /** The sink really in use ('' = default), after any fallback. */
  activeSinkId = ''

  private readonly failed: Failed

  constructor(private readonly factories: AudioOutputFactories) {
    this.failed = factories.failed ?? consoleFailed('audio')
  }

  get isOpen(): boolean {
    return this.context !== null
  }

  async open(sinkId: string): Promise<void> {
    if (this.context) return this.setSink(sinkId)
    const context = this.factories.createContext()
    this.context = context
    const master = context.createGain()
    master.gain.setValueAtTime(1, 0)
    this.master = master
    if (context.setSinkId) {
      master.connect(context.destination as never)
    } else if (context.createMediaStreamDestination && this.factories.createAudioElement) {
      const streamDestination = context.createMediaStreamDestination()
      master.connect(streamDestination as never)
      const element = this.factories.createAudioElement()
      element.srcObject = streamDestination.stream
      this.element = element
    } else {
      master.connect(context.destination as never)
    }
    await this.setSink(sinkId)
    await context.resume().catch(this.failed('the audio output could not start'))
    if (this.element) await this.element.play().catch(this.failed('the audio element could not play'))
  }

  /** Moves live sound to another device; a device that is gone falls back to the default. */
  async setSink(sinkId: string): Promise<void> {
    const target = this.sinkTarget()
    if (!target) {
      this.activeSinkId = ''
      return
    }
    try {
      await target(sinkId)
      this.activeSinkId = sinkId
    } catch (error) {
      // A device that is gone: the sound goes to the default instead (activeSinkId says so).
      this.failed(`the output device could not be used`)(error)
      if (sinkId !== '') await target('').catch(this.failed('the default output could not be used either'))
      this.activeSinkId = ''
    }
  }

  /** Schedules one cycle now; returns the context time at which its sound ends. */
  play(cycle: ToneCycle): number {
    const context = this.context
    const master = this.master
    if (!context || !master) return 0
    const origin = context.currentTime + leadSeconds
    let end = origin
    for (const burst of cycle.bursts) {
      const start = origin + burst.start
      const stop = start + burst.duration
      const envelope = context.createGain()
      const peak = burst.gain / Math.max(1, burst.frequencies.length)
      envelope.gain.setValueAtTime(0, start)
      envelope.gain.linearRampToValueAtTime(peak, start + rampSeconds)
      envelope.gain.setValueAtTime(peak, Math.max(start + rampSeconds, stop - rampSeconds))
      envelope.gain.linearRampToValueAtTime(0, stop)
      envelope.connect(master as never)
      for (const frequency of burst.frequencies) {
        const oscillator = context.createOscillator()
        oscillator.type = 'sine'
        oscillator.frequency.setValueAtTime(frequency, start)
        oscillator.connect(envelope as never)
        oscillator.start(start)
        oscillator.stop(stop)
      }
      end = Math.max(end, stop)
    }
    return end
  }

  async close(): Promise<void> {
    const context = this.context
    this.context = null
    this.master?.disconnect()
    this.master = null
    if (this.element) {
      this.element.pause()
      this.element.srcObject = null
      this.element = null
    }
    if (context) await context.close().catch(this.failed('the audio output could not close'))
  }

  private sinkTarget(): ((sinkId: string) => Promise<void>) | null {
    const element = this.element
    if (element?.setSinkId) return (sinkId) => element.setSinkId!(sinkId)
    const context = this.context
    if (context?.setSinkId) return (sinkId) => context.setSinkId!(sinkId)
    return null
  }
}
