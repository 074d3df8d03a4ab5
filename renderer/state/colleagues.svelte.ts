/* eslint-disable svelte/prefer-svelte-reactivity -- the sets and maps here are published whole
   ($state.raw) or are bookkeeping that is never rendered; none is mutated where a view reads it */
import { message } from '../../contract/i18n'
import type { ParleyApi } from '../../contract/ipc'
import { maxWatchedContacts } from '../../contract/limits'
import type { Contact, Preferences } from '../../contract/schemas'
import { parseDialString } from '../dial/dial-string'
import { LampKind } from '../lamps/lamp'
import {
  watchStartsPerTask,
  type WatchNotify,
  type Watcher,
  type WatchStateChange,
} from '../lamps/watch-port'
import type { Log } from '../log/log'
import type { Phone } from '../sip/types'
import { request } from './api'
import { ColleagueLamp } from './colleague-lamp.svelte'
import { TaskSlices } from './tasks'
import type { Say } from './ui.svelte'

export interface ColleaguesDeps {
  api: ParleyApi
  watcher: Watcher
  phone: Pick<Phone, 'pickup'>
  notifier: { announce(message: Say): void; alert(message: Say): void }
  log: Log
  /** The address book as loaded (read through once per use), and a way to hear of each new one. */
  contacts: () => Iterable<Contact>
  onContactsChanged: (listener: () => void) => () => void
  /** Lists only these contacts (null: everyone): the "Watched only" filter. */
  showOnly: (ids: ReadonlySet<string> | null) => void
  /** Places a call as the dial pad would (for the PBX's pickup code). */
  dial: (target: string) => Promise<string | null>
  /** The PBX's pickup code from the admin policy (e.g. "*8"); '' to pick up by Replaces. */
  pickupCode: () => string
  /** The admin policy fixed the watched colleagues (`watchedContacts` locked). */
  locked?: () => boolean
  /** Resolves in a later task (default: tasks.ts' nextTask); tests step the slices by hand. */
  nextTask?: () => Promise<void>
}

const kindOrder: Contact['numbers'][number]['kind'][] = ['extension', 'work', 'mobile', 'home', 'other']

/**
 * What a contact's lamp watches: their extension, else their work number, else the first one
 * that can be dialled (in the form the dial pad would call it). '' when none.
 */
export function watchTargetOf(contact: Contact): string {
  const numbers = [...contact.numbers].sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind))
  for (const number of numbers) {
    const parsed = parseDialString(number.value)
    if (parsed.ok) return parsed.target
  }
  return ''
}

/**
 * Colleagues' lamps: which contacts are watched (the `watchedContacts` preference, so it
 * survives restarts), a presence and a dialog watch per watched contact, their lamps, and the
 * intents on them (star, watch all, pick up a ringing call).
 */
export class ColleaguesState {
  /** Ids of the watched contacts, as stored. */
  watchedIds = $state.raw<ReadonlySet<string>>(new Set())
  /** The contact list shows only watched colleagues. */
  onlyWatched = $state(false)
  /** Lamps by contact id; replaced whole only when the set of watched colleagues changes. */
  private lamps = $state.raw<ReadonlyMap<string, ColleagueLamp>>(new Map())
  private readonly byTarget = new Map<string, ColleagueLamp>()
  /** Lamps whose two watches are yet to start: a board's 500 start a slice per task. */
  private readonly starts: TaskSlices<ColleagueLamp>
  private stopped = false

  constructor(private readonly deps: ColleaguesDeps) {
    this.starts = new TaskSlices((lamp) => this.startWatching(lamp), watchStartsPerTask, deps.nextTask)
  }

  lampOf(contactId: string): ColleagueLamp | undefined {
    return this.lamps.get(contactId)
  }

  /**
   * The admin fixed who is watched: the stars and "Watch all" are shown disabled with the reason
   * (main refuses a change either way; this says so before the user tries).
   */
  get locked(): boolean {
    return this.deps.locked?.() ?? false
  }

  isWatched(contactId: string): boolean {
    return this.watchedIds.has(contactId)
  }

  /** The colleague's lamp says they are in a call, and `number` is the one it watches. */
  isInCallAt(contactId: string, number: string): boolean {
    const lamp = this.lamps.get(contactId)
    if (lamp?.lamp.kind !== LampKind.InCall) return false
    const parsed = parseDialString(number)
    return parsed.ok && parsed.target === lamp.target
  }

  /** Takes the stored preferences (read once at start, and on every change from main). */
  apply(preferences: Preferences): void {
    const ids = preferences.watchedContacts
    if (ids.length === this.watchedIds.size && ids.every((id) => this.watchedIds.has(id))) return
    this.watchedIds = new Set(ids)
    this.reconcile()
  }

  setOnlyWatched(only: boolean): void {
    this.onlyWatched = only
    this.deps.showOnly(only ? this.watchedIds : null)
  }

  /** The star on a contact row. */
  async toggle(contact: Contact): Promise<void> {
    if (this.isWatched(contact.id)) {
      if (await this.store([...this.watchedIds].filter((id) => id !== contact.id)))
        this.deps.notifier.announce(message('say.not-watching', { name: contact.name }))
      return
    }
    if (!watchTargetOf(contact)) {
      this.deps.notifier.alert(message('say.watch-no-number', { name: contact.name }))
      return
    }
    if (await this.store([...this.watchedIds, contact.id]))
      this.deps.notifier.announce(message('say.watching', { name: contact.name }))
  }

