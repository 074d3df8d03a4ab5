import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LocalMediaSource, MediaHandler, SipSession } from './port'
import { earlyOfferMediaHandlerFactory, startMediaEngine } from './sipjs-media'

/**
 * The media handler on SIP.js's own class, with the browser's WebRTC objects faked: what is
 * asked of the connection, in which order, and what happens to the microphone.
 */

class Track {
  kind = 'audio'
  enabled = true
  readyState = 'live'
  stop(): void {
    this.readyState = 'ended'
  }
}

class Stream {
  readonly tracks: Track[]
  constructor(tracks: Track[] = []) {
    this.tracks = [...tracks]
  }
  getTracks = () => this.tracks
  getAudioTracks = () => this.tracks.filter((t) => t.kind === 'audio')
  getVideoTracks = () => []
  addTrack = (track: Track) => this.tracks.push(track)
  removeTrack = () => undefined
  dispatchEvent = () => true
}

let steps: string[]

class Connection {
  static made: Connection[] = []
  signalingState = 'stable'
  iceGatheringState = 'new'
  localDescription: { type: string; sdp: string } | null = null
  closed = false
  readonly transceivers: Array<{
    direction: string
    sender: { track: Track | null; replaceTrack(t: Track): Promise<void> }
  }> = []
  constructor(readonly configuration: RTCConfiguration) {
    Connection.made.push(this)
  }
  addTransceiver(_kind: string, init: { direction: string }) {
    steps.push('audio line')
    const sender = {
      track: null as Track | null,
      replaceTrack: async (track: Track) => {
        steps.push('microphone on the line')
        sender.track = track
      },
    }
    const transceiver = { direction: init.direction, sender }
    this.transceivers.push(transceiver)
    return transceiver
  }
  addTrack(track: Track) {
    steps.push('addTrack')
    return this.addTransceiver('audio', { direction: 'sendrecv' }).sender.replaceTrack(track)
  }
  getTransceivers = () => this.transceivers
  getSenders = () => this.transceivers.map((t) => t.sender)
  getReceivers = () => []
  async createOffer() {
    steps.push('createOffer')
    return { type: 'offer', sdp: 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\n' }
  }
  async createAnswer() {
    steps.push('createAnswer')
    return { type: 'answer', sdp: 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\n' }
  }
  remoteDescription: { type: string; sdp: string } | null = null
  async setRemoteDescription(description: { type: string; sdp: string }) {
    steps.push('setRemoteDescription')
    this.remoteDescription = description
    this.signalingState = 'have-remote-offer'
  }
  async setLocalDescription(description: { type: string; sdp: string }) {
    steps.push('setLocalDescription')
    this.localDescription = description
    this.signalingState = description.type === 'offer' ? 'have-local-offer' : 'stable'
    this.iceGatheringState = 'complete'
  }
  close() {
    this.closed = true
    this.signalingState = 'closed'
  }
}

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const logger = { debug: () => undefined, log: () => undefined, warn: () => undefined, error: () => undefined }
const session = { userAgent: { getLogger: () => logger } } as unknown as SipSession

let microphone: ReturnType<typeof deferred<MediaStream>>
let lateFailures: unknown[]
let warm: Connection | undefined

function handler(): MediaHandler & {
  getDescription(options?: object): Promise<{ body: string }>
  close(): void
} {
  const source: LocalMediaSource = {
    open: () => {
      steps.push('microphone asked')
      return microphone.promise
    },
    failedAfterOffer: (_session, error) => lateFailures.push(error),
    takePeerConnection: () => {
      const connection = warm
      warm = undefined
      return connection as unknown as RTCPeerConnection | undefined
    },
  }
  const factory = earlyOfferMediaHandlerFactory(source)
  return factory(session, {
    iceGatheringTimeout: 500,
    peerConnectionConfiguration: { iceServers: [] },
  }) as never
}

const offerOptions = { constraints: { audio: true, video: false } }

beforeEach(() => {
  steps = []
  lateFailures = []
  warm = undefined
  Connection.made = []
  microphone = deferred<MediaStream>()
  vi.stubGlobal('RTCPeerConnection', Connection)
  vi.stubGlobal('MediaStream', Stream)
  vi.stubGlobal(
    'MediaStreamTrackEvent',
    class {
      constructor(readonly type: string) {}
    },
  )
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the first offer does not wait for the microphone', () => {
  it('is made and returned while the microphone is still opening; the track joins the line later', async () => {
    const sdh = handler()
    const description = await sdh.getDescription(offerOptions)
    expect(description.body).toMatch(/a=sendrecv/)
    expect(steps).toEqual(['audio line', 'createOffer', 'microphone asked', 'setLocalDescription'])
    const track = new Track()
    microphone.resolve(new Stream([track]) as unknown as MediaStream)
    await vi.waitFor(() => expect(steps.at(-1)).toBe('microphone on the line'))
    const connection = Connection.made[0] as Connection
    expect(connection.transceivers).toHaveLength(1)
    expect(connection.transceivers[0]?.sender.track).toBe(track)
    expect(connection.transceivers[0]?.direction).toBe('sendrecv')
  })

  it('a later offer (hold) neither asks for the microphone again nor adds a line', async () => {
    const sdh = handler()
    await sdh.getDescription(offerOptions)
    microphone.resolve(new Stream([new Track()]) as unknown as MediaStream)
    await vi.waitFor(() => expect(steps.at(-1)).toBe('microphone on the line'))
    const connection = Connection.made[0] as Connection
    connection.signalingState = 'stable'
    steps = []
    await sdh.getDescription({ ...offerOptions, hold: true })
    expect(steps).toEqual(['createOffer', 'setLocalDescription'])
    expect(connection.transceivers).toHaveLength(1)
    expect(connection.transceivers[0]?.direction).toBe('sendonly')
  })

  it('an answer waits for the microphone before the remote offer is set, as SIP.js does', async () => {
    const sdh = handler() as ReturnType<typeof handler> & {
      setDescription(sdp: string, options?: object): Promise<void>
    }
    microphone.resolve(new Stream([new Track()]) as unknown as MediaStream)
    await sdh.setDescription('v=0\r\nm=audio 4000 RTP/AVP 0\r\na=sendrecv\r\n', offerOptions)
    const answer = await sdh.getDescription(offerOptions)
    expect(steps).toEqual([
      'microphone asked',
      'addTrack',
      'audio line',
      'microphone on the line',
      'setRemoteDescription',
      'createAnswer',
      'setLocalDescription',
    ])
    expect(answer.body).toMatch(/a=sendrecv/)
  })

  it('fails the offer (no INVITE) when the microphone fails before the offer is out', async () => {
    const sdh = handler()
    microphone.reject(new Error('NotAllowedError'))
    await expect(sdh.getDescription(offerOptions)).rejects.toThrow('NotAllowedError')
    expect(lateFailures).toEqual([])
  })

  it('tells the source when the microphone fails after the offer is out', async () => {
    const sdh = handler()
    await sdh.getDescription(offerOptions)
    const failure = new Error('NotReadableError')
    microphone.reject(failure)
    await vi.waitFor(() => expect(lateFailures).toEqual([failure]))
  })

  it('closes a microphone that opens after the call ended, and says nothing', async () => {
    const sdh = handler()
    await sdh.getDescription(offerOptions)
    sdh.close()
    const track = new Track()
    microphone.resolve(new Stream([track]) as unknown as MediaStream)
    await vi.waitFor(() => expect(track.readyState).toBe('ended'))
    expect(lateFailures).toEqual([])
  })
})

describe('a connection made ahead of time', () => {
  it('is the connection SIP.js takes: none is made (and closed) for nothing', async () => {
    const ready = new Connection({ iceServers: [] })
    warm = ready
    const sdh = handler()
    expect(sdh.peerConnection).toBe(ready as unknown as RTCPeerConnection)
    expect(Connection.made).toEqual([ready])
    // the browser's constructor is back for everything else
    expect(globalThis.RTCPeerConnection).toBe(Connection)
    handler()
    expect(Connection.made).toHaveLength(2)
    await sdh.getDescription(offerOptions)
    expect(ready.localDescription?.type).toBe('offer')
    expect(ready.closed).toBe(false)
  })
})

describe('starting the media engine ahead of the first call', () => {
  it('makes one audio offer on a connection it closes, and never sets it (nothing gathered or sent)', async () => {
    await startMediaEngine()
    expect(steps).toEqual(['audio line', 'createOffer'])
    expect(Connection.made).toHaveLength(1)
    expect(Connection.made[0]).toMatchObject({ closed: true, localDescription: null })
  })
})
