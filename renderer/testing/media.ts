import type { AudioDevice } from '../audio/device-match'
import type { MediaDevicesPort } from '../audio/device-manager'

/** Minimal stand-ins for WebRTC media objects and devices, for unit tests in Node. */

let nextTrackId = 1

export class FakeTrack {
  readonly id = `track-${nextTrackId++}`
  readonly kind = 'audio'
  enabled = true
  readyState: 'live' | 'ended' = 'live'
  constructor(readonly deviceId: string) {}
  stop(): void {
    this.readyState = 'ended'
  }
  clone(): FakeTrack {
    return new FakeTrack(this.deviceId)
  }
}

export class FakeStream {
  constructor(readonly tracks: FakeTrack[]) {}
  getAudioTracks(): FakeTrack[] {
    return this.tracks
  }
  getTracks(): FakeTrack[] {
    return this.tracks
  }
  clone(): FakeStream {
    return new FakeStream(this.tracks.map((t) => t.clone()))
  }
}

/** navigator.mediaDevices: a device list with devicechange, and getUserMedia that records asks. */
export class FakeMediaDevices implements MediaDevicesPort {
  devices: AudioDevice[] = []
  enumerations = 0
  readonly requests: MediaStreamConstraints[] = []
  /** Device ids getUserMedia refuses, as for a device that was unplugged. */
  readonly missing = new Set<string>()
  private readonly listeners = new Set<() => void>()

  constructor(devices: AudioDevice[] = []) {
    this.devices = devices
  }

  async enumerateDevices(): Promise<AudioDevice[]> {
    this.enumerations += 1
    return this.devices.map((device) => ({ ...device }))
  }

  addEventListener(_type: 'devicechange', listener: () => void): void {
    this.listeners.add(listener)
  }

  removeEventListener(_type: 'devicechange', listener: () => void): void {
    this.listeners.delete(listener)
  }

  /** Replaces the list and fires devicechange, as Chromium does after a plug or unplug. */
  change(devices: AudioDevice[]): void {
    this.devices = devices
    for (const listener of [...this.listeners]) listener()
  }

  listenerCount(): number {
    return this.listeners.size
  }

  async getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
    this.requests.push(constraints)
    const audio = constraints.audio
    const deviceId =
      typeof audio === 'object' &&
      audio &&
      typeof audio.deviceId === 'object' &&
      audio.deviceId &&
      'exact' in audio.deviceId
        ? String(audio.deviceId.exact)
        : ''
    if (deviceId && this.missing.has(deviceId)) throw new Error('OverconstrainedError')
    return new FakeStream([new FakeTrack(deviceId)]) as unknown as MediaStream
  }
}

export class FakeSender {
  readonly replaced: FakeTrack[] = []
  dtmf: {
    canInsertDTMF: boolean
    tones?: string[]
    toneBuffer?: string
    insertDTMF(t: string): void
  } | null = null
  /** The negotiated codecs as RTCRtpSender.getParameters() reports them; absent: not reported. */
  getParameters?: () => { codecs: Array<{ mimeType: string; clockRate: number }> }
  constructor(public track: FakeTrack | null) {}
  async replaceTrack(track: FakeTrack | null): Promise<void> {
    if (track) this.replaced.push(track)
    this.track = track
  }
}

export class FakePeerConnection {
  readonly senders: FakeSender[]
  constructor(track: FakeTrack | null = new FakeTrack('')) {
    this.senders = [new FakeSender(track)]
  }
  getSenders(): FakeSender[] {
    return this.senders
  }
}

/** An <audio> element: what it plays and every sink it was sent to (the last one is current). */
export class FakeAudioElement {
  srcObject: MediaProvider | null = null
  autoplay = false
  sinkId = ''
  playing = false
  removed = false
  /** Every setSinkId call, oldest first, refused ones too. */
  readonly sinkIds: string[] = []
  failSink = false
  async play(): Promise<void> {
    this.playing = true
  }
  pause(): void {
    this.playing = false
  }
  async setSinkId(id: string): Promise<void> {
    this.sinkIds.push(id)
    if (this.failSink && id) throw new Error('NotFoundError')
    this.sinkId = id
  }
  remove(): void {
    this.removed = true
  }
}