  /** "Watch all": every contact with a number (an imported directory of colleagues). */
  async watchAll(): Promise<void> {
    const ids = new Set(this.watchedIds)
    for (const contact of this.deps.contacts()) {
      if (ids.size >= maxWatchedContacts) break
      if (watchTargetOf(contact)) ids.add(contact.id)
    }
    if (await this.store([...ids]))
      this.deps.notifier.announce(message('say.watching-all', { count: ids.size }))
  }

  /**
   * Answers the call ringing at a colleague here: by the PBX's pickup code when the policy sets
   * one, else by an INVITE with Replaces to the caller (the adapter's `pickup`).
   */
  async pickup(contactId: string): Promise<string | null> {
    const colleague = this.lamps.get(contactId)
    const ringing = colleague?.lamp.ringing
    if (!colleague || !ringing) {
      const name = colleague?.name ?? this.contactNamed(contactId)
      this.deps.notifier.alert(message('say.pickup-not-ringing', { name }))
      return null
    }
    this.deps.notifier.announce(message('say.picking-up', { name: colleague.name }))
    const code = this.deps.pickupCode()
    if (code) return this.deps.dial(`${code}${colleague.target}`)
    return this.deps.phone.pickup({
      caller: ringing.remoteIdentity || ringing.remoteTarget,
      callerName: ringing.remoteDisplay,
      callId: ringing.callId,
      callerTag: ringing.remoteTag,
      calleeTag: ringing.localTag,
    })
  }

  start(): () => void {
    const stops = [
      this.deps.watcher.onNotify((notify) => this.onNotify(notify)),
      this.deps.watcher.onWatchState((change) => this.onWatchState(change)),
      this.deps.api.on('preferences-changed', (preferences) => this.apply(preferences)),
      this.deps.onContactsChanged(() => this.reconcile()),
    ]
    this.reconcile()
    return () => {
      stops.forEach((stop) => stop())
      this.stopped = true
      this.reconcile()
    }
  }

  /** The name of the contact with this id in the address book ('' when none). */
  private contactNamed(contactId: string): string {
    for (const contact of this.deps.contacts()) if (contact.id === contactId) return contact.name
    return ''
  }

  /** Watches exactly the watched contacts that have a number; keeps unchanged lamps as they are. */
  private reconcile(): void {
    const watched = this.watchedIds
    // Nobody watched: no need to read 10,000 contacts' ids out of the packed book.
    const contacts = this.stopped || watched.size === 0 ? [] : this.deps.contacts()
    const next = new Map<string, ColleagueLamp>()
    const taken = new Set<string>()
    for (const contact of contacts) {
      if (!watched.has(contact.id)) continue
      const target = watchTargetOf(contact)
      if (!target) continue
      if (taken.has(target)) {
        this.log(`two watched contacts share ${target}: the first one's lamp shows it`)
        continue
      }
      taken.add(target)
      const existing = this.lamps.get(contact.id)
      if (existing && existing.target === target) {
        existing.name = contact.name
        next.set(contact.id, existing)
      } else {
        next.set(contact.id, new ColleagueLamp(contact.id, target, contact.name))
      }
    }
    for (const lamp of this.lamps.values()) {
      if (next.get(lamp.contactId) === lamp) continue
      if (this.byTarget.get(lamp.target) === lamp) this.byTarget.delete(lamp.target)
      if (this.starts.remove(lamp)) continue // its watches never started
      this.deps.watcher.unwatch(lamp.target, 'presence')
      this.deps.watcher.unwatch(lamp.target, 'dialog')
    }
    const added: ColleagueLamp[] = []
    for (const lamp of next.values()) {
      if (this.byTarget.get(lamp.target) === lamp) continue
      this.byTarget.set(lamp.target, lamp)
      added.push(lamp)
    }
    this.lamps = next
    this.starts.addAll(added)
    if (this.onlyWatched && !this.stopped) this.deps.showOnly(watched)
  }

  private startWatching(lamp: ColleagueLamp): void {
    this.deps.watcher.watch(lamp.target, 'presence')
    this.deps.watcher.watch(lamp.target, 'dialog')
  }

  private onNotify(notify: WatchNotify): void {
    if (notify.event === 'message-summary') return // the voicemail indicator's, not a lamp's
    const lamp = this.byTarget.get(notify.target)
    if (!lamp) return this.log(`${notify.event} NOTIFY for a target no lamp watches: ignored`)
    const problem = lamp.take(notify)
    if (problem) this.log(`${lamp.target}: ${problem}`)
  }

  private onWatchState(change: WatchStateChange): void {
    const lamp = this.byTarget.get(change.target)
    if (!lamp) return
    lamp.setState(change)
    if (change.state === 'failed' || change.state === 'terminated')
      this.log(
        `${lamp.target}: ${change.event} watch ${change.state}${change.reason ? ` (${change.reason})` : ''}`,
      )
  }

  /** Stores the watched ids; on refusal the old set stays and the reason is said. */
  private async store(ids: string[]): Promise<boolean> {
    const before = this.watchedIds
    this.watchedIds = new Set(ids)
    this.reconcile()
    const result = await request(this.deps.api, 'preferences:update', { watchedContacts: ids })
    if (result.ok) return true
    this.watchedIds = before
    this.reconcile()
    this.deps.notifier.alert(message('say.watch-not-saved', { reason: result.message }))
    return false
  }

  private log(text: string): void {
    this.deps.log.write('warn', 'lamps', text)
  }
}
