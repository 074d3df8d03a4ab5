import { dialUriText, type AccountAddress } from './account'
import type { Call } from './call'
import { answerCall, rejectCall, type AnsweringDeps } from './answering'
import { CallMedia } from './call-media'
import { readCallStats } from './call-stats'
import { CallRegistry } from './call-registry'
import { numberFromUri, sanitizeText } from './caller-context'
import type { PhoneContext } from './context'
import { isDtmfTone, type DtmfPreference } from './dtmf'
import type { PhoneEmitter } from './emitter'
import { terminateCall } from './ending'
import { EventChannels } from './event-channels'
import { IncomingRequests } from './incoming'
import { MediaController } from './media'
import { NetworkRecovery } from './recovery'
import { ReferRequests } from './refer-requests'
import { SessionOps } from './session-ops'
import { OutgoingCalls } from './outgoing'
import type { MediaHandlerFactory, RefusedRequest, SipInvitation, SipUserAgent } from './stack'
import { attendedTransferProblem, TransferCoordinator } from './transfer'
import { CallPhase } from './types'
import type {
  AudioRouting,
  CallEndReason,
  CallSnapshot,
  CallStats,
  Phone,
  PickupTarget,
  RegistrationStatus,
  TransferDecision,
  TransferRequest,
} from './types'
import { message, type Message } from '../../contract/i18n/message'

export type RejectKind = 'busy' | 'decline'

/** What the calls part reads from the phone that loaded it (phone.ts). */
export interface PhoneCallsInput {
  context: PhoneContext
  emitter: PhoneEmitter
  userAgent: () => SipUserAgent | null
  isTransportConnected: () => boolean
  address: () => AccountAddress | null
}

/**
 * Everything of the phone but registration (issue 14): calls (placing, answering, media, ICE,
 * the connection made ahead, DTMF, re-INVITEs, session timers, recovery), transfers (both
 * ways), pickup, and what we publish and watch. Loaded after "Registered" or on first use
 * (phone.ts: `calls-loader.ts`), so only registration is fetched and evaluated before it.
 */
export class PhoneCalls {
  private readonly media: MediaController
  private readonly registry: CallRegistry
  private readonly callMedia: CallMedia
  private readonly sessions: SessionOps
  private readonly recovery: NetworkRecovery
  private readonly incoming: IncomingRequests
  private readonly refers: ReferRequests
  private readonly transfers: TransferCoordinator
  private readonly outgoing: OutgoingCalls
  private readonly channels: EventChannels
  private readonly answering: AnsweringDeps
  private readonly context: PhoneContext

  constructor(input: PhoneCallsInput) {
    const { context, emitter } = input
    const { deps } = context
    this.context = context
    this.media = new MediaController({
      mediaDevices: deps.mediaDevices,
      createAudioElement: deps.createAudioElement,
      report: (text) => context.log(text),
    })
    this.registry = new CallRegistry(context, emitter, {
      active: (call) => this.callMedia.onActive(call),
      answered: (call) => {
        call.clearExpectedEnd()
        this.transfers.onCallAnswered(call)
        void this.sessions.holdOthers(call.id)
      },
      ended: (call) => {
        this.sessions.forget(call)
        this.media.detachRemoteAudio(call.id)
        this.callMedia.onCallEnded()
        this.transfers.onCallEnded(call)
        this.refers.onCallEnded(call)
      },
    })
    this.callMedia = new CallMedia(context, this.registry, this.media, {
      iceFailed: (call) => this.recovery.onIceFailed(call),
      microphoneFailed: (call, reason) => this.terminate(call, 'failed', reason),
    })
    this.sessions = new SessionOps(
      context,
      this.registry,
      this.callMedia,
      (call) => this.transfers.isLeavingLeg(call),
      (call, text) => this.terminate(call, 'failed', text),
    )
    this.recovery = new NetworkRecovery(context, {
      calls: this.registry,
      sessions: this.sessions,
      terminate: (call, reason, text) => this.terminate(call, reason, text),
      isTransportConnected: input.isTransportConnected,
    })
    this.transfers = new TransferCoordinator({
      stack: deps.stack,
      clock: deps.clock,
      timeoutMs: deps.transferTimeoutMs ?? 45_000,
      emitProgress: (payload) => emitter.emit('transfer-progress', payload),
      hold: (call) => this.sessions.hold(call),
      resume: (call) => this.sessions.resume(call),
      terminate: (call, reason, text) => this.terminate(call, reason, text),
      referredByUri: () => input.userAgent()?.configuration.uri.toString() ?? '',
      log: (text) => context.log(text),
    })
    this.incoming = new IncomingRequests(context, {
      calls: this.registry,
      media: this.callMedia,
      sessions: this.sessions,
      transfers: this.transfers,
      refers: () => this.refers,
      ownUser: () => input.address()?.user ?? '',
    })
    this.outgoing = new OutgoingCalls({
      context,
      registry: this.registry,
      sessions: this.sessions,
      callMedia: this.callMedia,
      incoming: this.incoming,
      userAgent: () => input.userAgent() ?? undefined,
      address: input.address,
    })
    this.refers = new ReferRequests(context, {
      calls: this.registry,
      media: this.callMedia,
      sessions: this.sessions,
      transfers: this.transfers,
      sessionDelegate: (callOf) => this.incoming.sessionDelegate(callOf),
      emit: (event, payload) => emitter.emit(event, payload),
    })
    const { registry: calls, sessions, callMedia: media } = this
    this.answering = { context, calls, sessions, media }
    this.channels = new EventChannels({
      deps,
      emitter,
      userAgent: input.userAgent,
      address: input.address,
      log: (text) => context.log(text),
    })
  }

