import type { Call } from './call'
import type { CallRegistry } from './call-registry'
import type { PhoneContext } from './context'
import {
  createIceCandidateHandler,
  ICE_GATHERING_TIMEOUT_MS,
  ICE_SETTLE_MS,
  POOLED_ICE_SETTLE_MS,
} from './ice'
import type { MediaController, PeerConnectionLike } from './media'
import { messageOf } from '../../contract/error-message'
import type { Message } from '../../contract/i18n/message'
import { microphoneFailure } from './microphone-failure'
import type { LocalMediaSource, MediaHandlerFactory, MediaOptions, SipSession } from './stack'
import { WarmPeer, WARM_DELAY_MS } from './warm-peer'

export interface CallMediaHooks {
  /** ICE failed on a call's connection. */
  iceFailed(call: Call): void
  /** The microphone failed after the call's INVITE had gone out: the call ends with `reason`. */
  microphoneFailed(call: Call, reason: Message): void
}

/**
 * The media side of each call: the stack's WebRTC media handler with our ICE and track hooks,
 * the per-call media options, mute, and remote audio.
 */
export class CallMedia {
  /** A connection made ahead of the next call (warm-peer.ts). */
  private readonly warm: WarmPeer<RTCPeerConnection>
  /** The last connection handed to a media handler from `warm`. */
  private handedOver: RTCPeerConnection | undefined

  constructor(
    private readonly context: PhoneContext,
    private readonly calls: CallRegistry,
    private readonly media: MediaController,
    private readonly hooks: CallMediaHooks,
  ) {
    const { deps } = context
    this.warm = new WarmPeer({
      create: (configuration, poolSize) => deps.stack.createPeerConnection(configuration, poolSize),
      startMediaEngine: () => deps.stack.startMediaEngine(),
      clock: deps.clock,
      busy: () => calls.all().length > 0,
      log: (text) => context.log(text),
    })
  }

  /** Get a connection ready for the next call, while idle (after registering, dial field focus). */
  prepareNextCall(delayMs = WARM_DELAY_MS): void {
    this.warm.prepare(delayMs)
  }

  /** A call ended: the next one gets a ready connection once no call is left. */
  onCallEnded(): void {
    if (this.calls.all().length === 0) this.warm.prepare(WARM_DELAY_MS)
  }

  /** Signed out, asleep or the connection lost (maybe a new network): no connection kept ready. */
  dropPrepared(): void {
    this.warm.discard()
  }

  options(hold: boolean): MediaOptions {
    // constraints are ignored by our media factory (it honours the chosen input) but keep
    // SIP.js from re-acquiring the microphone on every re-INVITE
    return {
      hold,
      iceGatheringTimeout: this.gatheringTimeoutMs,
      constraints: { audio: true, video: false },
    }
  }

  get gatheringTimeoutMs(): number {
    return this.context.deps.iceGatheringTimeoutMs ?? ICE_GATHERING_TIMEOUT_MS
  }

  /**
   * The stack's handler factory for this configuration (the account's ICE servers), with
   * gathering cut short (ice.ts), remote audio and ICE failure hooked, and local audio from the
   * chosen microphone.
   */
  factory(configuration: RTCConfiguration): MediaHandlerFactory {
    const { deps } = this.context
    this.warm.configure(configuration)
    const hasIceServers = (configuration.iceServers?.length ?? 0) > 0
    const base = deps.stack.createMediaHandlerFactory(this.localMedia())
    return (session, options) => {
      const handler = base(session, options)
      const pooled = this.handedOver !== undefined && handler.peerConnection === this.handedOver
      this.handedOver = undefined
      try {
        const onCandidate = createIceCandidateHandler(() => handler.iceGatheringComplete(), {
          hasIceServers,
          settleMs: pooled ? POOLED_ICE_SETTLE_MS : ICE_SETTLE_MS,
          setTimeout: (fn, ms) => deps.clock.setTimeout(fn, ms),
          clearTimeout: (handle) => deps.clock.clearTimeout(handle),
        })
        handler.peerConnectionDelegate = {
          onicecandidate: (event) => onCandidate(event),
          ontrack: () => {
            const call = this.calls.ofSession(session)
            if (call && !call.isEnded) this.media.attachRemoteAudio(call.id, handler.remoteMediaStream)
          },
          oniceconnectionstatechange: () => {
            const call = this.calls.ofSession(session)
            if (call && handler.peerConnection?.iceConnectionState === 'failed') this.hooks.iceFailed(call)
          },
        }
      } catch (error) {
        this.context.log(`SDH hooks not installed: ${messageOf(error)}`)
      }
      return handler
    }
  }

  /** Local audio: the chosen microphone, muted already if the user muted the call meanwhile. */
  private localMedia(): LocalMediaSource {
    return {
      open: async (session: SipSession) => {
        const stream = await this.media.acquireMicrophone()
        const call = this.calls.ofSession(session)
        if (call?.snapshot.muted) for (const track of stream.getAudioTracks()) track.enabled = false
        return stream
      },
      failedAfterOffer: (session, error) => {
        this.context.log(`the microphone failed after the INVITE: ${messageOf(error)}`)
        const call = this.calls.ofSession(session)
        if (call && !call.isEnded) this.hooks.microphoneFailed(call, microphoneFailure(error))
      },
      takePeerConnection: (configuration) => (this.handedOver = this.warm.take(configuration)),
    }
  }

  /** Answered or resumed: mute as the user left it, remote audio playing. */
  onActive(call: Call): void {
    this.applyMute(call)
    const handler = this.context.deps.stack.mediaHandlerOf(call.session)
    if (handler) this.media.attachRemoteAudio(call.id, handler.remoteMediaStream)
  }

  applyMute(call: Call): void {
    const pc = this.peerConnectionOf(call)
    if (!pc) return
    const muted = call.snapshot.muted
    for (const sender of pc.getSenders()) {
      if (sender.track && sender.track.kind === 'audio') sender.track.enabled = !muted
    }
  }

  peerConnectionOf(call: Call): PeerConnectionLike | undefined {
    try {
      return this.context.deps.stack.mediaHandlerOf(call.session)?.peerConnection
    } catch {
      return undefined
    }
  }
}
