import type { Call } from './call'
import type { PhoneContext } from './context'
import type { Message } from '../../contract/i18n/message'
import { messageOf } from '../../contract/error-message'
import type { SipInvitation, SipInviter } from './stack'
import type { CallEndReason } from './types'

/** However long the network takes, a call we end leaves the UI by then. */
export const END_DEADLINE_MS = 2000

/** Ends a call whatever state its session is in; the UI never keeps a stuck call. */
export function terminateCall(
  context: PhoneContext,
  call: Call,
  reason: CallEndReason,
  text: Message | null = null,
): void {
  if (call.isEnded) return
  call.expectEnd(reason, text)
  const session = call.session
  const endNow = () => call.end(reason, text)
  try {
    switch (session.state) {
      case 'Initial':
      case 'Establishing':
        if (call.direction === 'outgoing') void (session as SipInviter).cancel().catch(endNow)
        else if (session.state === 'Initial')
          void (session as SipInvitation).reject({ statusCode: 486 }).catch(endNow)
        else void session.dispose().catch((error: unknown) => context.log(`dispose: ${messageOf(error)}`))
        break
      case 'Established':
        void session.bye().catch(endNow)
        break
      default:
        break
    }
  } catch (error) {
    context.log(`terminate: ${messageOf(error)}`)
  }
  // A session that does not reach Terminated (no network, no answer) still leaves the UI.
  context.deps.clock.setTimeout(endNow, END_DEADLINE_MS)
  if (session.state === 'Terminated') endNow()
}