  // What the user agent hands over (user-agent-config.ts).

  /** A new INVITE; `late` when it waited for this code to load (the caller may have given up). */
  onInvite(invitation: SipInvitation, late = false): void {
    this.incoming.onInvite(invitation)
    // a CANCEL while it waited ended the session before any call listened: a missed call
    if (late && invitation.state === 'Terminated') this.registry.ofSession(invitation)?.end('cancelled')
  }

  onRefused(refused: RefusedRequest): void {
    this.incoming.onRefused(refused)
  }

  /** The media handler factory for the account's connection settings (its ICE servers). */
  mediaHandlerFactory(configuration: RTCConfiguration): MediaHandlerFactory {
    return this.callMedia.factory(configuration)
  }

  // Following the registration (phone-registration.ts).

  onStatus(status: RegistrationStatus): void {
    // a reconnect that cannot reach the server leaves calls without signalling too
    if (status.state === 'failed' && (status.reason === 'closed' || status.reason === 'unreachable'))
      this.recovery.onTransportLost()
    // nothing is published or subscribed until registered (again); a network that may have
    // changed leaves no connection gathered on the old one
    if (status.state !== 'registered') {
      this.channels.pause()
      this.callMedia.dropPrepared()
    }
  }

  onRegistered(recovered: boolean): void {
    this.recovery.onRegistered(recovered)
    this.channels.onRegistered(recovered)
    this.callMedia.prepareNextCall()
  }

  onTransportLost(): void {
    this.recovery.onTransportLost()
  }

  onNewUserAgent(): void {
    this.channels.onNewUserAgent()
  }

  /** Signing off (sign-out, sleep): every call ends with `reason`, before the user agent stops. */
  signOff(reason: Message, forWake: boolean): void {
    for (const call of this.registry.all()) this.terminate(call, 'local-hangup', reason)
    this.recovery.clear()
    this.channels.onSignOff(forWake)
  }

  // The Phone commands the calls part carries out (phone.ts forwards them).

  prepareMicrophone(keepOpen: boolean): Promise<void> {
    return this.media.prepareMicrophone(keepOpen)
  }

  releaseMicrophone(): void {
    this.media.releaseMicrophone()
  }

  prepareToDial(): void {
    this.callMedia.prepareNextCall(0)
  }

  dial(target: string): string | null {
    return this.outgoing.dial(target)
  }

  pickup(target: PickupTarget): string | null {
    return this.outgoing.pickup(target)
  }

  answer(callId: string): Promise<void> {
    return answerCall(this.answering, callId)
  }

  reject(callId: string, kind: RejectKind): Promise<void> {
    return rejectCall(this.answering, callId, kind)
  }

  hangup(callId: string): void {
    const call = this.registry.find(callId)
    if (!call) return
    const reason: CallEndReason =
      call.phase === CallPhase.Ringing ? 'rejected' : call.isEstablished ? 'local-hangup' : 'cancelled'
    this.terminate(call, reason)
  }

