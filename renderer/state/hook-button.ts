import type { HeadsetButton } from '../../contract/ipc'
import { CallPhase, type CallSnapshot } from '../sip/types'

/** What a press of the headset's call button does, and to which call. */
export type HookAction =
  { kind: 'answer' | 'hangup' | 'resume' | 'reject'; callId: string } | { kind: 'none'; callId: null }

type CallLike = Pick<CallSnapshot, 'id' | 'phase'>

const none: HookAction = { kind: 'none', callId: null }
const isOutgoingInProgress = (call: CallLike) =>
  call.phase === CallPhase.Dialing || call.phase === CallPhase.Alerting

/**
 * The headset button as a desk phone's hook: play/pause answers a ringing call (answer then holds
 * the active one), else hangs up the call that is up (talking, or still calling out), else resumes
 * the one held call left. Stop only ever ends: the call that is up, else the ringing one.
 * With several held calls and nothing else, nothing happens: the person picks one on screen.
 */
export function hookButtonAction(button: HeadsetButton, calls: readonly CallLike[]): HookAction {
  const ringing = calls.find((call) => call.phase === CallPhase.Ringing)
  const up =
    calls.find((call) => call.phase === CallPhase.Active) ?? calls.find((call) => isOutgoingInProgress(call))
  if (button === 'stop') {
    if (up) return { kind: 'hangup', callId: up.id }
    if (ringing) return { kind: 'reject', callId: ringing.id }
    return none
  }
  if (ringing) return { kind: 'answer', callId: ringing.id }
  if (up) return { kind: 'hangup', callId: up.id }
  const live = calls.filter((call) => call.phase !== CallPhase.Ended)
  const only = live.length === 1 ? live[0] : undefined
  if (only?.phase === CallPhase.Held) return { kind: 'resume', callId: only.id }
  return none
}
