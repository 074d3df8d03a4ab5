import { parseSipAddress, type AccountAddress } from './account'
import { CallsLoader } from './calls-loader'
import { logFailure, token, type PhoneContext, type SipPhoneDeps } from './context'
import type { DtmfPreference } from './dtmf'
import { PhoneEmitter } from './emitter'
import type { PhoneCalls, RejectKind } from './phone-calls'
import type { Registration } from './registration'
import { phoneRegistration } from './phone-registration'
import { messageOf } from '../../contract/error-message'
import type { MediaHandlerFactory, SipInvitation } from './stack'
import { phoneUserAgentConfig } from './user-agent-config'
// The port this class implements, and what travels through it.
import type {
  Phone,
  PhoneEventName,
  PhoneEvents,
  SipAccount,
  TransferDecision,
  TransferRequest,
} from './types'
import type { AudioRouting, CallStats, CallSnapshot, PickupTarget } from './types'
import { message, type Message } from '../../contract/i18n/message'

export type { SipPhoneDeps } from './context'
export type { RejectKind } from './phone-calls'

/**
 * The SIP adapter: the `Phone` commands. Registration lives here (registration.ts, wired in
 * phone-registration.ts); everything else (calls, transfers, pickup, what we publish and
 * watch) is the calls part (phone-calls.ts), loaded after "Registered" or on first use so that
 * only registration is evaluated before it (issue 14). Until the part is in, what arrives for
 * it waits in `CallsLoader`, in order: an early INVITE is handled, never lost or unanswered.
 * Owns the SIP stack through its port (stack/); emits plain events (types.ts).
 */
export class SipPhone implements Phone {
  private readonly emitter: PhoneEmitter
  private readonly context: PhoneContext
  private readonly registration: Registration
  private readonly part: CallsLoader
  private address: AccountAddress | null = null
  private readonly contactName: string
  private readonly viaHost: string
  /** The calls part's media handler factory for the current account (set once the part is in). */
  private mediaFactory: MediaHandlerFactory | null = null

  constructor(private readonly deps: SipPhoneDeps) {
    this.emitter = new PhoneEmitter((error) => this.log(`listener threw: ${messageOf(error)}`))
    this.context = { deps, log: (text) => this.log(text), error: (text) => this.error(text) }
    this.contactName = token(deps.random, 8)
    this.viaHost = `${token(deps.random, 12)}.invalid`
    const loadCalls = deps.loadCalls ?? (() => import('./phone-calls'))
    this.part = new CallsLoader(async () => {
      const { PhoneCalls } = await loadCalls()
      return new PhoneCalls({
        context: this.context,
        emitter: this.emitter,
        userAgent: () => this.registration.userAgent,
        isTransportConnected: () => this.registration.isTransportConnected,
        address: () => this.address,
      })
    }, this.context.log)
    this.registration = phoneRegistration({
      deps,
      emitter: this.emitter,
      followers: {
        // before the part is in there is nothing of its to pause, drop or recover
        onStatus: (status) => this.part.loaded?.onStatus(status),
        onRegistered: async (recovered) => {
          // the first time, with `later` (the renderer), once "Registered" is on the screen: the
          // window's state has it and its frame is drawn. The start-up may register before the
          // window has rendered, and the calls code must not compete with that (issue 14).
          if (!this.part.started && deps.later && !this.emitter.statusHeard) {
            await this.emitter.statusHeardByListener()
            await deps.later()
          }
          // behind the window's own work after it (the main screen): an INVITE or a dial loads it at once
          if (!this.part.started) await deps.idle?.()
          const calls = await this.part.get()
          // a drop or sign-out while the part loaded: the next "Registered" does this
          if (calls && this.registration.status.state === 'registered') calls.onRegistered(recovered)
        },
        onTransportLost: () => this.part.loaded?.onTransportLost(),
      },
      userAgentConfig: (account, transportDelegate) =>
        phoneUserAgentConfig({
          deps,
          account,
          address: this.address,
          ids: { contactName: this.contactName, viaHost: this.viaHost },
          transportDelegate,
          requests: {
            onInvite: (invitation) => this.onInvite(invitation),
            onRefused: (refused) =>
              this.part.whenIn((calls) => calls.onRefused(refused), {
                failed: () =>
                  this.log(`the ${refused.method} answered ${refused.status} is not shown: no calls code`),
              }),
          },
          media: {
            // asked for by a session's offer or answer: only once the part handles calls
            factory: (session, options) => {
              if (!this.mediaFactory) throw new Error('no media handler before the calls code is in')
              return this.mediaFactory(session, options)
            },
            configure: (configuration) =>
              this.part.whenIn((calls) => (this.mediaFactory = calls.mediaHandlerFactory(configuration))),
            gatheringTimeoutMs: deps.iceGatheringTimeoutMs,
          },
          log: (text) => this.log(text),
        }),
      log: (text) => this.log(text),
    })
  }

