import { message, type Message } from '../../contract/i18n'
import { CallPhase, type CallSnapshot } from '../sip/types'

const phaseKeys = {
  [CallPhase.Dialing]: 'call.phase-dialing',
  [CallPhase.Alerting]: 'call.phase-alerting',
  [CallPhase.Ringing]: 'call.phase-ringing',
  [CallPhase.Active]: 'call.phase-active',
  [CallPhase.Held]: 'call.phase-held',
  [CallPhase.Ended]: 'call.phase-ended',
} as const

/** The state text on a call card. */
export function callStateText(call: CallSnapshot): Message {
  return message(phaseKeys[call.phase])
}

/** Why an ended call ended, when that is worth saying; null otherwise. */
export function endedText(call: CallSnapshot): Message | null {
  switch (call.endReason) {
    case 'busy':
      return message('call.ended-busy')
    case 'rejected':
      return message('call.ended-declined')
    case 'no-answer':
      return message('call.ended-no-answer')
    case 'failed':
    case 'network':
      return call.message ?? message('call.failed')
    case 'transferred':
      return message('call.ended-transferred')
    case 'remote-hangup':
      // e.g. the other side hung up while our connection was down
      return call.message
    default:
      return null
  }
}

export const isConnected = (call: CallSnapshot) =>
  call.phase === CallPhase.Active || call.phase === CallPhase.Held
