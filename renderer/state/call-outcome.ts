import { textLimits } from '../../contract/limits'
import type { CallOutcome, HistoryEntry } from '../../contract/schemas'
import type { CallSnapshot } from '../sip/types'

/** How an ended call goes into the history: the outcome a person would use to describe it. */
export function outcomeOf(call: CallSnapshot): CallOutcome {
  const answered = call.answeredAt !== null
  const incoming = call.direction === 'incoming'
  switch (call.endReason) {
    case 'transferred':
      return 'transferred'
    case 'busy':
      return 'busy'
    case 'rejected':
      return 'rejected'
    case 'failed':
      // an incoming call that failed before we could answer it (e.g. refused on arrival) is one
      // the person missed
      if (answered) return 'answered'
      return incoming ? 'missed' : 'failed'
    case 'no-answer':
      return incoming ? 'missed' : 'failed'
    case 'cancelled':
      return incoming ? 'missed' : 'cancelled'
    case 'local-hangup':
      // Hanging up a ringing incoming call is declining it; an unanswered outgoing one, giving up.
      if (answered) return 'answered'
      return incoming ? 'rejected' : 'cancelled'
    case 'remote-hangup':
    case 'replaced':
    case 'network':
    case null:
      if (answered) return 'answered'
      return incoming ? 'missed' : 'failed'
  }
}

const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text)

export function historyEntryOf(call: CallSnapshot, transferredTo: string, endedAt: number): HistoryEntry {
  const end = call.endedAt ?? endedAt
  const ringEnd = call.answeredAt ?? end
  return {
    id: clip(call.id, textLimits.id),
    direction: call.direction,
    outcome: outcomeOf(call),
    remoteName: clip(call.remoteName, textLimits.remoteName),
    remoteNumber: clip(call.remoteNumber, textLimits.party),
    via: clip(call.via, textLimits.party),
    transferredTo: clip(transferredTo, textLimits.party),
    startedAt: Math.max(0, Math.round(call.createdAt)),
    ringMs: Math.max(0, Math.round(ringEnd - call.createdAt)),
    talkMs: call.answeredAt === null ? 0 : Math.max(0, Math.round(end - call.answeredAt)),
  }
}
