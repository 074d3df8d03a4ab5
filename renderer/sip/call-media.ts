import type { Call } from './call'
import type { CallRegistry } from './call-registry'
import type { PhoneContext } from './context'
import { createIceCandidateHandler, ICE_GATHERING_TIMEOUT_MS } from './ice'
import type { MediaController, PeerConnectionLike } from './media'
import { messageOf } from '../../contract/error-message'
import type { MediaHandlerFactory, MediaOptions } from './stack'

/**
 * The media side of each call: the stack's WebRTC media handler with our ICE and track hooks,
 * the per-call media options, mute, and remote audio.
 */
export class CallMedia {
  constructor(
    private readonly context: PhoneContext,
    private readonly calls: CallRegistry,
    private readonly media: MediaController,
    private readonly onIceFailed: (call: Call) => void,
  ) {}

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

  /** The stack's handler factory, with gathering cut short and remote audio / ICE failure hooked. */
  factory(hasIceServers: boolean): MediaHandlerFactory {
    const { deps } = this.context
    const base = deps.stack.createMediaHandlerFactory(() => this.media.acquireMicrophone())
    return (session, options) => {
      const handler = base(session, options)
      try {
        const onCandidate = createIceCandidateHandler(() => handler.iceGatheringComplete(), {
          hasIceServers,
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
            if (call && handler.peerConnection?.iceConnectionState === 'failed') this.onIceFailed(call)
          },
        }
      } catch (error) {
        this.context.log(`SDH hooks not installed: ${messageOf(error)}`)
      }
      return handler
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
