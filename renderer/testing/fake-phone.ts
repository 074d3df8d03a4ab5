import { CallPhase } from '../sip/types'
// The port this fake stands in for, and what travels through it.
import type { Phone, PhoneEventName, PhoneEvents, SipAccount } from '../sip/types'
import type {
  AudioRouting,
  CallSnapshot,
  CallStats,
  DtmfPreference,
  PickupTarget,
  WatchEvent,
} from '../sip/types'
import type { TransferDecision, TransferRequest } from '../sip/types'

type Listener<E extends PhoneEventName> = (payload: PhoneEvents[E]) => void

/** A command the state gave the phone, as the tests check it. */
export type PhoneCommand = { name: string; args: unknown[] }

/**
 * An in-memory Phone for state tests and UI previews: it records every command and keeps
 * call snapshots that tests move along with `emit` / `update`. It never invents events on its
 * own except the obvious ones (hold/resume/answer change the snapshot, and like the real adapter
 * answer/resume/dial put the call that was talking on hold), so tests stay explicit.
 */
export class FakePhone implements Phone {
  readonly commands: PhoneCommand[] = []
  private readonly listeners = new Map<PhoneEventName, Set<Listener<never>>>()
  private readonly snapshots = new Map<string, CallSnapshot>()
  private nextId = 1
  /** What `dial` answers; null simulates a refused dial. */
  dialResult: 'auto' | null = 'auto'
  now = () => 1_000_000
  /** Every audio routing applied, in order (the device and self-healing tests read these). */
  readonly routings: AudioRouting[] = []
  /** Makes setAudioRouting fail, as a device that cannot be opened does. */
  failRouting: Error | null = null
  /** Holds connect / reconnect / wake open until it settles, to simulate a slow REGISTER. */
  reconnectGate: Promise<void> | null = null

  /** The last registration status emitted: told to each new listener, as the adapter does. */
  private registration: PhoneEvents['registration'] | null = null

