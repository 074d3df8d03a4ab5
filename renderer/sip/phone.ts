import { dialUriText, parseSipAddress, type AccountAddress } from './account'
import type { Call } from './call'
import { answerCall, rejectCall, type AnsweringDeps } from './answering'
import { CallMedia } from './call-media'
import { readCallStats } from './call-stats'
import { CallRegistry } from './call-registry'
import { numberFromUri, sanitizeText } from './caller-context'
import { logFailure, token, type PhoneContext, type SipPhoneDeps } from './context'
import { isDtmfTone, type DtmfPreference } from './dtmf'
import { PhoneEmitter } from './emitter'
import { terminateCall } from './ending'
import { EventChannels } from './event-channels'
import { IncomingRequests } from './incoming'
import { MediaController } from './media'
import { NetworkRecovery } from './recovery'
import { ReferRequests } from './refer-requests'
import type { Registration } from './registration'
import { phoneRegistration } from './phone-registration'
import { messageOf } from '../../contract/error-message'
import { SessionOps } from './session-ops'
import { OutgoingCalls } from './outgoing'
import { attendedTransferProblem, TransferCoordinator } from './transfer'
import { phoneUserAgentConfig } from './user-agent-config'
import { CallPhase } from './types'
// The port this class implements, and what travels through it.
import type {
  Phone,
  PhoneEventName,
  PhoneEvents,
  SipAccount,
  TransferDecision,
  TransferRequest,
} from './types'
import type { AudioRouting, CallEndReason, CallStats, CallSnapshot, PickupTarget } from './types'
import { message, type Message } from '../../contract/i18n/message'

export type { SipPhoneDeps } from './context'
export type RejectKind = 'busy' | 'decline'

/**
 * The SIP adapter: the `Phone` commands, wired to the parts that do the work (call registry,
 * incoming requests, session operations, network recovery, call media, registration,
 * transfers). Owns the SIP stack through its port (stack/); emits plain events (types.ts).
 */
export class SipPhone implements Phone {
  private readonly emitter: PhoneEmitter
  private readonly context: PhoneContext
  private readonly registration: Registration
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
  private address: AccountAddress | null = null
  private readonly contactName: string
  private readonly viaHost: string

