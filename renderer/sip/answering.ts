import type { Call } from './call'
import type { CallMedia } from './call-media'
import type { CallRegistry } from './call-registry'
import { logged, type PhoneContext } from './context'
import { terminateCall } from './ending'
import type { SessionOps } from './session-ops'
import type { SipInvitation } from './stack'
import { CallPhase } from './types'
import { messageOf } from '../../contract/error-message'
import { message } from '../../contract/i18n/message'

export interface AnsweringDeps {
  context: PhoneContext
  calls: CallRegistry
  sessions: SessionOps
  media: CallMedia
}

/** Answers a ringing incoming call, holding the one we talk on first (one talker at a time). */
export async function answerCall(deps: AnsweringDeps, callId: string): Promise<void> {
  const call = ringingIncoming(deps, callId, 'answer')
  if (!call) return
  await deps.sessions.holdOthers(call.id)
  if (call.isEnded) return
  call.expectEnd('failed', message('call.answer-failed'))
  try {
    // our 2xx carries the session timer agreed while it rang (RFC 4028)
    await deps.sessions.accept(call, call.session as SipInvitation)
  } catch (error) {
    deps.context.log(`answer failed: ${messageOf(error)}`)
    terminateCall(deps.context, call, 'failed', message('call.answer-failed'))
  }
}

/** Turns a ringing incoming call away: 486 Busy Here, or 603 Decline. */
export async function rejectCall(
  deps: AnsweringDeps,
  callId: string,
  kind: 'busy' | 'decline',
): Promise<void> {
  const call = ringingIncoming(deps, callId, 'reject')
  if (!call) return
  call.expectEnd('rejected')
  try {
    await (call.session as SipInvitation).reject({ statusCode: kind === 'decline' ? 603 : 486 })
  } catch (error) {
    call.end(
      'rejected',
      logged(deps.context.log, 'rejecting the call failed', error, message('call.reject-failed')),
    )
  }
}

function ringingIncoming(deps: AnsweringDeps, callId: string, action: 'answer' | 'reject'): Call | undefined {
  const call = deps.calls.find(callId)
  if (!call) return undefined
  if (call.direction !== 'incoming' || call.phase !== CallPhase.Ringing) {
    deps.context.error(
      message(action === 'answer' ? 'call.answer-needs-ringing' : 'call.reject-needs-ringing'),
    )
    return undefined
  }
  return call
}
