import { message, type Message } from '../../contract/i18n/message'

/**
 * Why a call's microphone would not open, for the user: worded by the browser's error name
 * (a DOMException's `name` is a stable code; its `message` is the browser's own English, which
 * goes to the log instead).
 */
export function microphoneFailure(error: unknown): Message {
  const name = error instanceof Error ? error.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return message('call.microphone-denied')
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return message('call.microphone-missing')
  if (name === 'NotReadableError' || name === 'AbortError') return message('call.microphone-busy')
  return message('call.microphone-failed')
}