  constructor(private readonly deps: SipPhoneDeps) {
    this.emitter = new PhoneEmitter((error) => this.log(`listener threw: ${messageOf(error)}`))
    this.context = { deps, log: (message) => this.log(message), error: (message) => this.error(message) }
    this.contactName = token(deps.random, 8)
    this.viaHost = `${token(deps.random, 12)}.invalid`
    this.media = new MediaController({
      mediaDevices: deps.mediaDevices,
      createAudioElement: deps.createAudioElement,
      report: (message) => this.log(message),
    })
    this.registry = new CallRegistry(this.context, this.emitter, {
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
    this.callMedia = new CallMedia(this.context, this.registry, this.media, {
      iceFailed: (call) => this.recovery.onIceFailed(call),
      microphoneFailed: (call, reason) => this.terminate(call, 'failed', reason),
    })
    this.sessions = new SessionOps(
      this.context,
      this.registry,
      this.callMedia,
      (call) => this.transfers.isLeavingLeg(call),
      (call, message) => this.terminate(call, 'failed', message),
    )
    this.registration = phoneRegistration({
      deps,
      emitter: this.emitter,
      followers: () => ({ recovery: this.recovery, channels: this.channels, callMedia: this.callMedia }),
      userAgentConfig: (account, transportDelegate) =>
        phoneUserAgentConfig({
          deps,
          account,
          address: this.address,
          ids: { contactName: this.contactName, viaHost: this.viaHost },
          transportDelegate,
          incoming: this.incoming,
          callMedia: this.callMedia,
          log: (text) => this.log(text),
        }),
      log: (message) => this.log(message),
    })
    this.recovery = new NetworkRecovery(this.context, {
      calls: this.registry,
      sessions: this.sessions,
      terminate: (call, reason, message) => this.terminate(call, reason, message),
      isTransportConnected: () => this.registration.isTransportConnected,
    })
    this.transfers = new TransferCoordinator({
      stack: deps.stack,
      clock: deps.clock,
      timeoutMs: deps.transferTimeoutMs ?? 45_000,
      emitProgress: (payload) => this.emitter.emit('transfer-progress', payload),
      hold: (call) => this.sessions.hold(call),
      resume: (call) => this.sessions.resume(call),
      terminate: (call, reason, message) => this.terminate(call, reason, message),
      referredByUri: () => this.registration.userAgent?.configuration.uri.toString() ?? '',
      log: (message) => this.log(message),
    })
    this.incoming = new IncomingRequests(this.context, {
      calls: this.registry,
      media: this.callMedia,
      sessions: this.sessions,
      transfers: this.transfers,
      refers: () => this.refers,
      ownUser: () => this.address?.user ?? '',
    })
    this.outgoing = new OutgoingCalls({
      context: this.context,
      registry: this.registry,
      sessions: this.sessions,
      callMedia: this.callMedia,
      incoming: this.incoming,
      userAgent: () => this.registration.userAgent ?? undefined,
      address: () => this.address,
    })
    this.refers = new ReferRequests(this.context, {
      calls: this.registry,
      media: this.callMedia,
      sessions: this.sessions,
      transfers: this.transfers,
      sessionDelegate: (callOf) => this.incoming.sessionDelegate(callOf),
      emit: (event, payload) => this.emitter.emit(event, payload),
    })
    const { context, registry: calls, sessions, callMedia: media } = this
    this.answering = { context, calls, sessions, media }
    this.channels = new EventChannels({
      deps,
      emitter: this.emitter,
      userAgent: () => this.registration.userAgent,
      address: () => this.address,
      log: (text) => this.log(text),
    })
  }

  on<E extends PhoneEventName>(event: E, listener: (payload: PhoneEvents[E]) => void): () => void {
    return this.emitter.on(event, listener)
  }

  async connect(account: SipAccount): Promise<void> {
    const address = parseSipAddress(account.sipAddress)
    if (!address) {
      this.emitter.emit('registration', {
        state: 'failed',
        reason: 'other',
        message: message('account.sip-address-invalid'),
      })
      return
    }
    this.address = address
    this.channels.onNewUserAgent()
    await this.guard(() => this.registration.connect(account))
  }

  async reconnect(reason: string): Promise<void> {
    await this.guard(() => this.registration.reconnect(reason))
  }

  async disconnect(): Promise<void> {
    await this.signOff(message('call.signed-out'), false)
  }

  /** Sleep: like disconnect(), but wake() registers the same account again on a new connection. */
  async suspend(): Promise<void> {
    await this.signOff(message('call.computer-asleep'), true)
  }

  async wake(): Promise<void> {
    await this.guard(() => this.registration.wake())
  }

  private async signOff(reason: Message, forWake: boolean): Promise<void> {
    for (const call of this.registry.all()) this.terminate(call, 'local-hangup', reason)
    this.recovery.clear()
    this.channels.onSignOff(forWake)
    await this.guard(() => this.registration.disconnect({ forWake }))
  }

  /** Opens the microphone ahead of the first call; optional (the first open costs a few hundred ms). */
  async prepareMicrophone(keepOpen = true): Promise<void> {
    await this.guard(() => this.media.prepareMicrophone(keepOpen))
  }

  releaseMicrophone(): void {
    this.media.releaseMicrophone()
  }

  /** The user is about to dial (the dial field has focus): a connection is made ready, if idle. */
  prepareToDial(): void {
    if (this.registration.userAgent) this.callMedia.prepareNextCall(0)
  }

  async dial(target: string): Promise<string | null> {
    return this.outgoing.dial(target)
  }

  async pickup(target: PickupTarget): Promise<string | null> {
    return this.outgoing.pickup(target)
  }

  async answer(callId: string): Promise<void> {
    await answerCall(this.answering, callId)
  }

  async reject(callId: string, kind: RejectKind = 'busy'): Promise<void> {
    await rejectCall(this.answering, callId, kind)
  }

  async hangup(callId: string): Promise<void> {
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

  sendDtmf(callId: string, tone: string, preference: DtmfPreference = 'auto'): void {
    const call = this.registry.find(callId)
    if (!call) return
    if (!isDtmfTone(tone)) {
      this.error(message('dtmf.not-a-key', { key: sanitizeText(tone, 8) }))
      return
    }
    if (!call.isEstablished) {
      this.error(message('dtmf.needs-connected'))
      return
    }
    this.sessions.sendDtmf(call, tone, preference)
  }

  async blindTransfer(callId: string, target: string): Promise<void> {
    const call = this.registry.find(callId)
    if (!call || !this.address) return
    if (!call.isEstablished) {
      this.error(message('transfer.needs-connected'))
      return
    }
    const text = dialUriText(target, this.address.domain)
    const uri = text ? this.deps.stack.makeUri(text) : undefined
    if (!text || !uri) {
      this.error(message('transfer.not-callable', { target: sanitizeText(target, 64) }))
      return
    }
    // not serialized: the transfer holds and resumes the call through the serialized paths
    await this.transfers.blind(call, uri, numberFromUri(text) || sanitizeText(target, 64))
  }

  async attendedTransfer(heldCallId: string, consultationCallId: string): Promise<void> {
    const held = this.registry.get(heldCallId)
    const consultation = this.registry.get(consultationCallId)
    const problem = attendedTransferProblem(held, consultation)
    if (problem || !held || !consultation) this.error(problem ?? message('call.gone'))
    else await this.transfers.attended(held, consultation)
  }

  /** A REFER from the far end: followed, asked about or refused (refer-requests.ts). */
  setTransferDecider(decide: (request: TransferRequest, followedBefore: boolean) => TransferDecision): void {
    this.refers.setDecider(decide)
  }
  answerTransferRequest(requestId: string, accept: boolean): void {
    this.refers.answer(requestId, accept)
  }

  async setAudioRouting(routing: AudioRouting): Promise<void> {
    const calls = this.registry.all().map((call) => ({
      callId: call.id,
      peerConnection: this.callMedia.peerConnectionOf(call),
      muted: call.snapshot.muted,
    }))
    await this.guard(() => this.media.setRouting(routing, calls))
  }

  calls(): CallSnapshot[] {
    return this.registry.all().map((call) => call.snapshot)
  }

  /** What we publish and what we watch (PUBLISH / SUBSCRIBE): event-channels.ts. */
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
    this.error(refusal)
    return undefined
  }

  private error(text: Message): void {
    this.emitter.emit('error', { message: text })
  }

  private log(message: string): void {
    try {
      this.deps.log?.(message)
    } catch {
      // logging must never break the phone
    }
  }

  private async guard(operation: () => Promise<void>): Promise<void> {
    try {
      await operation()
    } catch (error) {
      logFailure(this.log, 'unexpected')(error)
      this.error(message('sip.unexpected'))
    }
  }
}
