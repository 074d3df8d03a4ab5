import type { AudioContextLike, GainLike, OscillatorLike } from '../audio/audio-output'
import type { RingerTimers } from '../audio/ringer'

/** A WebAudio stand-in that records what would be heard: which frequencies, when, on which sink. */

export interface PlayedTone {
  frequency: number
  start: number
  stop: number
}

const param = () => ({ setValueAtTime: () => undefined, linearRampToValueAtTime: () => undefined })

export class FakeAudioContext implements AudioContextLike {
  currentTime = 0
  readonly destination = { kind: 'speakers' }
  readonly played: PlayedTone[] = []
  sinkIds: string[] = []
  closed = false
  /** Sink ids that reject, as for a device that was just unplugged. */
  failingSinks = new Set<string>()
  setSinkId?: (sinkId: string) => Promise<void>

  constructor(withSinkId = true) {
    if (withSinkId) {
      this.setSinkId = async (sinkId: string) => {
        if (this.failingSinks.has(sinkId)) throw new Error('NotFoundError')
        this.sinkIds.push(sinkId)
      }
    }
  }

  createOscillator(): OscillatorLike {
    let frequency = 0
    const tone: PlayedTone = { frequency: 0, start: 0, stop: 0 }
    return {
      type: 'sine',
      frequency: {
        setValueAtTime: (value: number) => {
          frequency = value
        },
        linearRampToValueAtTime: () => undefined,
      },
      connect: () => undefined,
      start: (when: number) => {
        tone.frequency = frequency
        tone.start = when
      },
      stop: (when: number) => {
        tone.stop = when
        this.played.push(tone)
      },
    }
  }

  createGain(): GainLike {
    return { gain: param(), connect: () => undefined, disconnect: () => undefined }
  }

  createMediaStreamDestination(): { stream: MediaStream } {
    return { stream: { id: 'fake-stream' } as unknown as MediaStream }
  }

  async resume(): Promise<void> {}

  async close(): Promise<void> {
    this.closed = true
  }
}

export class ManualTimers implements RingerTimers {
  private next = 1
  readonly intervals = new Map<number, { handler: () => void; ms: number }>()
  readonly timeouts = new Map<number, { handler: () => void; ms: number }>()
  setInterval(handler: () => void, ms: number): number {
    return this.keep(this.intervals, handler, ms)
  }
  clearInterval(id: number): void {
    this.intervals.delete(id)
  }
  setTimeout(handler: () => void, ms: number): number {
    return this.keep(this.timeouts, handler, ms)
  }
  clearTimeout(id: number): void {
    this.timeouts.delete(id)
  }
  tickIntervals(): void {
    for (const interval of [...this.intervals.values()]) interval.handler()
  }
  runTimeouts(): void {
    const due = [...this.timeouts.values()]
    this.timeouts.clear()
    for (const timeout of due) timeout.handler()
  }
  private keep(timers: Map<number, { handler: () => void; ms: number }>, handler: () => void, ms: number) {
    const id = this.next++
    timers.set(id, { handler, ms })
    return id
  }
}
