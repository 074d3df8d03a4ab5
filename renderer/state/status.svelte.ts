import type { ParleyApi } from '../../contract/ipc'
import { message } from '../../contract/i18n'
import { buildPidf, pidfContentType } from '../../contract/presence/pidf'
import {
  cleanStatus,
  PresenceStatus,
  presenceStatuses,
  type StatusValue,
} from '../../contract/presence/status'
import type { ScheduleEntry, StatusRecord, StatusSnapshot } from '../../contract/presence/schemas'
import type { Log } from '../log/log'
import type { Clock } from '../sip/registration'
import type { Phone } from '../sip/types'
import { request } from './api'
import { moveStatus, phaseOf, StatusPhase } from './status-machine'
import { StatusPublication } from './status-publication.svelte'
import { resolveStatus, StatusSource, type ResolvedStatus } from './status-resolve'
import type { Say } from './ui.svelte'

/** The part of the phone "My status" uses: registration news and PUBLISH (kept fresh by the adapter). */
export type StatusPhone = Pick<Phone, 'on' | 'publish' | 'adoptPublication'>

export interface StatusDeps {
  api: ParleyApi
  phone: StatusPhone
  clock: Clock
  /** The signed-in SIP address (user@domain), '' when signed out. */
  sipAddress(): string
  /** Do not disturb, the one owner of turning callers away (486); the status only drives it. */
  dnd: { readonly enabled: boolean; setEnabled(on: boolean): Promise<boolean> }
  notifier: { announce(message: Say): void; alert(message: Say): void }
  log: Log
}

/** Timers are re-armed at least this often, so a clock change or a sleep never leaves one late. */
const longestWaitMs = 60_000

/**
 * "My status": what the person set by hand, the weekly schedule, and what is published to the
 * PBX. The status now is always resolveStatus(record, schedule, clock) (status-resolve.ts), so
 * sleep, restarts and clock changes need no special cases: every wake-up, timer and change
 * simply resolves again, publishes when the answer changed and keeps Do not disturb in step.
 */
export class StatusState {
  record = $state.raw<StatusRecord>({})
  schedule = $state.raw<ScheduleEntry[]>([])
  hidden = $state.raw<PresenceStatus[]>([])
  scheduleLocked = $state(false)
  resolved = $state.raw<ResolvedStatus>({
    value: { status: PresenceStatus.Available },
    source: StatusSource.None,
  })
  phase = $state(StatusPhase.Off)
  /** A change is on its way to main. */
  busy = $state(false)
  /** What the PBX holds of it: kept across a crash, and whether the last PUBLISH failed. */
  readonly publication: StatusPublication

  private timer: unknown = null
  private published: string | null = null
  /** Registered since the last sign-in: publishing makes sense. */
  private registered = false
  /** Whether the resolved status said Do not disturb the last time we looked. */
  private resolvedDnd = false
  /**
   * Where Do not disturb is being switched to, to follow the status (null: not switching). Shown
   * and published at once, so nothing waits for the switch (a registration meanwhile must not
   * let an older status go out first).
   */
  private dndTarget = $state<boolean | null>(null)
  /** status:get answered (or failed): what the last run left at the PBX is known. */
  private loaded = false

  constructor(private readonly deps: StatusDeps) {
    this.publication = new StatusPublication(deps)
  }

  /** The status shown and published: Do not disturb whenever it is on (also from the tray). */
  get current(): StatusValue {
    const value = this.resolved.value
    if (this.dndTarget ?? this.deps.dnd.enabled)
      return value.status === PresenceStatus.DoNotDisturb ? value : { status: PresenceStatus.DoNotDisturb }
    return value.status === PresenceStatus.DoNotDisturb ? { status: PresenceStatus.Available } : value
  }

  /** The statuses the menu offers (the admin may hide some). */
  get offered(): PresenceStatus[] {
    return presenceStatuses.filter((status) => !this.hidden.includes(status))
  }

  start(): () => void {
    const stops = [
      this.deps.phone.on('registration', (status) => {
        if (status.state !== 'registered') {
          // the adapter forgets the body on sleep: whatever is true on registering again is sent
          this.published = null
          return
        }
        this.registered = true
        this.refresh()
      }),
      this.publication.start(),
      this.deps.api.on('power', (event) => {
        if (event.kind === 'resume' || event.kind === 'unlock-screen') this.refresh()
      }),
      this.deps.api.on('preferences-changed', () => this.refresh()),
    ]
    void this.load()
    return () => {
      stops.forEach((stop) => stop())
      this.deps.clock.clearTimeout(this.timer)
    }
  }

