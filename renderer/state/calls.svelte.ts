import { ipcLog, type Log } from '../log/log'
import type { HeadsetButton, ParleyApi } from '../../contract/ipc'
import { textLimits } from '../../contract/limits'
import type { HistoryEntry, PhoneStatus } from '../../contract/schemas'
import { parseDialString } from '../dial/dial-string'
import {
  CallPhase,
  type CallSnapshot,
  type DtmfPreference,
  type Phone,
  type RegistrationStatus,
} from '../sip/types'
import { request } from './api'
import { endedAnnouncement, historyEntryOf } from './call-outcome'
import { dndNote } from '../../contract/history-note'
import { hookButtonAction, type HookAction } from './hook-button'
import type { Say } from './ui.svelte'
import { message } from '../../contract/i18n'

export interface Notifier {
  announce(message: Say): void
  alert(message: Say): void
  focus(target: 'dial' | 'calls'): void
}

export interface CallsOptions {
  phone: Phone
  api: ParleyApi
  /** Main's log; defaults to one over `api`. */
  log?: Log
  notifier: Notifier
  /** Who a call was transferred to, for its history entry ('' when it was not). */
  transferTargetOf?: (callId: string) => string
  /** The call's average estimated MOS for its history entry (null: never measured). */
  qualityOf?: (callId: string) => number | null
  /** Called with each history entry main stored, so the history view can show it. */
  onHistoryRecorded?: (entry: HistoryEntry) => void
  /** True while do not disturb is on: incoming calls are turned away with 486 Busy Here. */
  doNotDisturb?: () => boolean
  /** How keypad tones go out (the user's or admin's choice); auto when not given. */
  dtmfMethod?: () => DtmfPreference
  /** The contact name for a number ('' when none), for calls that arrive or answer nameless. */
  nameForNumber?: (number: string) => string
  /** How long an ended call stays in the list showing "Ended" (default endedLingerMs). */
  endedLingerMs?: number
  now?: () => number
}

/**
 * An ended call shows "Ended" (and why) this long, then leaves the call area: under a second,
 * so the keypad and the live calls stay where the hand expects them on a busy switchboard.
 * The history keeps the call; the live region says it ended.
 */
export const endedLingerMs = 800

const liveCall = (call: CallSnapshot) => call.phase !== CallPhase.Ended

/** What the live region says when the headset button answers, hangs up, resumes or rejects. */
const headsetSays = {
  answer: 'say.headset-answer',
  hangup: 'say.headset-hangup',
  resume: 'say.headset-resume',
  reject: 'say.headset-reject',
} as const
/** The voicemail short number of an account; 555 when none is set (the schema's default). */
export const voicemailNumberOf = (account: { voicemailNumber: string } | null | undefined): string =>
  account?.voicemailNumber.trim() || '555'
export const partyOf = (call: Pick<CallSnapshot, 'remoteName' | 'remoteNumber'>) =>
  call.remoteName.trim() || call.remoteNumber || message('call.unknown-caller')

/**
 * Every call the phone knows about, mirrored from Phone events, plus the intents the UI uses.
 * Rules kept here: do not disturb turns incoming calls away, and every ended call is recorded.
 * Ringing is audio's (audio/ring-follower.ts); who is held when another call talks is the phone's.
 */
export class CallsState {
  calls = $state.raw<CallSnapshot[]>([])
  dialText = $state('')
  dialError = $state<Say>('')

  readonly active = $derived(this.calls.find((call) => call.phase === CallPhase.Active) ?? null)
  readonly ringing = $derived(this.calls.filter((call) => call.phase === CallPhase.Ringing))
  readonly live = $derived(this.calls.filter(liveCall))