  on<E extends PhoneEventName>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners.get(event) ?? new Set()
    set.add(listener as Listener<never>)
    this.listeners.set(event, set)
    if (event === 'registration' && this.registration)
      (listener as Listener<'registration'>)(this.registration)
    return () => set.delete(listener as Listener<never>)
  }

  emit<E extends PhoneEventName>(event: E, payload: PhoneEvents[E]): void {
    if (event === 'registration') this.registration = payload as PhoneEvents['registration']
    for (const listener of [...(this.listeners.get(event) ?? [])]) (listener as Listener<E>)(payload)
  }

  listenerCount(): number {
    let count = 0
    for (const set of this.listeners.values()) count += set.size
    return count
  }

  /** Adds a call and announces it, as the adapter would. */
  addCall(partial: Partial<CallSnapshot> & { id: string }): CallSnapshot {
    const snapshot: CallSnapshot = {
      direction: 'incoming',
      phase: CallPhase.Ringing,
      remoteName: '',
      remoteNumber: '',
      via: '',
      muted: false,
      remoteHold: false,
      earlyMedia: false,
      createdAt: this.now(),
      answeredAt: null,
      endedAt: null,
      endReason: null,
      transferredBy: '',
      message: null,
      ...partial,
    }
    this.snapshots.set(snapshot.id, snapshot)
    this.emit('call-added', { ...snapshot })
    return snapshot
  }

  update(id: string, change: Partial<CallSnapshot>): CallSnapshot {
    const current = this.snapshots.get(id)
    if (!current) throw new Error(`no call ${id}`)
    const next = { ...current, ...change }
    if (next.phase === CallPhase.Ended) {
      this.snapshots.delete(id)
      this.emit('call-ended', { ...next })
    } else {
      this.snapshots.set(id, next)
      this.emit('call-updated', { ...next })
    }
    return next
  }

  /** The adapter's rule: only one call talks at a time (it reports the hold, nobody asks for it). */
  private holdOthers(exceptId: string): void {
    for (const call of this.snapshots.values())
      if (call.id !== exceptId && call.phase === CallPhase.Active)
        this.update(call.id, { phase: CallPhase.Held })
  }

  private record(name: string, ...args: unknown[]): void {
    this.commands.push({ name, args })
  }

  commandNames(): string[] {
    return this.commands.map((command) => command.name)
  }

  /** The commands named `names` as `name:argument` lines, e.g. "reconnect:resume". */
  commandLines(...names: string[]): string[] {
    return this.commands
      .filter((command) => names.includes(command.name))
      .map((command) => [command.name, ...command.args.map(String)].join(':'))
  }

  lastRouting(): AudioRouting | undefined {
    return this.routings.at(-1)
  }

  async connect(account: SipAccount): Promise<void> {
    this.record('connect', account.sipAddress)
    if (this.reconnectGate) await this.reconnectGate
  }
  async reconnect(reason: string): Promise<void> {
    this.record('reconnect', reason)
    if (this.reconnectGate) await this.reconnectGate
  }
  async disconnect(): Promise<void> {
    this.record('disconnect')
  }
  async suspend(): Promise<void> {
    this.record('suspend')
  }
  async wake(): Promise<void> {
    this.record('wake')
    if (this.reconnectGate) await this.reconnectGate
  }
  async dial(target: string): Promise<string | null> {
    this.record('dial', target)
    if (this.dialResult === null) return null
    const id = `out-${this.nextId++}`
    this.holdOthers(id)
    this.addCall({ id, direction: 'outgoing', phase: CallPhase.Dialing, remoteNumber: target })
    return id
  }
  async pickup(target: PickupTarget): Promise<string | null> {
    this.record('pickup', target)
    if (this.dialResult === null) return null
    const id = `out-${this.nextId++}`
    this.holdOthers(id)
    this.addCall({ id, direction: 'outgoing', phase: CallPhase.Dialing, remoteName: target.callerName ?? '' })
    return id
  }
  async answer(callId: string): Promise<void> {
    this.record('answer', callId)
    this.holdOthers(callId)
    if (this.snapshots.has(callId)) this.update(callId, { phase: CallPhase.Active, answeredAt: this.now() })
  }
  async reject(callId: string, kind?: 'busy' | 'decline'): Promise<void> {
    this.record('reject', callId, ...(kind ? [kind] : []))
  }
  async hangup(callId: string): Promise<void> {
    this.record('hangup', callId)
  }
  async hold(callId: string): Promise<void> {
    this.record('hold', callId)
    if (this.snapshots.has(callId)) this.update(callId, { phase: CallPhase.Held })
  }
  async resume(callId: string): Promise<void> {
    this.record('resume', callId)
    this.holdOthers(callId)
    if (this.snapshots.has(callId)) this.update(callId, { phase: CallPhase.Active })
  }
  setMuted(callId: string, muted: boolean): void {
    this.record('setMuted', callId, muted)
    if (this.snapshots.has(callId)) this.update(callId, { muted })
  }
  sendDtmf(callId: string, tone: string, preference?: DtmfPreference): void {
    this.record('sendDtmf', callId, tone, preference)
  }
  async blindTransfer(callId: string, target: string): Promise<void> {
    this.record('blindTransfer', callId, target)
  }
  async attendedTransfer(heldCallId: string, consultationCallId: string): Promise<void> {
    this.record('attendedTransfer', heldCallId, consultationCallId)
  }
  async setAudioRouting(routing: AudioRouting): Promise<void> {
    this.record('setAudioRouting', routing)
    if (this.failRouting) throw this.failRouting
    this.routings.push({ ...routing })
  }
  async prepareMicrophone(keepOpen = true): Promise<void> {
    this.record('prepareMicrophone', keepOpen)
  }
  calls(): CallSnapshot[] {
    return [...this.snapshots.values()].map((snapshot) => ({ ...snapshot }))
  }

  /** Each call's RTP figures, as a test feeds them (the call-quality state reads these). */
  readonly stats = new Map<string, CallStats>()
  async callStats(callId: string): Promise<CallStats | null> {
    return this.stats.get(callId) ?? null
  }

  /** The decider the transfer-request state installed: what a REFER from the far end would get. */
  transferDecider: ((request: TransferRequest, followedBefore: boolean) => TransferDecision) | null = null
  setTransferDecider(decide: (request: TransferRequest, followedBefore: boolean) => TransferDecision): void {
    this.transferDecider = decide
  }

  /** What is published now, per event (undefined body: withdrawn). */
  readonly published = new Map<string, { contentType: string; body: string | undefined }>()
  /** Watches held now, as `event target` (like the adapter: idempotent). */
  readonly watching = new Set<string>()

  publish(event: 'presence', contentType: string, body: string | undefined): void {
    this.record('publish', event, contentType, body)
    this.published.set(event, { contentType, body })
  }
  adoptPublication(event: 'presence', etag: string): void {
    this.record('adoptPublication', event, etag)
  }
  watch(target: string, event: WatchEvent): void {
    this.record('watch', target, event)
    this.watching.add(`${event} ${target}`)
  }
  unwatch(target: string, event: WatchEvent): void {
    this.record('unwatch', target, event)
    this.watching.delete(`${event} ${target}`)
  }
  /** Plays the PBX: a NOTIFY for a watch (the state under test parses `body`). */
  notify(target: string, event: WatchEvent, contentType: string, body: string): void {
    this.emit('notify', { target, event, contentType, body })
  }
  /** Plays the adapter: the state of a watch's subscription. */
  watchState(
    target: string,
    event: WatchEvent,
    state: 'pending' | 'active' | 'terminated' | 'failed',
    reason?: string,
  ): void {
    this.emit('watch-state', { target, event, state, ...(reason ? { reason } : {}) })
  }
}
