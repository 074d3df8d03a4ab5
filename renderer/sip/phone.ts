import {
  SessionState,
  type Invitation,
  type Inviter,
  type Referral,
  type Session,
  type SessionDelegate,
  type SessionDescriptionHandlerFactory,
  type UserAgentDelegate,
  type Web,
} from 'sip.js'
import { buildUserAgentOptions, dialUriText, parseSipAddress, type AccountAddress } from './account'
import { Call } from './call'
import {
  assertedIdentity,
  headerLookup,
  numberFromUri,
  parseCallerContext,
  parseNameAddr,
  sanitizeText,
} from './caller-context'
import { chooseDtmfMethod, dtmfInfoBody, DTMF_GAP_MS, DTMF_TONE_MS, isDtmfTone } from './dtmf'
import { PhoneEmitter } from './emitter'
import { createIceCandidateHandler, ICE_GATHERING_TIMEOUT_MS, iceServersFrom } from './ice'
import {
  audioSender,
  MediaController,
  type AudioElementLike,
  type MediaDevicesLike,
  type PeerConnectionLike,
} from './media'
import { Registration, type Clock } from './registration'
import { reinviteWithRetry, type ReinviteOutcome } from './reinvite'
import { messageOf, sendForAnswer } from './request-answer'
import { webSdhOf, type SipStack, type WebSdh } from './sip-stack'
import { TransferCoordinator } from './transfer'
import {
  CallPhase,
  type AudioRouting,
  type CallEndReason,
  type CallSnapshot,
  type Phone,
  type PhoneEventName,
  type PhoneEvents,
  type SipAccount,
} from './types'

export interface SipPhoneDeps {
  stack: SipStack
  mediaDevices: MediaDevicesLike | undefined
  createAudioElement: () => AudioElementLike
  clock: Clock
  random: () => number
  /** Upper bound on ICE gathering before an offer/answer goes out. */
  iceGatheringTimeoutMs?: number
  /** How long a call may wait for the signalling connection to come back before it is ended. */
  networkGraceMs?: number
  /** How long a transfer may wait for its final NOTIFY. */
  transferTimeoutMs?: number
  /** Diagnostics (errors inside SIP.js callbacks, device trouble). */
  log?: (message: string) => void
}

export type RejectKind = 'busy' | 'decline'

