import type { TransferProgress } from './types'
import { message, type Message } from '../../contract/i18n/message'

/**
 * Maps the message/sipfrag body of a REFER's NOTIFY (e.g. "SIP/2.0 180 Ringing") to transfer
 * progress. Null when the body says nothing we can use (the NOTIFY is still accepted).
 */
export function progressFromSipfrag(body: string | undefined): TransferProgress | null {
  if (!body) return null
  const firstLine = body.trimStart().split(/\r?\n/, 1)[0] ?? ''
  const match = /^SIP\/2\.0\s+(\d{3})(?:\s+(.*))?$/i.exec(firstLine.trim())
  if (!match) return null
  return progressFromStatus(Number(match[1]))
}

export function progressFromStatus(code: number): TransferProgress | null {
  if (!Number.isInteger(code) || code < 100 || code > 699) return null
  if (code === 180 || code === 183) return { state: 'ringing' }
  if (code < 200) return { state: 'trying' }
  if (code < 300) return { state: 'done' }
  return { state: 'failed', message: transferFailureMessage(code) }
}

/** A final failure of a transfer, for the UI: the catalogue words the status code (see call.ts). */
export function transferFailureMessage(code: number): Message {
  return message('transfer.failed-status', { code })
}

export function isFinal(progress: TransferProgress): boolean {
  return progress.state === 'done' || progress.state === 'failed'
}
