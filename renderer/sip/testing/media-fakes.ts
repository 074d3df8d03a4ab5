/** Minimal stand-ins for WebRTC media objects, for unit tests in Node. */

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

export class FakeMediaDevices {
  readonly requests: MediaStreamConstraints[] = []
  readonly missing = new Set<string>()
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

export class FakeAudioElement {
  srcObject: MediaProvider | null = null
  autoplay = false
  sinkId = ''
  playing = false
  removed = false
  readonly sinkCalls: string[] = []
  failSink = false
  async play(): Promise<void> {
    this.playing = true
  }
  pause(): void {
    this.playing = false
  }
  async setSinkId(id: string): Promise<void> {
    this.sinkCalls.push(id)
    if (this.failSink && id) throw new Error('NotFoundError')
    this.sinkId = id
  }
  remove(): void {
    this.removed = true
  }
}
