import type { AudioRouting } from './types'
import { logFailure } from './context'

/** What the adapter needs from `navigator.mediaDevices`. */
export interface MediaDevicesLike {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>
}

/** What the adapter needs from an <audio> element. */
export interface AudioElementLike {
  srcObject: MediaProvider | null
  autoplay: boolean
  play(): Promise<void>
  pause(): void
  setSinkId?(sinkId: string): Promise<void>
  readonly sinkId?: string
  remove?(): void
}

/** The parts of an RTCPeerConnection the media controller touches. */
export interface PeerConnectionLike {
  /** The connection's statistics (only what call-stats.ts reads is relied on). */
  getStats?(): Promise<{ forEach(visit: (entry: Record<string, unknown>) => void): void }>
  getSenders(): Array<
    Pick<RTCRtpSender, 'track' | 'replaceTrack'> & {
      dtmf?: RTCDTMFSender | null
      getParameters?(): { codecs?: Array<{ mimeType: string; clockRate?: number }> }
    }
  >
}

export interface CallMedia {
  callId: string
  peerConnection: PeerConnectionLike | undefined
  muted: boolean
}

export interface MediaControllerDeps {
  mediaDevices: MediaDevicesLike | undefined
  createAudioElement: () => AudioElementLike
  report: (message: string) => void
}

export function micConstraints(inputDeviceId: string): MediaStreamConstraints {
  return { audio: inputDeviceId ? { deviceId: { exact: inputDeviceId } } : true, video: false }
}

function hasEndedMicrophone(call: CallMedia): boolean {
  return audioSender(call.peerConnection)?.track?.readyState === 'ended'
}

export function audioSender(pc: PeerConnectionLike | undefined) {
  if (!pc) return undefined
  try {
    return pc.getSenders().find((s) => s.track?.kind === 'audio') ?? pc.getSenders()[0]
  } catch {
    return undefined
  }
}

/**
 * Microphone and call-audio routing. Mid-call device changes replace the sender's track and
 * re-point the audio elements: no renegotiation, no dropped call.
 */
export class MediaController {
  private routing: AudioRouting = { inputDeviceId: '', outputDeviceId: '' }
  private readonly elements = new Map<string, AudioElementLike>()
  private warm: { deviceId: string; stream: MediaStream } | null = null
  private keepWarm = false

  constructor(private readonly deps: MediaControllerDeps) {}

  get currentRouting(): AudioRouting {
    return { ...this.routing }
  }

  /** A microphone stream for a new call, honouring the chosen input; falls back to the
   *  system default when the chosen device is gone rather than failing the call. */
  async acquireMicrophone(): Promise<MediaStream> {
    const warm = this.warm
    if (
      warm &&
      warm.deviceId === this.routing.inputDeviceId &&
      warm.stream.getAudioTracks().some((t) => t.readyState === 'live')
    ) {
      return warm.stream.clone()
    }
    return this.getUserMedia(this.routing.inputDeviceId)
  }

  /**
   * Opens the microphone ahead of the first call (the first open costs a few hundred ms).
   * keepOpen: hold the stream so new calls start from a clone (fastest; the OS shows the mic
   * as in use); false: open and close at once, which still makes later opens cheap.
   */
  async prepareMicrophone(keepOpen = true): Promise<void> {
    if (!keepOpen) {
      const stream = await this.getUserMedia(this.routing.inputDeviceId)
      stream.getTracks().forEach((t) => t.stop())
      return
    }
    this.keepWarm = true
    await this.rewarm()
  }

  releaseMicrophone(): void {
    this.keepWarm = false
    this.stopWarm()
  }

  attachRemoteAudio(callId: string, stream: MediaStream): void {
    let element = this.elements.get(callId)
    if (!element) {
      element = this.deps.createAudioElement()
      element.autoplay = true
      this.elements.set(callId, element)
      if (this.routing.outputDeviceId) void this.applySink(element, this.routing.outputDeviceId)
    }
    if (element.srcObject !== stream) element.srcObject = stream
    element.play().catch((error: unknown) => this.deps.report(`Call audio could not start: ${String(error)}`))
  }

  detachRemoteAudio(callId: string): void {
    const element = this.elements.get(callId)
    if (!element) return
    this.elements.delete(callId)
    try {
      element.pause()
      element.srcObject = null
      element.remove?.()
    } catch {
      // the element is going away either way
    }
  }

