/**
 * Reading a raw SIP message's header lines without the SIP stack's parser: what every received
 * message is asked before the stack parses it (is it a NOTIFY without Subscription-State?).
 */

const COMPACT: Record<string, string> = { v: 'via', f: 'from', t: 'to', i: 'call-id', o: 'event' }

/** Header lines of a raw message, unfolded, names lower-cased (compact forms expanded). */
export function headerLines(text: string): { start: string; headers: Array<[string, string]> } {
  const head = text.split(/\r?\n\r?\n/, 1)[0] ?? ''
  const raw = head.split(/\r?\n/)
  const start = raw.shift() ?? ''
  const unfolded: string[] = []
  for (const line of raw) {
    if (/^[ \t]/.test(line) && unfolded.length > 0) unfolded[unfolded.length - 1] += ` ${line.trim()}`
    else unfolded.push(line)
  }
  const headers: Array<[string, string]> = []
  for (const line of unfolded) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    const name = line.slice(0, colon).trim().toLowerCase()
    headers.push([COMPACT[name] ?? name, line.slice(colon + 1).trim()])
  }
  return { start, headers }
}

/** A NOTIFY request, by its start line (cheap: every received message is asked). */
export const isNotify = (text: string): boolean => /^NOTIFY /i.test(text)

/**
 * Why a request the stack could parse must still be refused 400, or undefined when it may pass:
 * a NOTIFY without Subscription-State (mandatory, RFC 6665 §8.2.3), which SIP.js would answer
 * 489 Bad Event, telling the notifier its event package is unknown.
 */
export function missingHeaderOf(text: string): string | undefined {
  if (!isNotify(text)) return undefined
  const { headers } = headerLines(text)
  return headers.some(([name]) => name === 'subscription-state')
    ? undefined
    : 'NOTIFY without Subscription-State'
}