  async load(): Promise<void> {
    const result = await request(this.deps.api, 'status:get')
    if (result.ok) {
      this.apply(result.value)
      this.publication.remember(result.value.publication)
    } else this.deps.log.write('warn', 'status', `status could not be read: ${result.message}`)
    this.loaded = true
    this.refresh()
  }

  /** Sets a status by hand, with an optional until (ISO) and note. */
  set(status: PresenceStatus, options: { until?: string; note?: string } = {}): Promise<boolean> {
    const value = cleanStatus({ status, ...options })
    return this.save(
      { record: { manual: { value, setAt: this.deps.clock.now() } } },
      message('status.said', { status: message(`status.${status}`) }),
    )
  }

  /** Back to Available; a slot going on is not set again until its next day. */
  clear(): Promise<boolean> {
    const occurrence = this.resolved.occurrence
    const dismissed = occurrence ? { entryId: occurrence.entry.id, start: occurrence.start } : undefined
    return this.save({ record: dismissed ? { dismissed } : {} }, message('status.cleared'))
  }

  /** The PBX refused or did not answer the last PUBLISH: the user asks to send it again. */
  retryPublish(): void {
    this.published = null
    this.refresh()
  }

  saveSchedule(schedule: ScheduleEntry[]): Promise<boolean> {
    return this.save({ schedule }, message('status.schedule-saved'))
  }

  /**
   * Sign-out: the adapter withdraws what it published (PUBLISH Expires 0) and forgets it; here
   * we only forget it too, so the next sign-in publishes the status again.
   */
  signedOut(): void {
    this.published = null
    this.registered = false
    this.phase = moveStatus(this.phase, StatusPhase.Off).phase
  }

  /** Resolves the status now; publishes it and keeps Do not disturb in step when it changed. */
  refresh(): void {
    const now = this.deps.clock.now()
    this.resolved = resolveStatus(this.record, this.schedule, now)
    this.followDnd()
    this.publish()
    this.arm(now)
  }

  private async save(
    change: { record?: StatusRecord; schedule?: ScheduleEntry[] },
    said: Say,
  ): Promise<boolean> {
    if (this.busy) return false
    this.busy = true
    try {
      const result = await request(this.deps.api, 'status:save', change)
      if (!result.ok) {
        this.deps.notifier.alert(message('status.not-changed', { reason: result.message }))
        return false
      }
      this.apply(result.value)
      this.refresh()
      this.deps.notifier.announce(said)
      return true
    } finally {
      this.busy = false
    }
  }

  private apply(snapshot: StatusSnapshot): void {
    this.record = snapshot.record
    this.schedule = snapshot.schedule
    this.hidden = snapshot.hidden
    this.scheduleLocked = snapshot.scheduleLocked
  }

  /**
   * The status entering Do not disturb switches it on, leaving it switches it off; switching it
   * off elsewhere (the header, the tray) ends a Do not disturb status.
   */
  private followDnd(): void {
    if (this.dndTarget !== null) return
    const wantsDnd = this.resolved.value.status === PresenceStatus.DoNotDisturb
    const { dnd } = this.deps
    if (wantsDnd !== this.resolvedDnd) {
      this.resolvedDnd = wantsDnd
      if (dnd.enabled === wantsDnd) return
      // Published as switched at once; if the switch is refused, the status follows the switch.
      this.dndTarget = wantsDnd
      void dnd.setEnabled(wantsDnd).finally(() => {
        this.dndTarget = null
        this.refresh()
      })
    } else if (wantsDnd && !dnd.enabled && !this.busy) {
      this.resolvedDnd = false
      void this.clear()
    }
  }

  private publish(): void {
    const address = this.deps.sipAddress()
    if (!address || !this.registered || !this.loaded) return
    this.phase = moveStatus(this.phase, phaseOf(this.resolved.source)).phase
    const value = this.current
    const body = buildPidf(`sip:${address}`, value)
    if (body === this.published) return
    this.published = body
    this.publication.beforePublish(address)
    this.deps.phone.publish('presence', pidfContentType, body)
    this.deps.log.write(
      'info',
      'status',
      `published ${value.status}${value.until ? ` until ${value.until}` : ''}`,
    )
  }

  private arm(now: number): void {
    this.deps.clock.clearTimeout(this.timer)
    const wait = this.resolved.changesAt === undefined ? longestWaitMs : this.resolved.changesAt - now
    this.timer = this.deps.clock.setTimeout(() => this.refresh(), Math.max(0, Math.min(wait, longestWaitMs)))
  }
}
