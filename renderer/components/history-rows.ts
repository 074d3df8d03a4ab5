import type { HistoryEntry } from '../../contract/schemas'
import { dayLabel, formatDuration, startOfDay } from './format'

export interface HistoryRow {
  entry: HistoryEntry
  /** Day heading shown above the first entry of each day (entries come newest first). */
  day: string | null
}

export function historyRows(entries: readonly HistoryEntry[], now: number): HistoryRow[] {
  let previousDay = Number.NaN
  return entries.map((entry) => {
    const day = startOfDay(entry.startedAt)
    const first = day !== previousDay
    previousDay = day
    return { entry, day: first ? dayLabel(entry.startedAt, now) : null }
  })
}

export function outcomeText(entry: HistoryEntry): string {
  switch (entry.outcome) {
    case 'answered':
      return entry.direction === 'incoming' ? 'Answered' : 'Connected'
    case 'missed':
      return 'Missed'
    case 'rejected':
      return entry.direction === 'incoming' ? 'Rejected' : 'Declined'
    case 'busy':
      return 'Busy'
    case 'failed':
      return entry.direction === 'outgoing' ? 'No answer or failed' : 'Failed'
    case 'transferred':
      return entry.transferredTo ? `Transferred to ${entry.transferredTo}` : 'Transferred'
    case 'cancelled':
      return 'Cancelled'
  }
}

/**
 * The times after the outcome: talk time first (it matters most), the time of day last, so a
 * narrow column cuts the least useful part: " · 00:03 · 04:02 PM".
 */
export function entryTimes(entry: HistoryEntry, timeOfDay: string): string {
  const talk = entry.talkMs > 0 ? ` · ${formatDuration(entry.talkMs)}` : ''
  return `${talk} · ${timeOfDay}`
}

/**
 * The line below the outcome: the number when the name is shown above it, and the number the
 * call came through ("4102 · via switchboard"); '' when there is neither.
 */
/** The number under a shown name, and the party the call came through ('' when none). */
export function contextParts(entry: HistoryEntry): { number: string; via: string } {
  return { number: entry.remoteName && entry.remoteNumber ? entry.remoteNumber : '', via: entry.via }
}

export function entryContext(entry: HistoryEntry): string {
  const { number, via } = contextParts(entry)
  return [number, via ? `via ${via}` : ''].filter((part) => part !== '').join(' · ')
}
