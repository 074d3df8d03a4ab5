import { Web, type Session } from 'sip.js'
import type { LocalMediaSource, MediaHandler, MediaHandlerFactory } from './port'

/** SIP.js's own default when a factory is given no ICE gathering timeout. */
const defaultIceGatheringTimeoutMs = 5000

/** The SIP.js member that stops it from opening the microphone again on every later offer/answer. */
interface HandlerInternals {
  localMediaStreamConstraints?: MediaStreamConstraints
}

/**
 * SIP.js's WebRTC media handler, with two changes on the dial path:
 * - The first offer does not wait for the microphone. Its audio line is a send-and-receive
 *   transceiver added at once; the microphone opens in parallel with the offer and ICE
 *   gathering, and its track is put on that transceiver's sender when it arrives (replaceTrack:
 *   no renegotiation, the SDP does not change). The far end hears us from then on, long before
 *   anyone can answer (a microphone opens in ~15–60 ms, a person answers in seconds). If the
 *   microphone fails before the offer is out, the offer fails as before (no INVITE); after, the
 *   source hears `failedAfterOffer` and the adapter ends the call.
 * - A connection made ahead of time (warm-peer.ts) is the handler's own, when the source has
 *   one (see adoptingConnection): its candidates are gathered already, so gathering completes
 *   at once.
 * Answers, re-offers and ICE restarts take SIP.js's own path unchanged.
 */
class EarlyOfferMediaHandler extends Web.SessionDescriptionHandler {
  /** The first offer's microphone, still opening (undefined: not started, or SIP.js's path). */
  private microphone: Promise<void> | undefined
  private microphoneError: { error: unknown } | undefined
  private offerSent = false
  /** The first offer, asked for as soon as its audio line exists (see getLocalMediaStream). */
  private earlyOffer: Promise<RTCSessionDescriptionInit> | undefined
  /** Inside getDescription's first step (an offer or answer is being made, not a remote one set). */
  private describing = false

  constructor(
    logger: ConstructorParameters<typeof Web.SessionDescriptionHandler>[0],
    configuration: Web.SessionDescriptionHandlerConfiguration,
    private readonly source: LocalMediaSource,
    private readonly session: Session,
  ) {
    super(logger, () => source.open(session), configuration)
  }

  override getDescription(
    options?: Web.SessionDescriptionHandlerOptions,
    modifiers?: Parameters<Web.SessionDescriptionHandler['getDescription']>[1],
  ): ReturnType<Web.SessionDescriptionHandler['getDescription']> {
    // SIP.js asks for local media synchronously, first thing: only then may it skip the wait
    this.describing = true
    let described: ReturnType<Web.SessionDescriptionHandler['getDescription']>
    try {
      described = super.getDescription(options, modifiers)
    } finally {
      this.describing = false
    }
    return described.then((description) => {
      // the microphone failed while the offer was being made: no INVITE without our audio
      if (this.microphoneError) throw this.microphoneError.error
      this.offerSent = true
      return description
    })
  }

  protected override getLocalMediaStream(options?: Web.SessionDescriptionHandlerOptions): Promise<void> {
    const pc = this.peerConnection
    const constraints: MediaStreamConstraints = { ...options?.constraints }
    if (constraints.audio === undefined && constraints.video === undefined) constraints.audio = true
    // an offer we make (not the local media asked for before a remote offer is set, whose
    // answer SIP.js makes its own way)
    const firstOffer =
      this.describing &&
      this.microphone === undefined &&
      pc !== undefined &&
      pc.signalingState === 'stable' &&
      pc.getTransceivers().length === 0 &&
      !!constraints.audio &&
      !constraints.video &&
      !options?.hold
    if (!firstOffer) return super.getLocalMediaStream(options)
    const { sender } = pc.addTransceiver('audio', { direction: 'sendrecv', streams: [this.localMediaStream] })
    // started now, not three promise steps later: the browser makes it while this task goes on
    // (the new call's card renders), instead of after
    this.earlyOffer = pc.createOffer(options?.offerOptions)
    // SIP.js takes this promise a few steps on and reports its failure then (or fails earlier
    // and never takes it): this handler only keeps the browser from calling it unhandled
    this.earlyOffer.catch((error: unknown) => this.logger.debug(`early offer: ${String(error)}`))
    // as SIP.js would have recorded them, so a later offer or answer does not reopen the microphone
    ;(this as unknown as HandlerInternals).localMediaStreamConstraints = constraints
    this.microphone = this.mediaStreamFactory(constraints, this, options)
      .then((stream) => this.attachMicrophone(sender, stream))
      .catch((error: unknown) => this.onMicrophoneFailed(error))
    return Promise.resolve()
  }