  private readonly phone: Phone
  private readonly api: ParleyApi
  private readonly log: Log
  private readonly notifier: Notifier
  private readonly transferTargetOf: (callId: string) => string
  private readonly qualityOf: (callId: string) => number | null
  private readonly onHistoryRecorded: (entry: HistoryEntry) => void
  private readonly doNotDisturb: () => boolean
  private readonly dtmfMethod: () => DtmfPreference
  private readonly nameForNumber: (number: string) => string
  private readonly endedLingerMs: number
  private readonly now: () => number
  private registration: PhoneStatus['registration'] = 'unregistered'
  private lastStatus = ''
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  private readonly recorded = new Set<string>()
  /** Incoming calls do not disturb turned away: never shown, recorded as missed with a note. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  private readonly turnedAway = new Set<string>()
  /** Names we knew when dialling (a history entry, a contact), kept for the card and history. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
  private readonly dialledNames = new Map<string, string>()

  constructor(options: CallsOptions) {
    this.phone = options.phone
    this.api = options.api
    this.log = options.log ?? ipcLog(options.api)
    this.notifier = options.notifier
    this.transferTargetOf = options.transferTargetOf ?? (() => '')
    this.qualityOf = options.qualityOf ?? (() => null)
    this.onHistoryRecorded = options.onHistoryRecorded ?? (() => undefined)
    this.doNotDisturb = options.doNotDisturb ?? (() => false)
    this.dtmfMethod = options.dtmfMethod ?? (() => 'auto')
    this.nameForNumber = options.nameForNumber ?? (() => '')
    this.endedLingerMs = options.endedLingerMs ?? endedLingerMs
    this.now = options.now ?? Date.now
  }

  /** Subscribes to the phone and to main; returns the function that undoes it. */
  start(): () => void {
    const stops = [
      this.phone.on('call-added', (call) => this.onAdded(call)),
      this.phone.on('call-updated', (call) => {
        if (!this.turnedAway.has(call.id)) this.upsert(call)
      }),
      this.phone.on('call-ended', (call) => this.onEnded(call)),
      this.phone.on('registration', (status) => this.onRegistration(status)),
      this.phone.on('error', ({ message }) => this.notifier.alert(message)),
      this.api.on('notification-action', ({ callId, action }) => {
        if (action === 'answer') void this.answer(callId)
        else if (action === 'reject') void this.reject(callId)
        else this.notifier.focus('calls')
      }),
      this.api.on('dial-request', ({ target }) => this.fillDialField(target)),
      this.api.on('headset-button', ({ button }) => void this.pressHeadsetButton(button)),
    ]
    for (const call of this.phone.calls()) this.upsert(call)
    return () => {
      for (const stop of stops) stop()
      for (const timer of this.timers) clearTimeout(timer)
      this.timers.clear()
    }
  }

  byId(callId: string): CallSnapshot | undefined {
    return this.calls.find((call) => call.id === callId)
  }

  // ── intents ────────────────────────────────────────────────────────────────────────────

  setDialText(text: string): void {
    this.dialText = text
    this.dialError = ''
  }

  /** A tel:/sip: link or "call back": fill the field and focus it; the person presses Call. */
  fillDialField(target: string): void {
    this.setDialText(target.slice(0, 256))
    this.notifier.focus('dial')
    this.notifier.announce(message('say.ready-to-call', { target: this.dialText }))
  }

  /** The dial field has focus: the phone gets ready for a call (never the microphone). */
  prepareToDial(): void {
    this.phone.prepareToDial?.()
  }

  /**
   * Dials what is in the dial field (or `text`). Refuses bad input without dialling.
   * `knownName` (from a history entry or contact) names the call when the far end does not.
   */
  async dial(text: string = this.dialText, knownName = ''): Promise<string | null> {
    const parsed = parseDialString(text)
    if (!parsed.ok) {
      this.dialError = parsed.message
      return null
    }
    this.dialError = ''
    const callId = await this.phone.dial(parsed.target)
    if (callId !== null) {
      if (knownName.trim() !== '') {
        this.dialledNames.set(callId, knownName.trim())
        // The phone may have announced the call before dial() returned its id.
        const announced = this.byId(callId)
        if (announced) this.upsert(announced)
      }
      this.dialText = ''
      this.notifier.announce(message('say.calling', { target: parsed.target }))
    }
    return callId
  }

  async answer(callId: string): Promise<void> {
    const call = this.byId(callId)
    if (!call || call.phase !== CallPhase.Ringing) return
    await this.phone.answer(callId)
  }

  async reject(callId: string): Promise<void> {
    if (!this.byId(callId)) return
    await this.phone.reject(callId)
  }

  async hangup(callId: string): Promise<void> {
    const call = this.byId(callId)
    if (!call || call.phase === CallPhase.Ended) return
    if (call.phase === CallPhase.Ringing) return this.reject(callId)
    await this.phone.hangup(callId)
  }

  async hold(callId: string): Promise<void> {
    if (this.byId(callId)?.phase !== CallPhase.Active) return
    await this.phone.hold(callId)
  }

  async resume(callId: string): Promise<void> {
    if (this.byId(callId)?.phase !== CallPhase.Held) return
    await this.phone.resume(callId)
  }

  async toggleHold(callId: string): Promise<void> {
    const phase = this.byId(callId)?.phase
    if (phase === CallPhase.Active) await this.hold(callId)
    else if (phase === CallPhase.Held) await this.resume(callId)
  }

  toggleMute(callId: string): void {
    const call = this.byId(callId)
    if (!call || !liveCall(call)) return
    this.phone.setMuted(callId, !call.muted)
    this.notifier.announce(message(call.muted ? 'say.mic-on' : 'say.mic-muted'))
  }

  /** The headset's call button, used like a desk phone's hook (see hook-button.ts). */
  async pressHeadsetButton(button: HeadsetButton): Promise<HookAction> {
    const action = hookButtonAction(button, this.calls)
    if (action.kind === 'none') {
      this.notifier.announce(message('say.headset-none'))
      return action
    }
    const call = this.byId(action.callId)
    this.notifier.announce(message(headsetSays[action.kind], { party: call ? partyOf(call) : '' }))
    // The action's kind is the name of the intent it runs (answer, hangup, resume, reject).
    await this[action.kind](action.callId)
    return action
  }

