import type { HistoryEntry } from '../../contract/schemas'
import { dayLabel, startOfDay } from './format'

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
