import type { TransferProgress } from './types'

/**
 * Maps the message/sipfrag body of a REFER's NOTIFY (e.g. "SIP/2.0 180 Ringing") to transfer
 * progress. Null when the body says nothing we can use (the NOTIFY is still accepted).
 */
export function progressFromSipfrag(body: string | undefined): TransferProgress | null {
  if (!body) return null
  const firstLine = body.trimStart().split(/\r?\n/, 1)[0] ?? ''
  const match = /^SIP\/2\.0\s+(\d{3})(?:\s+(.*))?$/i.exec(firstLine.trim())
  if (!match) return null
  const code = Number(match[1])
  const reason = (match[2] ?? '').slice(0, 80).trim()
  return progressFromStatus(code, reason)
}

export function progressFromStatus(code: number, reason = ''): TransferProgress | null {
  if (!Number.isInteger(code) || code < 100 || code > 699) return null
  if (code === 180 || code === 183) return { state: 'ringing' }
  if (code < 200) return { state: 'trying' }
  if (code < 300) return { state: 'done' }
  return { state: 'failed', message: transferFailureMessage(code, reason) }
}

export function transferFailureMessage(code: number, reason = ''): string {
  const plain: Record<number, string> = {
    404: 'number not found',
    408: 'no answer',
    480: 'not available',
    486: 'busy',
    487: 'cancelled',
    600: 'busy',
    603: 'declined',
  }
  const text = plain[code] ?? (reason || 'failed')
  return `Transfer failed: ${text} (${code})`
}

export function isFinal(progress: TransferProgress): boolean {
  return progress.state === 'done' || progress.state === 'failed'
}