  /** A dialpad key: a tone to the active call, or a character in the dial field. */
  pressKey(key: string): void {
    if (this.active) this.sendDtmf(this.active.id, key)
    else this.setDialText(this.dialText + key)
  }

  sendDtmf(callId: string, tone: string): void {
    if (!/^[0-9*#A-D]$/.test(tone)) return
    if (this.byId(callId)?.phase !== CallPhase.Active) return
    this.phone.sendDtmf(callId, tone, this.dtmfMethod())
  }

  /** The call keyboard shortcuts act on: the focused one, else the active, else the ringing one. */
  focusCandidate(focusedCallId: string | null): CallSnapshot | null {
    const focused = focusedCallId ? this.byId(focusedCallId) : undefined
    if (focused && liveCall(focused)) return focused
    return this.active ?? this.ringing[0] ?? this.live[0] ?? null
  }

  // ── phone events ───────────────────────────────────────────────────────────────────────

  private onAdded(added: CallSnapshot): void {
    const call = this.named(added)
    const incoming = call.direction === 'incoming' && call.phase === CallPhase.Ringing
    if (incoming && this.doNotDisturb()) {
      this.turnedAway.add(call.id)
      this.phone
        .reject(call.id, 'busy')
        .catch(this.log.failed('calls', 'turning a call away (do not disturb) failed'))
      return
    }
    this.store(call)
    if (!incoming) return
    void request(this.api, 'phone:incoming-notice', {
      callId: call.id.slice(0, textLimits.id),
      remoteName: call.remoteName.slice(0, textLimits.remoteName),
      remoteNumber: call.remoteNumber.slice(0, textLimits.party),
      via: call.via.slice(0, textLimits.party),
    })
    const party = partyOf(call)
    this.notifier.announce(
      call.via ? message('say.incoming-via', { party, via: call.via }) : message('say.incoming', { party }),
    )
  }

  /** A nameless call (or one named by its number) takes the name we knew or the contact's. */
  private named(call: CallSnapshot): CallSnapshot {
    const name = call.remoteName.trim()
    if (name !== '' && name !== call.remoteNumber) return call
    const known = this.dialledNames.get(call.id) || this.nameForNumber(call.remoteNumber)
    return known ? { ...call, remoteName: known } : call
  }

  private upsert(incoming: CallSnapshot): void {
    this.store(this.named(incoming))
  }

  /** Puts a call already named (see named: a contact lookup scans the whole book) in the list. */
  private store(call: CallSnapshot): void {
    const index = this.calls.findIndex((existing) => existing.id === call.id)
    this.calls =
      index >= 0 ? this.calls.map((existing, i) => (i === index ? call : existing)) : [...this.calls, call]
    this.reportStatus()
  }

  private onEnded(call: CallSnapshot): void {
    const ended = this.named({ ...call, phase: CallPhase.Ended, endedAt: call.endedAt ?? this.now() })
    if (this.turnedAway.has(call.id)) {
      void this.record(ended)
      return
    }
    // The same end reported twice (a BYE crossing our CANCEL) is one end: said and timed once.
    if (this.recorded.has(call.id)) return
    this.store(ended)
    void this.record(ended)
    const said = endedAnnouncement(ended, partyOf(ended))
    if (said) this.notifier.announce(said)
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      this.calls = this.calls.filter((existing) => existing.id !== call.id)
      this.reportStatus()
    }, this.endedLingerMs)
    this.timers.add(timer)
  }

  private async record(call: CallSnapshot): Promise<void> {
    if (this.recorded.has(call.id)) return
    this.recorded.add(call.id)
    const mos = this.qualityOf(call.id)
    const base = {
      ...historyEntryOf(call, this.transferTargetOf(call.id), this.now()),
      ...(mos === null ? {} : { mos }),
    }
    const entry: HistoryEntry = this.turnedAway.has(call.id)
      ? { ...base, outcome: 'missed', note: dndNote }
      : base
    const result = await request(this.api, 'history:record', entry)
    if (result.ok) this.onHistoryRecorded(result.value)
    else
      this.notifier.alert(message('say.call-not-recorded', { party: partyOf(call), reason: result.message }))
  }

  private onRegistration(status: RegistrationStatus): void {
    this.registration = status.state
    this.reportStatus()
  }

  private reportStatus(): void {
    const status: PhoneStatus = {
      registration: this.registration,
      calls: Math.min(64, this.live.length),
      ringing: this.ringing.length > 0,
    }
    const key = JSON.stringify(status)
    if (key === this.lastStatus) return
    this.lastStatus = key
    void request(this.api, 'phone:status', status)
  }
}
