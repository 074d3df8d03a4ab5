import type { HistoryPage } from '../../contract/ipc'
import type { HistoryEntry, HistoryQuery } from '../../contract/schemas'
import { digitsOf, foldText, looksLikeNumber } from '../../contract/search-text'
import { matchesHistoryFilter } from '../../contract/history-filter'
import type { LogRecord } from './history-log'

/**
 * The whole call history held in memory, ordered by start time, with each call's search text
 * folded once (not per query). Queries then scan from the newest end, so the first page of an
 * unfiltered view is a slice and a search is one pass of `includes` over 50,000 strings.
 *
 * "Seen" is positional: every record gets a sequence number in arrival order, and a missed call
 * counts as unseen when it arrived after the last time the user looked at the list.
 */

interface IndexedCall {
  entry: HistoryEntry
  seq: number
  /** Folded name, number, via and transfer target, for word search ('' until keyed). */
  text: string
  /** Digits of the number and of the via party, "|" between so a match never spans both. */
  digits: string
}

function computeKeys(call: IndexedCall): void {
  const { entry } = call
  call.text = foldText(`${entry.remoteName} ${entry.remoteNumber} ${entry.via} ${entry.transferredTo}`)
  call.digits = `${digitsOf(entry.remoteNumber)}|${digitsOf(entry.via)}`
}

const isMissed = (entry: HistoryEntry) => entry.outcome === 'missed'

function comesBefore(a: IndexedCall, b: IndexedCall): boolean {
  return a.entry.startedAt < b.entry.startedAt || (a.entry.startedAt === b.entry.startedAt && a.seq < b.seq)
}

type Predicate = (call: IndexedCall) => boolean

function filterPredicate(filter: HistoryQuery['filter']): Predicate | null {
  return filter === 'all' ? null : (call) => matchesHistoryFilter(call.entry, filter)
}

function searchPredicate(search: string): Predicate | null {
  if (search.trim() === '') return null
  if (looksLikeNumber(search)) {
    const digits = digitsOf(search)
    return (call) => call.digits.includes(digits)
  }
  const tokens = foldText(search).trim().split(/\s+/)
  return (call) => tokens.every((token) => call.text.includes(token))
}

export class HistoryIndex {
  /** Oldest first; the newest call is at the end. */
  private readonly ordered: IndexedCall[] = []
  private readonly byId = new Map<string, IndexedCall>()
  private nextSeq = 0
  /** Calls with a sequence number up to this one have been seen. */
  private seenThroughSeq = -1
  private unseenMissed = 0
  /** Calls whose search keys are not computed yet (see warmSearchKeys). */
  private unkeyed: IndexedCall[] = []
  private unkeyedFrom = 0

  get size(): number {
    return this.ordered.length
  }

  get missedUnseen(): number {
    return this.unseenMissed
  }

  /** Adds a call; a call with an id already present replaces the old record. */
  add(entry: HistoryEntry): void {
    const existing = this.byId.get(entry.id)
    if (existing) this.remove(existing)
    const call: IndexedCall = { entry, seq: this.nextSeq++, text: '', digits: '' }
    this.unkeyed.push(call)
    const at = this.insertionPoint(call)
    if (at === this.ordered.length) this.ordered.push(call)
    else this.ordered.splice(at, 0, call)
    this.byId.set(entry.id, call)
    if (this.isUnseenMissed(call)) this.unseenMissed++
  }

  /**
   * Loads a whole file's records into an empty index with one sort (O(n log n)), whatever
   * their order: inserting one by one costs a shift per call when calls arrive oldest last.
   * Same result as applying the records in turn: a later record with the same id replaces the
   * earlier one, and the seen mark covers the calls before it.
   */
  load(records: readonly LogRecord[]): void {
    this.clear()
    const latest = new Map<string, IndexedCall>()
    for (const record of records) {
      if (record.kind === 'seen') {
        this.seenThroughSeq = this.nextSeq - 1
        continue
      }
      const call: IndexedCall = { entry: record.entry, seq: this.nextSeq++, text: '', digits: '' }
      latest.set(record.entry.id, call)
    }
    const calls = [...latest.values()]
    this.unkeyed = [...calls]
    calls.sort((a, b) => a.entry.startedAt - b.entry.startedAt || a.seq - b.seq)
    for (const call of calls) {
      this.ordered.push(call)
      this.byId.set(call.entry.id, call)
      if (this.isUnseenMissed(call)) this.unseenMissed++
    }
  }

