import type { PickupTarget } from './types'

/**
 * The Replaces header (RFC 3891) that picks up a call ringing at a colleague. It goes in an
 * INVITE to the caller, because an early dialog can only be replaced at the UA that initiated
 * it (§3: the callee's phone would answer 481). Tags are from the receiver's side: to-tag is the
 * caller's own tag, from-tag the colleague's. `early-only`: if the colleague answered meanwhile,
 * the caller refuses (486) instead of dropping their call for ours.
 *
 * Everything comes from a NOTIFY body: a value that is not a plain SIP token (RFC 3261 §25.1
 * `word` for the Call-ID) is refused, so nothing can add a header or parameter.
 */
const callIdWord = /^[A-Za-z0-9\-.!%*_+`'~()<>:\\"/[\]?{}]+(@[A-Za-z0-9\-.!%*_+`'~()<>:\\"/[\]?{}]+)?$/
const tagToken = /^[A-Za-z0-9\-.!%*_+`'~]+$/

export function replacesHeader(target: PickupTarget): string | null {
  const { callId, callerTag, calleeTag } = target
  if (callId.length > 256 || callerTag.length > 128 || calleeTag.length > 128) return null
  if (!callIdWord.test(callId) || !tagToken.test(callerTag) || !tagToken.test(calleeTag)) return null
  return `Replaces: ${callId};to-tag=${callerTag};from-tag=${calleeTag};early-only`
}
