import { startOfDay, type DateFormats } from '../../contract/i18n'
import type { HistoryEntry } from '../../contract/schemas'
import { formatDuration } from './format'

export interface HistoryRow {
  entry: HistoryEntry
  /** Day heading shown above the first entry of each day (entries come newest first). */
  day: string | null
}

/** `dates` are the current language's (cached) formatters: one set for all rows. */
export function historyRows(entries: readonly HistoryEntry[], now: number, dates: DateFormats): HistoryRow[] {
  let previousDay = Number.NaN
  return entries.map((entry) => {
    const day = startOfDay(entry.startedAt)
    const first = day !== previousDay
    previousDay = day
    return { entry, day: first ? dates.day(entry.startedAt, now) : null }
  })
}

/**
 * The times after the outcome: talk time first (it matters most), the time of day last, so a
 * narrow column cuts the least useful part: " · 00:03 · 16:02".
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

/** True when the entry has a line below its outcome (a number under the name, or "via …"). */
export function hasContext(entry: HistoryEntry): boolean {
  const { number, via } = contextParts(entry)
  return number !== '' || via !== ''
}