  /** A new INVITE: to the calls part, at once or once it is in (then answered 500 if it cannot load). */
  private onInvite(invitation: SipInvitation): void {
    if (this.part.loaded) {
      this.part.loaded.onInvite(invitation)
      return
    }
    this.part.whenIn((calls) => calls.onInvite(invitation, true), {
      failed: () => {
        invitation.reject({ statusCode: 500 }).catch(logFailure(this.context.log, 'answering 500 failed'))
      },
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
    this.part.loaded?.onNewUserAgent()
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
    // what waits for the part (a watch, a publication) is signed off like the rest
    const calls = this.part.started ? await this.part.get() : null
    calls?.signOff(reason, forWake)
    await this.guard(() => this.registration.disconnect({ forWake }))
  }

  /** Opens the microphone ahead of the first call; optional (the first open costs a few hundred ms). */
  async prepareMicrophone(keepOpen = true): Promise<void> {
    await this.guard(async () => (await this.calls_())?.prepareMicrophone(keepOpen))
  }

  releaseMicrophone(): void {
    // never opened before the part is in; one opening while it loads is released after it
    this.part.whenIn((calls) => calls.releaseMicrophone())
  }

  /** The user is about to dial (the dial field has focus): a connection is made ready, if idle. */
  prepareToDial(): void {
    if (!this.registration.userAgent) return
    if (this.part.loaded) this.part.loaded.prepareToDial()
    else void this.calls_().then((calls) => calls?.prepareToDial())
  }

  async dial(target: string): Promise<string | null> {
    // no extra task on the dial path once the part is in (dial → INVITE)
    const calls = this.part.loaded ?? (await this.calls_())
    return calls ? calls.dial(target) : null
  }

  async pickup(target: PickupTarget): Promise<string | null> {
    const calls = await this.calls_()
    return calls ? calls.pickup(target) : null
  }

  async answer(callId: string): Promise<void> {
    await (await this.calls_())?.answer(callId)
  }

  async reject(callId: string, kind: RejectKind = 'busy'): Promise<void> {
    await (await this.calls_())?.reject(callId, kind)
  }

  async hangup(callId: string): Promise<void> {
    this.withCall((calls) => calls.hangup(callId))
  }

  async hold(callId: string): Promise<void> {
    await (await this.calls_())?.hold(callId)
  }

  async resume(callId: string): Promise<void> {
    await (await this.calls_())?.resume(callId)
  }

  setMuted(callId: string, muted: boolean): void {
    this.withCall((calls) => calls.setMuted(callId, muted))
  }

  sendDtmf(callId: string, tone: string, preference: DtmfPreference = 'auto'): void {
    this.withCall((calls) => calls.sendDtmf(callId, tone, preference))
  }

  async blindTransfer(callId: string, target: string): Promise<void> {
    await (await this.calls_())?.blindTransfer(callId, target, this.address)
  }

  async attendedTransfer(heldCallId: string, consultationCallId: string): Promise<void> {
    await (await this.calls_())?.attendedTransfer(heldCallId, consultationCallId)
  }

  /** A REFER from the far end: followed, asked about or refused (refer-requests.ts). */
  setTransferDecider(decide: (request: TransferRequest, followedBefore: boolean) => TransferDecision): void {
    this.part.whenIn((calls) => calls.setTransferDecider(decide))
  }
  answerTransferRequest(requestId: string, accept: boolean): void {
    // a transfer request exists only once the part is in
    this.part.loaded?.answerTransferRequest(requestId, accept)
  }

  async setAudioRouting(routing: AudioRouting): Promise<void> {
    const calls = this.part.loaded
    // remembered for the calls to come, without loading their code before "Registered"
    if (!calls) this.part.whenIn((later) => void this.guard(() => later.setAudioRouting(routing)))
    else await this.guard(() => calls.setAudioRouting(routing))
  }

  calls(): CallSnapshot[] {
    return this.part.loaded?.calls() ?? []
  }

  /** What we publish and what we watch (PUBLISH / SUBSCRIBE): event-channels.ts, sent once registered. */
  readonly publish: Phone['publish'] = (event, contentType, body) =>
    this.part.whenIn((calls) => calls.publish(event, contentType, body))
  readonly adoptPublication: Phone['adoptPublication'] = (event, etag) =>
    this.part.whenIn((calls) => calls.adoptPublication(event, etag))
  readonly watch: Phone['watch'] = (target, event) => this.part.whenIn((calls) => calls.watch(target, event))
  readonly unwatch: Phone['unwatch'] = (target, event) =>
    this.part.whenIn((calls) => calls.unwatch(target, event))

  async callStats(callId: string): Promise<CallStats | null> {
    return (await this.part.loaded?.callStats(callId)) ?? null
  }

  /** The calls part, loaded if need be; null (said as an `error` event) if it cannot load. */
  private async calls_(): Promise<PhoneCalls | null> {
    const calls = await this.part.get()
    if (!calls) this.error(message('sip.unexpected'))
    return calls
  }

  /** A command on a call: without the part there is no call yet (an `error` event, as for any unknown id). */
  private withCall(command: (calls: PhoneCalls) => void): void {
    if (this.part.loaded) command(this.part.loaded)
    else this.error(message('call.gone'))
  }

  private error(text: Message): void {
    this.emitter.emit('error', { message: text })
  }

  private log(text: string): void {
    try {
      this.deps.log?.(text)
    } catch {
      // logging must never break the phone
    }
  }

  private async guard(operation: () => Promise<unknown>): Promise<void> {
    try {
      await operation()
    } catch (error) {
      logFailure(this.context.log, 'unexpected')(error)
      this.error(message('sip.unexpected'))
    }
  }
}
