import { consoleFailed, type Failed } from '../log/log'
/**
 * Live microphone level for the settings screen: getUserMedia on the chosen microphone, an
 * AnalyserNode, and a level 0..1 per animation frame. Runs only while the settings are open.
 */

export interface AnalyserLike {
  fftSize: number
  getFloatTimeDomainData(array: Float32Array<ArrayBuffer>): void
}

export interface MeterContextLike {
  createMediaStreamSource(stream: MediaStream): { connect(node: never): unknown; disconnect(): void }
  createAnalyser(): AnalyserLike
  close(): Promise<void>
}

export interface MicMeterDeps {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>
  createContext(): MeterContextLike
  requestFrame(callback: () => void): number
  cancelFrame(id: number): void
  /** Where a meter that could not close is reported (main's log in the app). */
  failed?: Failed
}

/** The quietest level shown (dBFS); anything below reads as silence. */
const floorDb = -60

/** RMS of a block of samples, on a dB scale mapped to 0..1 (a meter that moves for speech). */
export function levelFromSamples(samples: Float32Array): number {
  if (samples.length === 0) return 0
  let sum = 0
  for (const sample of samples) sum += sample * sample
  const rms = Math.sqrt(sum / samples.length)
  if (rms <= 0) return 0
  const db = 20 * Math.log10(rms)
  return Math.min(1, Math.max(0, (db - floorDb) / -floorDb))
}

/** Constraints for a microphone ('' = system default), with the processing a call uses. */
export function microphoneConstraints(deviceId: string): MediaStreamConstraints {
  const processing = { echoCancellation: true, noiseSuppression: true, autoGainControl: true }
  return {
    audio: deviceId === '' ? processing : { ...processing, deviceId: { exact: deviceId } },
    video: false,
  }
}

export class MicMeter {
  private stream: MediaStream | null = null
  private context: MeterContextLike | null = null
  private frame: number | null = null
  private generation = 0

  constructor(private readonly deps: MicMeterDeps) {}

  get running(): boolean {
    return this.stream !== null
  }

  /** Starts (or restarts on another device); `onLevel` gets 0..1 each frame. Throws if denied. */
  async start(deviceId: string, onLevel: (level: number) => void): Promise<void> {
    this.stop()
    const generation = this.generation
    const stream = await this.deps.getUserMedia(microphoneConstraints(deviceId))
    if (generation !== this.generation) {
      for (const track of stream.getTracks()) track.stop()
      return
    }
    const context = this.deps.createContext()
    const source = context.createMediaStreamSource(stream)
    const analyser = context.createAnalyser()
    analyser.fftSize = 1024
    source.connect(analyser as never)
    this.stream = stream
    this.context = context
    const samples = new Float32Array(analyser.fftSize)
    const tick = () => {
      analyser.getFloatTimeDomainData(samples)
      onLevel(levelFromSamples(samples))
      this.frame = this.deps.requestFrame(tick)
    }
    this.frame = this.deps.requestFrame(tick)
  }

  stop(): void {
    this.generation += 1
    if (this.frame !== null) this.deps.cancelFrame(this.frame)
    this.frame = null
    for (const track of this.stream?.getTracks() ?? []) track.stop()
    this.stream = null
    void this.context
      ?.close()
      .catch((this.deps.failed ?? consoleFailed('audio'))('the level meter could not close'))
    this.context = null
  }
}
