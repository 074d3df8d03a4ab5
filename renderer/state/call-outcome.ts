import { textLimits } from '../../contract/limits'
import type { CallOutcome, HistoryEntry } from '../../contract/schemas'
import { message, type Message } from '../../contract/i18n'
import type { CallSnapshot } from '../sip/types'
import type { Say } from './ui.svelte'

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

/**
 * What the live region says when a call ends (its card leaves the call area within a second,
 * so the words must carry the end). Nothing for a transferred or replaced call: the transfer
 * (or the call that replaced it) says what happened.
 */
export function endedAnnouncement(call: CallSnapshot, party: Say): Message | null {
  if (call.endReason === 'transferred' || call.endReason === 'replaced') return null
  switch (outcomeOf(call)) {
    case 'missed':
      return message('say.call-missed', { party })
    case 'busy':
      return message('say.call-busy', { party })
    default:
      return message('say.call-ended', { party })
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