/** The SIP adapter: owns SIP.js, emits plain events. See types.ts for the contract. */
export class SipPhone implements Phone {
  private readonly emitter: PhoneEmitter
  private readonly registration: Registration
  private readonly media: MediaController
  private readonly transfers: TransferCoordinator
  private readonly live = new Map<string, Call>()
  private address: AccountAddress | null = null
  private account: SipAccount | null = null
  private sequence = 0
  private readonly contactName: string
  private readonly viaHost: string
  private networkTimer: unknown = undefined
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(private readonly deps: SipPhoneDeps) {
    this.emitter = new PhoneEmitter((error) => this.log(`listener threw: ${messageOf(error)}`))
    this.contactName = token(deps.random, 8)
    this.viaHost = `${token(deps.random, 12)}.invalid`
    this.media = new MediaController({
      mediaDevices: deps.mediaDevices,
      createAudioElement: deps.createAudioElement,
      report: (message) => this.log(message),
    })
    this.registration = new Registration({
      stack: deps.stack,
      clock: deps.clock,
      random: deps.random,
      emitStatus: (status) => {
        // a reconnect that cannot reach the server leaves calls without signalling too
        if (status.state === 'failed' && (status.reason === 'closed' || status.reason === 'unreachable'))
          this.onTransportLost()
        this.emitter.emit('registration', status)
      },
      userAgentOptions: (account, transportDelegate) => this.userAgentOptions(account, transportDelegate),
      onRegistered: (recovered) => this.onRegistered(recovered),
      onTransportLost: () => this.onTransportLost(),
    })
    this.transfers = new TransferCoordinator({
      clock: deps.clock,
      timeoutMs: deps.transferTimeoutMs ?? 45_000,
      emitProgress: (payload) => this.emitter.emit('transfer-progress', payload),
      hold: (call) => this.holdCall(call),
      resume: (call) => this.resumeCall(call),
      terminate: (call, reason, message) => this.terminate(call, reason, message),
      referredByUri: () => this.registration.userAgent?.configuration.uri.toString() ?? '',
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
        message: 'The SIP address must look like user@domain',
      })
      return
    }
    this.address = address
    this.account = account
    await this.guard(() => this.registration.connect(account))
  }

  async reconnect(reason: string): Promise<void> {
    await this.guard(() => this.registration.reconnect(reason))
  }

  async disconnect(): Promise<void> {
    for (const call of [...this.live.values()]) this.terminate(call, 'local-hangup', 'Signed out')
    this.clearNetworkTimer()
    await this.guard(() => this.registration.disconnect())
  }

  /** Opens the microphone ahead of the first call; optional (the first open costs a few hundred ms). */
  async prepareMicrophone(keepOpen = true): Promise<void> {
    await this.guard(() => this.media.prepareMicrophone(keepOpen))
  }

  releaseMicrophone(): void {
    this.media.releaseMicrophone()
  }

  async dial(target: string): Promise<string | null> {
    const ua = this.registration.userAgent
    if (!ua || !this.address) {
      this.error('Not signed in: sign in before calling')
      return null
    }
    const text = dialUriText(target, this.address.domain)
    const uri = text ? this.deps.stack.makeUri(text) : undefined
    if (!text || !uri) {
      this.error(`Cannot call "${sanitizeText(target, 64)}": not a number or SIP address`)
      return null
    }
    let inviter: Inviter
    try {
      inviter = this.deps.stack.createInviter(ua, uri, {
        sessionDescriptionHandlerOptions: this.sdhOptions(false),
        delegate: this.sessionDelegate(() => call),
      })
    } catch (error) {
      this.error(`Cannot call: ${messageOf(error)}`)
      return null
    }
    const call: Call = this.addCall({
      direction: 'outgoing',
      session: inviter,
      remoteName: '',
      remoteNumber: numberFromUri(text) || sanitizeText(target, 64),
      via: '',
    })
    // A new call puts the one we are talking on on hold (in parallel: the INVITE must not wait).
    void this.holdOthers(call.id)
    this.sendInvite(call, inviter)
    return call.id
  }

  async answer(callId: string): Promise<void> {
    const call = this.find(callId, 'answer')
    if (!call) return
    if (call.direction !== 'incoming' || call.phase !== CallPhase.Ringing) {
      this.error('Only a ringing incoming call can be answered')
      return
    }
    // Never two calls talking at once: the active one goes on hold before we answer.
    await this.holdOthers(call.id)
    if (call.isEnded) return
    const invitation = call.session as Invitation
    call.expectEnd('failed', 'The call could not be answered')
    try {
      await invitation.accept({ sessionDescriptionHandlerOptions: this.sdhOptions(false) })
    } catch (error) {
      this.log(`answer failed: ${messageOf(error)}`)
      this.terminate(call, 'failed', `The call could not be answered: ${messageOf(error)}`)
    }
  }

  async reject(callId: string, kind: RejectKind = 'busy'): Promise<void> {
    const call = this.find(callId, 'reject')
    if (!call) return
    if (call.direction !== 'incoming' || call.phase !== CallPhase.Ringing) {
      this.error('Only a ringing incoming call can be rejected')
      return
    }
    call.expectEnd('rejected')
    try {
      await (call.session as Invitation).reject({ statusCode: kind === 'decline' ? 603 : 486 })
    } catch (error) {
      call.end('rejected', messageOf(error))
    }
  }

  async hangup(callId: string): Promise<void> {
    const call = this.find(callId, 'hang up')
    if (!call) return
    const reason: CallEndReason =
      call.phase === CallPhase.Ringing ? 'rejected' : call.isEstablished ? 'local-hangup' : 'cancelled'
    this.terminate(call, reason)
  }

  async hold(callId: string): Promise<void> {
    const call = this.find(callId, 'hold')
    if (!call) return
    if (call.phase === CallPhase.Held) return
    if (call.phase !== CallPhase.Active) {
      this.error('Only a connected call can be put on hold')
      return
    }
    await this.holdCall(call)
  }

  async resume(callId: string): Promise<void> {
    const call = this.find(callId, 'resume')
    if (!call) return
    if (call.phase === CallPhase.Active) return
    if (call.phase !== CallPhase.Held) {
      this.error('Only a held call can be resumed')
      return
    }
    await this.holdOthers(call.id)
    await this.resumeCall(call)
  }

  setMuted(callId: string, muted: boolean): void {
    const call = this.find(callId, 'mute')
    if (!call) return
    call.patch({ muted })
    this.applyMute(call)
  }

  sendDtmf(callId: string, tone: string): void {
    const call = this.find(callId, 'send DTMF')
    if (!call) return
    if (!isDtmfTone(tone)) {
      this.error(`"${sanitizeText(tone, 8)}" is not a DTMF key`)
      return
    }
    if (!call.isEstablished) {
      this.error('DTMF needs a connected call')
      return
    }
    const sender = audioSender(this.peerConnectionOf(call))
    if (chooseDtmfMethod(sender?.dtmf) === 'rfc4733' && sender?.dtmf) {
      try {
        sender.dtmf.insertDTMF(tone, DTMF_TONE_MS, DTMF_GAP_MS)
        return
      } catch (error) {
        this.log(`RFC 4733 DTMF failed, using SIP INFO: ${messageOf(error)}`)
      }
    }
    call.session
      .info({
        requestOptions: {
          body: {
            contentDisposition: 'render',
            contentType: 'application/dtmf-relay',
            content: dtmfInfoBody(tone),
          },
        },
      })
      .catch((error: unknown) => this.error(`DTMF could not be sent: ${messageOf(error)}`))
  }

  async blindTransfer(callId: string, target: string): Promise<void> {
    const call = this.find(callId, 'transfer')
    if (!call || !this.address) return
    if (!call.isEstablished) {
      this.error('Only a connected call can be transferred')
      return
    }
    const text = dialUriText(target, this.address.domain)
    const uri = text ? this.deps.stack.makeUri(text) : undefined
    if (!text || !uri) {
      this.error(`Cannot transfer to "${sanitizeText(target, 64)}": not a number or SIP address`)
      return
    }
    // not serialized: the transfer holds and resumes the call through the serialized paths
    await this.transfers.blind(call, uri, numberFromUri(text) || sanitizeText(target, 64))
  }

  async attendedTransfer(heldCallId: string, consultationCallId: string): Promise<void> {
    const held = this.live.get(heldCallId)
    const consultation = this.live.get(consultationCallId)
    if (!held || !consultation) {
      this.error('Cannot transfer: that call no longer exists')
      return
    }
    if (held === consultation) {
      this.error('A call cannot be transferred to itself')
      return
    }
    if (!held.isEstablished || !consultation.isEstablished || !consultation.session.dialog) {
      this.error('The transfer target has not answered yet: wait, cancel, or transfer without announcing')
      return
    }
    await this.transfers.attended(held, consultation)
  }

  async setAudioRouting(routing: AudioRouting): Promise<void> {
    const calls = [...this.live.values()].map((call) => ({
      callId: call.id,
      peerConnection: this.peerConnectionOf(call),
      muted: call.snapshot.muted,
    }))
    await this.guard(() => this.media.setRouting(routing, calls))
  }

  calls(): CallSnapshot[] {
    return [...this.live.values()].map((call) => call.snapshot)
  }

  // ── incoming ──────────────────────────────────────────────────────────────────────────────

  private onIncomingInvite(invitation: Invitation): void {
    try {
      const context = parseCallerContext(headerLookup(invitation.request), this.address?.user ?? '')
      const replaced = invitation.replacee ? this.callOf(invitation.replacee) : undefined
      const call: Call = this.addCall(
        {
          direction: 'incoming',
          session: invitation,
          remoteName: context.name,
          remoteNumber: context.number,
          via: context.via,
        },
        { silent: replaced !== undefined },
      )
      invitation.delegate = this.sessionDelegate(() => call)
      if (replaced) this.acceptReplacement(call, invitation, replaced)
    } catch (error) {
      this.log(`incoming INVITE could not be handled: ${messageOf(error)}`)
      invitation.reject({ statusCode: 500 }).catch(() => undefined)
    }
  }

  /** We are the target of someone else's attended transfer: no ringing, the new call takes over. */
  private acceptReplacement(call: Call, invitation: Invitation, replaced: Call): void {
    replaced.expectEnd('replaced')
    replaced.leaving = true
    call.expectEnd('failed', 'The transferred call could not be connected')
    invitation
      .accept({ sessionDescriptionHandlerOptions: this.sdhOptions(false) })
      .catch((error: unknown) => {
        this.log(`replacing INVITE failed: ${messageOf(error)}`)
        replaced.clearExpectedEnd()
        replaced.leaving = false
      })
  }

  private onIncomingRefer(call: Call, referral: Referral): void {
    let targetText: string
    let targetName: string
    try {
      const referTo = referral.referTo
      targetText = referTo.uri.toString()
      targetName = sanitizeText(referTo.displayName ?? '')
    } catch {
      referral.reject({ statusCode: 400 }).catch(() => undefined)
      return
    }
    referral.accept().catch(() => undefined)
    const referredBy = referral.referredBy ? parseNameAddr(referral.referredBy) : null
    const referrerNumber = referredBy ? numberFromUri(referredBy.uri) : ''
    // A nameless Referred-By (SIP.js sends one) naming the party we talk to: use the name we show.
    const knownReferrer = referrerNumber !== '' && referrerNumber === call.snapshot.remoteNumber
    const by =
      referredBy?.name ||
      (knownReferrer && call.snapshot.remoteName) ||
      referrerNumber ||
      call.snapshot.remoteName ||
      call.snapshot.remoteNumber
    let inviter: Inviter
    try {
      inviter = referral.makeInviter({
        sessionDescriptionHandlerOptions: this.sdhOptions(false),
        delegate: this.sessionDelegate(() => newCall),
      })
    } catch (error) {
      this.log(`REFER target could not be called: ${messageOf(error)}`)
      return
    }
    const newCall: Call = this.addCall({
      direction: 'outgoing',
      session: inviter,
      remoteName: targetName,
      remoteNumber: numberFromUri(targetText),
      via: '',
      transferredBy: by,
    })
    this.transfers.noteTransferredLeg(newCall, call)
    this.sendInvite(newCall, inviter)
  }

  // ── sessions ──────────────────────────────────────────────────────────────────────────────

  private sendInvite(call: Call, inviter: Inviter): void {
    inviter
      .invite({
        requestDelegate: {
          onProgress: (response) => {
            const code = response.message.statusCode ?? 0
            if ((code === 180 || code === 183) && call.phase === CallPhase.Dialing)
              call.moveTo(CallPhase.Alerting)
          },
          onReject: (response) =>
            call.noteFailure(response.message.statusCode ?? 500, response.message.reasonPhrase ?? ''),
          onAccept: (response) => this.learnRemoteName(call, response.message),
        },
      })
      .catch((error: unknown) =>
        this.terminate(call, 'failed', `The call could not be placed: ${messageOf(error)}`),
      )
  }

  /** The PBX may name the answering party (connected line) in P-Asserted-Identity. */
  private learnRemoteName(call: Call, message: { getHeaders(name: string): string[] } | undefined): void {
    if (call.snapshot.remoteName) return
    // only PAI: From in a response is ourselves
    const asserted = assertedIdentity(headerLookup(message))
    if (asserted?.name) call.patch({ remoteName: asserted.name })
  }

  private sessionDelegate(callOf: () => Call | undefined): SessionDelegate {
    return {
      onRefer: (referral) => {
        const call = callOf()
        if (call) this.onIncomingRefer(call, referral)
        else referral.reject({ statusCode: 481 }).catch(() => undefined)
      },
      onInfo: (info) => {
        info.accept().catch(() => undefined)
      },
      onInvite: (request) => {
        const call = callOf()
        if (!call) return
        const sdp = typeof request.body === 'string' ? request.body : ''
        call.patch({ remoteHold: /^a=(sendonly|inactive)\s*$/im.test(sdp) })
      },
    }
  }

  private addCall(
    init: Omit<ConstructorParameters<typeof Call>[0], 'id' | 'now'>,
    options: { silent?: boolean } = {},
  ): Call {
    const id = `call-${(++this.sequence).toString(36)}-${token(this.deps.random, 6)}`
    let announced = !options.silent
    const call = new Call(
      { ...init, id, now: this.deps.clock.now() },
      {
        updated: (c) => {
          if (c.phase === CallPhase.Active && !announced) {
            announced = true
            this.emitter.emit('call-added', c.snapshot)
          } else if (announced) {
            this.emitter.emit('call-updated', c.snapshot)
          }
          if (c.phase === CallPhase.Active) this.onActive(c)
        },
        answered: (c) => this.onAnswered(c),
        ended: (c) => {
          this.live.delete(c.id)
          this.queues.delete(c.id)
          this.media.detachRemoteAudio(c.id)
          this.transfers.onCallEnded(c)
          if (announced) this.emitter.emit('call-ended', c.snapshot)
        },
        refused: (c, from, to) => this.log(`call ${c.id}: phase ${from} → ${to} refused`),
      },
      () => this.deps.clock.now(),
    )
    this.live.set(id, call)
    if (announced) this.emitter.emit('call-added', call.snapshot)
    return call
  }

  private onActive(call: Call): void {
    this.applyMute(call)
    const sdh = webSdhOf(call.session)
    if (sdh) this.media.attachRemoteAudio(call.id, sdh.remoteMediaStream)
  }

  private onAnswered(call: Call): void {
    call.clearExpectedEnd()
    this.transfers.onCallAnswered(call)
    void this.holdOthers(call.id)
  }

  private callOf(session: Session): Call | undefined {
    for (const call of this.live.values()) if (call.session === session) return call
    return undefined
  }

  // ── hold / resume / renegotiation ─────────────────────────────────────────────────────────

  private async holdOthers(exceptId: string): Promise<void> {
    const others = [...this.live.values()].filter(
      (c) =>
        c.id !== exceptId && c.phase === CallPhase.Active && !c.leaving && !this.transfers.isLeavingLeg(c),
    )
    await Promise.all(others.map((c) => this.holdCall(c)))
  }

  private holdCall(call: Call): Promise<boolean> {
    return this.serial(call, async () => {
      if (call.phase !== CallPhase.Active) return call.phase === CallPhase.Held
      const outcome = await this.renegotiate(call, { hold: true })
      if (call.isEnded) return false
      if (outcome.ok) {
        call.patch({ localHold: true, message: '' })
        call.moveTo(CallPhase.Held)
        return true
      }
      call.patch({ message: `Hold failed (${outcome.code})` })
      return false
    })
  }

  private resumeCall(call: Call): Promise<boolean> {
    return this.serial(call, async () => {
      if (call.phase !== CallPhase.Held) return call.phase === CallPhase.Active
      const outcome = await this.renegotiate(call, { hold: false })
      if (call.isEnded) return false
      if (outcome.ok) {
        call.patch({ localHold: false })
        call.moveTo(CallPhase.Active)
        return true
      }
      call.patch({ message: `Resume failed (${outcome.code})` })
      return false
    })
  }

  private renegotiate(
    call: Call,
    options: { hold: boolean; iceRestart?: boolean },
  ): Promise<ReinviteOutcome> {
    const sdhOptions = {
      ...this.sdhOptions(options.hold),
      ...(options.iceRestart ? { offerOptions: { iceRestart: true } } : {}),
    }
    return reinviteWithRetry(() => sendReinvite(call.session, sdhOptions), {
      ownsCallId: call.direction === 'outgoing',
      random: this.deps.random,
      sleep: (ms) => new Promise((resolve) => this.deps.clock.setTimeout(resolve, ms)),
      isCancelled: () => call.isEnded,
    })
  }

  /** Runs operations on one call one after another (a re-INVITE must finish before the next). */
  private serial<T>(call: Call, operation: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(call.id) ?? Promise.resolve()
    const next = previous.then(operation, operation)
    this.queues.set(
      call.id,
      next.catch(() => undefined),
    )
    return next
  }

  // ── network ───────────────────────────────────────────────────────────────────────────────

  private onTransportLost(): void {
    if (this.live.size === 0) return
    for (const call of this.live.values()) call.patch({ message: 'Connection lost, reconnecting…' })
    // the grace period runs from the first loss, not from each failed retry
    if (this.networkTimer !== undefined) return
    this.networkTimer = this.deps.clock.setTimeout(() => {
      this.networkTimer = undefined
      for (const call of [...this.live.values()]) {
        this.terminate(call, 'network', 'Call ended: the connection to the server was lost')
      }
    }, this.deps.networkGraceMs ?? 30_000)
  }

  private onRegistered(recovered: boolean): void {
    this.clearNetworkTimer()
    if (!recovered) return
    for (const call of [...this.live.values()]) {
      if (!call.isEstablished) {
        this.terminate(call, 'network', 'Call ended: the connection to the server was lost')
        continue
      }
      void this.serial(call, async () => {
        if (!call.isEstablished) return
        const outcome = await this.renegotiate(call, {
          hold: call.phase === CallPhase.Held,
          iceRestart: true,
        })
        if (outcome.ok) call.patch({ message: '' })
        else
          this.terminate(
            call,
            'network',
            'Call ended: the network changed and the call could not be recovered',
          )
      })
    }
  }

  private onIceFailed(call: Call): void {
    if (call.isEnded || !call.isEstablished || !this.registration.isTransportConnected) return
    void this.serial(call, async () => {
      if (!call.isEstablished) return
      const outcome = await this.renegotiate(call, { hold: call.phase === CallPhase.Held, iceRestart: true })
      if (!outcome.ok) this.terminate(call, 'network', 'Call ended: the audio connection was lost')
    })
  }

  private clearNetworkTimer(): void {
    if (this.networkTimer !== undefined) this.deps.clock.clearTimeout(this.networkTimer)
    this.networkTimer = undefined
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────

  /** Ends a call whatever state its session is in; the UI never keeps a stuck call. */
  private terminate(call: Call, reason: CallEndReason, message = ''): void {
    if (call.isEnded) return
    call.expectEnd(reason, message)
    const session = call.session
    try {
      switch (session.state) {
        case SessionState.Initial:
        case SessionState.Establishing:
          if (call.direction === 'outgoing')
            void (session as Inviter).cancel().catch(() => call.end(reason, message))
          else if (session.state === SessionState.Initial)
            void (session as Invitation).reject({ statusCode: 486 }).catch(() => call.end(reason, message))
          else void session.dispose().catch(() => undefined)
          break
        case SessionState.Established:
          void session.bye().catch(() => call.end(reason, message))
          break
        default:
          break
      }
    } catch (error) {
      this.log(`terminate: ${messageOf(error)}`)
    }
    // A session that does not reach Terminated (no network, no answer) still leaves the UI.
    this.deps.clock.setTimeout(() => call.end(reason, message), 2000)
    if (session.state === SessionState.Terminated) call.end(reason, message)
  }

  private applyMute(call: Call): void {
    const pc = this.peerConnectionOf(call)
    if (!pc) return
    const muted = call.snapshot.muted
    for (const sender of pc.getSenders()) {
      if (sender.track && sender.track.kind === 'audio') sender.track.enabled = !muted
    }
  }

  private peerConnectionOf(call: Call): PeerConnectionLike | undefined {
    try {
      return webSdhOf(call.session)?.peerConnection
    } catch {
      return undefined
    }
  }

  private sdhOptions(hold: boolean): Web.SessionDescriptionHandlerOptions {
    // constraints are ignored by our media factory (it honours the chosen input) but keep
    // SIP.js from re-acquiring the microphone on every re-INVITE
    return {
      hold,
      iceGatheringTimeout: this.deps.iceGatheringTimeoutMs ?? ICE_GATHERING_TIMEOUT_MS,
      constraints: { audio: true, video: false },
    }
  }

  private userAgentOptions(account: SipAccount, transportDelegate: UserAgentDelegate) {
    const uri = this.deps.stack.makeUri(`sip:${this.address?.user ?? ''}@${this.address?.domain ?? ''}`)
    if (!uri) throw new Error('The SIP address is not valid')
    const iceServers = iceServersFrom(account.iceServers)
    return buildUserAgentOptions({
      account,
      uri,
      contactName: this.contactName,
      viaHost: this.viaHost,
      delegate: {
        ...transportDelegate,
        onInvite: (invitation: Invitation) => this.onIncomingInvite(invitation),
      },
      logConnector: (level, category, _label, content) => {
        if (level === 'error' || level === 'warn') this.log(`${category}: ${content}`)
      },
      sessionDescriptionHandlerFactory: this.sdhFactory(iceServers.length > 0),
      sessionDescriptionHandlerFactoryOptions: {
        iceGatheringTimeout: this.deps.iceGatheringTimeoutMs ?? ICE_GATHERING_TIMEOUT_MS,
        // replaces SIP.js's default public STUN server: none unless the account names one
        peerConnectionConfiguration: { iceServers },
      },
    })
  }

  private sdhFactory(hasIceServers: boolean): SessionDescriptionHandlerFactory {
    const base = this.deps.stack.createSdhFactory(() => this.media.acquireMicrophone())
    return (session, options) => {
      const sdh = base(session, options) as WebSdh
      try {
        const onCandidate = createIceCandidateHandler(() => sdh.iceGatheringComplete(), {
          hasIceServers,
          setTimeout: (fn, ms) => this.deps.clock.setTimeout(fn, ms),
          clearTimeout: (handle) => this.deps.clock.clearTimeout(handle),
        })
        sdh.peerConnectionDelegate = {
          onicecandidate: (event) => onCandidate(event),
          ontrack: () => {
            const call = this.callOf(session)
            if (call && !call.isEnded) this.media.attachRemoteAudio(call.id, sdh.remoteMediaStream)
          },
          oniceconnectionstatechange: () => {
            const call = this.callOf(session)
            if (call && sdh.peerConnection?.iceConnectionState === 'failed') this.onIceFailed(call)
          },
        }
      } catch (error) {
        this.log(`SDH hooks not installed: ${messageOf(error)}`)
      }
      return sdh
    }
  }

  private find(callId: string, action: string): Call | undefined {
    const call = this.live.get(callId)
    if (!call) this.error(`Cannot ${action}: that call no longer exists`)
    return call
  }

  private error(message: string): void {
    this.emitter.emit('error', { message })
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
      this.log(messageOf(error))
      this.error(messageOf(error))
    }
  }
}

function sendReinvite(
  session: Session,
  sdhOptions: Web.SessionDescriptionHandlerOptions,
): Promise<ReinviteOutcome> {
  return sendForAnswer(
    (requestDelegate) => session.invite({ sessionDescriptionHandlerOptions: sdhOptions, requestDelegate }),
    (error) => {
      const pending = error instanceof Error && /in progress|pending/i.test(error.message)
      return { ok: false, code: pending ? 491 : 500, reason: messageOf(error) }
    },
  )
}

function token(random: () => number, length: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length) % alphabet.length]
  return out
}
