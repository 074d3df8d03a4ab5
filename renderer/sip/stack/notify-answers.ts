import { headerLines, isNotify } from './raw-message'

/** A NOTIFY answered with a refusal (≥ 300): its event package and our answer, for one log line. */
export interface RefusedNotify {
  event: string
  status: number
  reason: string
}

/** NOTIFYs remembered until their answer goes out (answers follow at once; a few suffice). */
const REMEMBERED = 32

const keyOf = (headers: Array<[string, string]>): string | undefined => {
  const callId = headers.find(([name]) => name === 'call-id')?.[1]
  const cseq = headers.find(([name]) => name === 'cseq')?.[1]
  return callId && cseq ? `${callId} ${cseq.split(/\s+/)[0] ?? ''}` : undefined
}

/**
 * Pairs each NOTIFY received with the answer sent to it, on the raw texts. SIP.js refuses some
 * NOTIFYs by itself without a word (489 for an Event its subscription did not ask for, 481 for
 * a dialog it does not know), the port refuses others (400): every refusal is reported here,
 * once, whoever made it.
 */
export class NotifyAnswers {
  /** The event package of each NOTIFY awaiting its answer; null when it is reported elsewhere. */
  private readonly events = new Map<string, string | null>()

  received(text: string): void {
    if (!isNotify(text)) return
    const { headers } = headerLines(text)
    const key = keyOf(headers)
    if (!key) return
    const event = headers.find(([name]) => name === 'event')?.[1] ?? ''
    this.events.delete(key)
    this.events.set(key, (event.split(';')[0] ?? '').trim().slice(0, 40))
    if (this.events.size > REMEMBERED) this.events.delete(this.events.keys().next().value as string)
  }

  /** A NOTIFY received whose refusal is reported elsewhere (as unreadable): not here too. */
  reportedElsewhere(text: string): void {
    if (!isNotify(text)) return
    const key = keyOf(headerLines(text).headers)
    if (key && this.events.has(key)) this.events.set(key, null)
  }

  /** The refusal `text` carries, when it answers a NOTIFY with ≥ 300; null otherwise. */
  sent(text: string): RefusedNotify | null {
    if (!text.startsWith('SIP/2.0 ')) return null
    const { start, headers } = headerLines(text)
    const status = /^SIP\/2\.0 (\d{3}) ?(.*)$/.exec(start.trim())
    if (!status) return null
    const cseq = headers.find(([name]) => name === 'cseq')?.[1] ?? ''
    if (!/\sNOTIFY$/i.test(cseq.trim())) return null
    const key = keyOf(headers)
    const event = key ? this.events.get(key) : undefined
    if (key) this.events.delete(key)
    const code = Number(status[1])
    if (code < 300 || event === null) return null
    return { event: event || 'no Event', status: code, reason: (status[2] ?? '').slice(0, 60) }
  }
}