  markSeen(): void {
    this.seenThroughSeq = this.nextSeq - 1
    this.unseenMissed = 0
  }

  delete(id: string): boolean {
    const call = this.byId.get(id)
    if (!call) return false
    this.remove(call)
    return true
  }

  clear(): void {
    this.unkeyed = []
    this.unkeyedFrom = 0
    this.ordered.length = 0
    this.byId.clear()
    this.unseenMissed = 0
    this.seenThroughSeq = this.nextSeq - 1
  }

  /** Drops the oldest calls beyond `limit`; answers how many went. */
  pruneTo(limit: number): number {
    const excess = this.ordered.length - limit
    if (excess <= 0) return 0
    for (const call of this.ordered.splice(0, excess)) {
      this.byId.delete(call.entry.id)
      if (this.isUnseenMissed(call)) this.unseenMissed--
    }
    return excess
  }

  /**
   * Computes search keys for up to `budget` calls; true when none are left. Loading 50,000
   * calls defers this work so start-up only parses; the store finishes it in the background,
   * and a search that comes first finishes it on the spot.
   */
  warmSearchKeys(budget = Number.POSITIVE_INFINITY): boolean {
    const end = Math.min(this.unkeyed.length, this.unkeyedFrom + budget)
    for (let index = this.unkeyedFrom; index < end; index++) computeKeys(this.unkeyed[index] as IndexedCall)
    this.unkeyedFrom = end
    if (end < this.unkeyed.length) return false
    this.unkeyed = []
    this.unkeyedFrom = 0
    return true
  }

  query(query: HistoryQuery): HistoryPage {
    const filter = filterPredicate(query.filter)
    const search = searchPredicate(query.search)
    if (search) this.warmSearchKeys()
    const end = query.offset + query.limit
    const entries: HistoryEntry[] = []
    if (!filter && !search) {
      for (let rank = query.offset; rank < end && rank < this.ordered.length; rank++) {
        const call = this.ordered[this.ordered.length - 1 - rank]
        if (call) entries.push(call.entry)
      }
      return { entries, total: this.ordered.length, missedUnseen: this.unseenMissed }
    }
    let total = 0
    for (let index = this.ordered.length - 1; index >= 0; index--) {
      const call = this.ordered[index] as IndexedCall
      if (filter && !filter(call)) continue
      if (search && !search(call)) continue
      if (total >= query.offset && total < end) entries.push(call.entry)
      total++
    }
    return { entries, total, missedUnseen: this.unseenMissed }
  }

  newestFirst(): HistoryEntry[] {
    const entries: HistoryEntry[] = []
    for (let index = this.ordered.length - 1; index >= 0; index--)
      entries.push((this.ordered[index] as IndexedCall).entry)
    return entries
  }

  /** What a rewritten file must hold to load back into this same state: calls in arrival order, the seen mark in place. */
  toRecords(now: number): LogRecord[] {
    const calls = [...this.byId.values()].sort((a, b) => a.seq - b.seq)
    const records: LogRecord[] = []
    let markWritten = false
    for (const call of calls) {
      if (!markWritten && call.seq > this.seenThroughSeq) {
        records.push({ kind: 'seen', at: now })
        markWritten = true
      }
      records.push({ kind: 'call', entry: call.entry })
    }
    if (!markWritten) records.push({ kind: 'seen', at: now })
    return records
  }

  private isUnseenMissed(call: IndexedCall): boolean {
    return isMissed(call.entry) && call.seq > this.seenThroughSeq
  }

  private remove(call: IndexedCall): void {
    const index = this.indexOf(call)
    if (index >= 0) this.ordered.splice(index, 1)
    this.byId.delete(call.entry.id)
    if (this.isUnseenMissed(call)) this.unseenMissed--
  }

  /** First position whose call comes after `call` (calls mostly arrive newest, so this is usually the end). */
  private insertionPoint(call: IndexedCall): number {
    const last = this.ordered[this.ordered.length - 1]
    if (!last || comesBefore(last, call)) return this.ordered.length
    let low = 0
    let high = this.ordered.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (comesBefore(this.ordered[middle] as IndexedCall, call)) low = middle + 1
      else high = middle
    }
    return low
  }

  private indexOf(call: IndexedCall): number {
    const index = this.insertionPoint(call)
    return this.ordered[index] === call ? index : this.ordered.indexOf(call)
  }
}
