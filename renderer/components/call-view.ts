import { CallPhase, type CallSnapshot } from '../sip/types'

/** The state text on a call card. */
export function callStateText(call: CallSnapshot): string {
  switch (call.phase) {
    case CallPhase.Dialing:
      return 'Calling…'
    case CallPhase.Alerting:
      return 'Ringing'
    case CallPhase.Ringing:
      return 'Incoming call'
    case CallPhase.Active:
      return 'Connected'
    case CallPhase.Held:
      return 'On hold'
    case CallPhase.Ended:
      return 'Ended'
  }
}

export function endedText(call: CallSnapshot): string {
  switch (call.endReason) {
    case 'busy':
      return 'Busy'
    case 'rejected':
      return 'Declined'
    case 'no-answer':
      return 'No answer'
    case 'failed':
    case 'network':
      return call.message || 'Call failed'
    case 'transferred':
      return 'Transferred'
    default:
      return ''
  }
}

export const isConnected = (call: CallSnapshot) =>
  call.phase === CallPhase.Active || call.phase === CallPhase.Held