  hasRemoteAudio(callId: string): boolean {
    return this.elements.has(callId)
  }

  /** Applies a new routing to future calls and to every live call. */
  async setRouting(routing: AudioRouting, calls: CallMedia[]): Promise<void> {
    const previous = this.routing
    this.routing = {
      inputDeviceId: routing.inputDeviceId ?? '',
      outputDeviceId: routing.outputDeviceId ?? '',
    }
    const work: Array<Promise<void>> = []
    const outputChanged = previous.outputDeviceId !== this.routing.outputDeviceId
    for (const element of this.elements.values()) {
      // also re-point an element whose sink drifted (device gone and back under the same id)
      if (outputChanged || (element.sinkId !== undefined && element.sinkId !== this.routing.outputDeviceId)) {
        work.push(this.applySink(element, this.routing.outputDeviceId))
      }
    }
    const inputChanged = previous.inputDeviceId !== this.routing.inputDeviceId
    // Same id but a dead track: the headset went away (sleep, replug) and came back.
    const targets = inputChanged ? calls : calls.filter((c) => hasEndedMicrophone(c))
    if (inputChanged || targets.length > 0) {
      work.push(
        (async () => {
          if (inputChanged && this.keepWarm)
            await this.rewarm().catch(logFailure(this.deps.report, 'microphone could not be reopened'))
          else if (inputChanged) this.stopWarm()
          await this.replaceInputTracks(targets)
        })(),
      )
    }
    await Promise.all(work)
  }

  /** Re-opens the microphone on every live call (device back after replug/resume). */
  async refreshInput(calls: CallMedia[]): Promise<void> {
    await this.replaceInputTracks(calls)
  }

  private async replaceInputTracks(calls: CallMedia[]): Promise<void> {
    const targets = calls.filter((c) => audioSender(c.peerConnection))
    if (targets.length === 0) return
    let source: MediaStream
    try {
      // from the warm stream when there is one (one open serves every call), else a fresh open
      source = await this.acquireMicrophone()
    } catch (error) {
      this.deps.report(`Microphone could not be switched: ${String(error)}`)
      return
    }
    const sourceTrack = source.getAudioTracks()[0]
    if (!sourceTrack) return
    await Promise.all(
      targets.map(async (call, index) => {
        const sender = audioSender(call.peerConnection)
        if (!sender) return
        // each call owns its track: ending one call stops its track and must not mute another
        const track = index === 0 ? sourceTrack : sourceTrack.clone()
        track.enabled = !call.muted
        const old = sender.track
        try {
          await sender.replaceTrack(track)
          if (old && old !== track) old.stop()
        } catch (error) {
          track.stop()
          this.deps.report(`Microphone could not be switched on a call: ${String(error)}`)
        }
      }),
    )
  }

  private async applySink(element: AudioElementLike, sinkId: string): Promise<void> {
    if (typeof element.setSinkId !== 'function') return
    try {
      await element.setSinkId(sinkId)
    } catch (error) {
      this.deps.report(`Speaker could not be switched: ${String(error)}`)
      if (sinkId)
        await element
          .setSinkId('')
          .catch(logFailure(this.deps.report, 'speaker could not go back to the default'))
    }
  }

  private async getUserMedia(deviceId: string): Promise<MediaStream> {
    const devices = this.deps.mediaDevices
    if (!devices) throw new Error('No microphone access in this window')
    try {
      return await devices.getUserMedia(micConstraints(deviceId))
    } catch (error) {
      if (!deviceId) throw error
      this.deps.report('The chosen microphone is not available; using the system default')
      return devices.getUserMedia(micConstraints(''))
    }
  }

  private async rewarm(): Promise<void> {
    this.stopWarm()
    const deviceId = this.routing.inputDeviceId
    const stream = await this.getUserMedia(deviceId)
    if (!this.keepWarm || deviceId !== this.routing.inputDeviceId) {
      stream.getTracks().forEach((t) => t.stop())
      return
    }
    this.warm = { deviceId, stream }
  }

  private stopWarm(): void {
    this.warm?.stream.getTracks().forEach((t) => t.stop())
    this.warm = null
  }
}
