import type { HistoryEntry, HistoryQuery } from './schemas'

/**
 * Which calls a history filter shows. Main's index filters with it, and the window uses it to
 * place a call it just recorded without asking main for the whole page again.
 */
export function matchesHistoryFilter(entry: HistoryEntry, filter: HistoryQuery['filter']): boolean {
  switch (filter) {
    case 'all':
      return true
    case 'missed':
      return entry.outcome === 'missed'
    case 'incoming':
    case 'outgoing':
      return entry.direction === filter
  }
}
