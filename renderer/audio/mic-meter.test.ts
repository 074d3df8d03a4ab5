import { describe, expect, it } from 'vitest'
import type { MediaDevicesPort } from './device-manager'
import { levelFromSamples, MicMeter, microphoneConstraints, type MeterContextLike } from './mic-meter'

function fakeStream() {
  const track = {
    stopped: false,
    stop() {
      this.stopped = true
    },
  }
  return { track, stream: { getTracks: () => [track] } as unknown as MediaStream }
}

describe('levelFromSamples', () => {
  it('is 0 for silence, about 1 for full scale, in between for speech-like levels', () => {
    expect(levelFromSamples(new Float32Array(256))).toBe(0)
    expect(levelFromSamples(new Float32Array(256).fill(1))).toBe(1)
    const quiet = levelFromSamples(new Float32Array(256).fill(0.01)) // -40 dBFS
    expect(quiet).toBeCloseTo(1 / 3, 2)
  })
})

describe('microphoneConstraints', () => {
  it('asks for the exact device, or none for the system default', () => {
    expect(microphoneConstraints('abc').audio).toMatchObject({ deviceId: { exact: 'abc' } })
    expect(microphoneConstraints('').audio).not.toHaveProperty('deviceId')
  })
})

describe('MicMeter', () => {
  it('reports levels each frame and releases the microphone on stop', async () => {
    const { stream, track } = fakeStream()
    const frames: Array<() => void> = []
    let closed = false
    const context: MeterContextLike = {
      createMediaStreamSource: () => ({ connect: () => undefined, disconnect: () => undefined }),
      createAnalyser: () => ({ fftSize: 0, getFloatTimeDomainData: (array) => array.fill(0.5) }),
      close: async () => {
        closed = true
      },
    }
    const requested: MediaStreamConstraints[] = []
    const meter = new MicMeter({
      getUserMedia: async (constraints) => {
        requested.push(constraints)
        return stream
      },
      createContext: () => context,
      requestFrame: (callback) => frames.push(callback),
      cancelFrame: (id) => {
        frames[id - 1] = () => undefined
      },
    })
    const levels: number[] = []
    await meter.start('mic-1', (level) => levels.push(level))
    frames.at(-1)!()
    frames.at(-1)!()
    expect(levels).toHaveLength(2)
    expect(levels[0]).toBeGreaterThan(0.8)
    expect(requested[0]?.audio).toMatchObject({ deviceId: { exact: 'mic-1' } })
    meter.stop()
    expect(track.stopped).toBe(true)
    expect(closed).toBe(true)
    expect(meter.running).toBe(false)
  })
})

// Compile-time check that a real AudioContext fits the meter's port.
export const meterContextFits = (real: AudioContext): MeterContextLike => real
export const mediaDevicesFit = (real: MediaDevices): MediaDevicesPort => real
