import { message, type Message } from './i18n'
import type { HistoryEntry } from './schemas'

/**
 * The words for a call's direction and outcome, in the catalogue: the history screen and the
 * CSV export (main) say the same thing, so the rule for which word fits lives here once.
 * An incoming call that was answered was "Answered"; an outgoing one "Connected".
 */
export function outcomeText(entry: HistoryEntry): Message {
  const incoming = entry.direction === 'incoming'
  switch (entry.outcome) {
    case 'answered':
      return message(incoming ? 'history.answered' : 'history.connected')
    case 'missed':
      return message('history.missed')
    case 'rejected':
      return message(incoming ? 'history.rejected' : 'history.declined')
    case 'busy':
      return message('history.busy')
    case 'failed':
      return message(incoming ? 'history.failed' : 'history.no-answer-or-failed')
    case 'transferred':
      return entry.transferredTo
        ? message('history.transferred-to', { target: entry.transferredTo })
        : message('history.transferred')
    case 'cancelled':
      return message('history.cancelled')
  }
}

export function directionText(entry: HistoryEntry): Message {
  return message(entry.direction === 'incoming' ? 'history.direction-incoming' : 'history.direction-outgoing')
}