  async hold(callId: string): Promise<void> {
    const call = this.callToMove(
      callId,
      CallPhase.Active,
      CallPhase.Held,
      message('call.hold-needs-connected'),
    )
    if (call) await this.sessions.hold(call)
  }

  async resume(callId: string): Promise<void> {
    const call = this.callToMove(callId, CallPhase.Held, CallPhase.Active, message('call.resume-needs-held'))
    if (!call) return
    await this.sessions.holdOthers(call.id)
    await this.sessions.resume(call)
  }

  setMuted(callId: string, muted: boolean): void {
    const call = this.registry.find(callId)
    if (!call) return
    call.patch({ muted })
    this.callMedia.applyMute(call)
  }

  sendDtmf(callId: string, tone: string, preference: DtmfPreference): void {
    const call = this.registry.find(callId)
    if (!call) return
    if (!isDtmfTone(tone)) {
      this.context.error(message('dtmf.not-a-key', { key: sanitizeText(tone, 8) }))
      return
    }
    if (!call.isEstablished) {
      this.context.error(message('dtmf.needs-connected'))
      return
    }
    this.sessions.sendDtmf(call, tone, preference)
  }

  async blindTransfer(callId: string, target: string, address: AccountAddress | null): Promise<void> {
    const call = this.registry.find(callId)
    if (!call || !address) return
    if (!call.isEstablished) {
      this.context.error(message('transfer.needs-connected'))
      return
    }
    const text = dialUriText(target, address.domain)
    const uri = text ? this.context.deps.stack.makeUri(text) : undefined
    if (!text || !uri) {
      this.context.error(message('transfer.not-callable', { target: sanitizeText(target, 64) }))
      return
    }
    // not serialized: the transfer holds and resumes the call through the serialized paths
    await this.transfers.blind(call, uri, numberFromUri(text) || sanitizeText(target, 64))
  }

  async attendedTransfer(heldCallId: string, consultationCallId: string): Promise<void> {
    const held = this.registry.get(heldCallId)
    const consultation = this.registry.get(consultationCallId)
    const problem = attendedTransferProblem(held, consultation)
    if (problem || !held || !consultation) this.context.error(problem ?? message('call.gone'))
    else await this.transfers.attended(held, consultation)
  }

  setTransferDecider(decide: (request: TransferRequest, followedBefore: boolean) => TransferDecision): void {
    this.refers.setDecider(decide)
  }

  answerTransferRequest(requestId: string, accept: boolean): void {
    this.refers.answer(requestId, accept)
  }

  setAudioRouting(routing: AudioRouting): Promise<void> {
    const calls = this.registry.all().map((call) => ({
      callId: call.id,
      peerConnection: this.callMedia.peerConnectionOf(call),
      muted: call.snapshot.muted,
    }))
    return this.media.setRouting(routing, calls)
  }

  calls(): CallSnapshot[] {
    return this.registry.all().map((call) => call.snapshot)
  }

  readonly publish: Phone['publish'] = (event, contentType, body) =>
    this.channels.publish(event, contentType, body)
  readonly adoptPublication: Phone['adoptPublication'] = (event, etag) =>
    this.channels.adoptPublication(event, etag)
  readonly watch: Phone['watch'] = (target, event) => this.channels.watch(target, event)
  readonly unwatch: Phone['unwatch'] = (target, event) => this.channels.unwatch(target, event)

  async callStats(callId: string): Promise<CallStats | null> {
    const call = this.registry.get(callId)
    return call && !call.isEnded ? readCallStats(this.callMedia.peerConnectionOf(call)) : null
  }

  private terminate(call: Call, reason: CallEndReason, text: Message | null = null): void {
    terminateCall(this.context, call, reason, text)
  }

  /** The call hold/resume moves `from` → `to`; none when gone or already there, or (saying `refusal`) elsewhere. */
  private callToMove(callId: string, from: CallPhase, to: CallPhase, refusal: Message): Call | undefined {
    const call = this.registry.find(callId)
    if (!call || call.phase === to) return undefined
    if (call.phase === from) return call
    this.context.error(refusal)
    return undefined
  }
}