  protected override createLocalOfferOrAnswer(
    options?: Web.SessionDescriptionHandlerOptions,
  ): Promise<RTCSessionDescriptionInit> {
    const early = this.earlyOffer
    this.earlyOffer = undefined
    return early ?? super.createLocalOfferOrAnswer(options)
  }

  private async attachMicrophone(sender: RTCRtpSender, stream: MediaStream): Promise<void> {
    const track = stream.getAudioTracks()[0]
    try {
      if (!track) throw new Error('The microphone gave no audio track')
      if (this.peerConnection) await sender.replaceTrack(track)
      // the call ended while the microphone opened: SIP.js's close() did not see this track
      if (!this.peerConnection) throw new Error('The call ended before its microphone opened')
    } catch (error) {
      stream.getTracks().forEach((t) => t.stop())
      throw error
    }
    this.localMediaStream.addTrack(track)
    this.localMediaStream.dispatchEvent(new MediaStreamTrackEvent('addtrack', { track }))
  }

  private onMicrophoneFailed(error: unknown): void {
    // a call that ended meanwhile needs no word about its microphone
    if (!this.peerConnection) return
    this.microphoneError = { error }
    if (this.offerSent) this.source.failedAfterOffer(this.session, error)
  }
}

/**
 * The media handler factory: SIP.js's default one (same configuration merge, same timeout
 * default), making EarlyOfferMediaHandler.
 */
export function earlyOfferMediaHandlerFactory(source: LocalMediaSource): MediaHandlerFactory {
  return (session, options) => {
    const sdhSession = session as Session
    const factoryOptions = options as Web.SessionDescriptionHandlerFactoryOptions | undefined
    const configuration: Web.SessionDescriptionHandlerConfiguration = {
      iceGatheringTimeout: factoryOptions?.iceGatheringTimeout ?? defaultIceGatheringTimeoutMs,
      peerConnectionConfiguration: {
        ...Web.defaultPeerConnectionConfiguration(),
        ...factoryOptions?.peerConnectionConfiguration,
      },
    }
    const logger = sdhSession.userAgent.getLogger('sip.SessionDescriptionHandler')
    // warm connections are keyed by the adapter's own configuration (before SIP.js's defaults)
    const warm = source.takePeerConnection?.(factoryOptions?.peerConnectionConfiguration ?? {})
    return adoptingConnection(
      warm,
      () => new EarlyOfferMediaHandler(logger, configuration, source, sdhSession),
    ) satisfies MediaHandler
  }
}

/**
 * SIP.js's handler makes its connection in its constructor (`new RTCPeerConnection`) and has
 * no way to be given one. While it is constructed (synchronously: nothing else runs), the
 * global constructor answers with the warm connection, so SIP.js wires its events to that one
 * and no connection is made and closed for nothing on the dial path (~1.5 ms of the window's
 * main thread, which the INVITE's offer waits behind: issue 14).
 */
function adoptingConnection<T>(connection: RTCPeerConnection | undefined, construct: () => T): T {
  if (!connection) return construct()
  const global = globalThis as { RTCPeerConnection: typeof RTCPeerConnection }
  const original = global.RTCPeerConnection
  global.RTCPeerConnection = function adopted() {
    return connection
  } as unknown as typeof RTCPeerConnection
  try {
    return construct()
  } finally {
    global.RTCPeerConnection = original
  }
}

/** A connection configured like a media handler's, gathering into a candidate pool at once. */
export function pooledPeerConnection(configuration: RTCConfiguration, candidatePoolSize: number) {
  return new RTCPeerConnection({
    ...Web.defaultPeerConnectionConfiguration(),
    ...configuration,
    iceCandidatePoolSize: candidatePoolSize,
  })
}

/** See SipStack.startMediaEngine: an audio offer on a throwaway connection (no gathering without setLocalDescription). */
export async function startMediaEngine(): Promise<void> {
  const connection = new RTCPeerConnection({ iceServers: [] })
  try {
    connection.addTransceiver('audio', { direction: 'sendrecv' })
    await connection.createOffer()
  } finally {
    connection.close()
  }
}
