/**
 * An answer for a request the SIP stack cannot parse (SIP.js drops those without a word, so the
 * caller would wait for the proxy's timeout). Works on the raw text: only the headers a response
 * needs (Via, From, To, Call-ID, CSeq) must be readable.
 */

export interface RefusedRequest {
  method: string
  /** The raw From header value ('' if none), for a missed-call entry. */
  from: string
  status: number
}

const COMPACT: Record<string, string> = { v: 'via', f: 'from', t: 'to', i: 'call-id', o: 'event' }

const UNPARSABLE = 'Malformed request: a header could not be parsed'

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

/**
 * The 400 for an unparsable request (or one `missingHeaderOf` names), or null when there is
 * nothing to answer (a response, an ACK, or a request without the headers a response is built
 * from). `warning` says why, in the Warning header.
 */
export function refusalOf(
  text: string,
  tag: string,
  warning = UNPARSABLE,
): { response: string; refused: RefusedRequest } | null {
  const { start, headers } = headerLines(text)
  const request = /^([A-Za-z]+) \S+ SIP\/2\.0$/.exec(start.trim())
  if (!request?.[1]) return null
  const method = request[1].toUpperCase()
  if (method === 'ACK') return null
  const all = (name: string) => headers.filter(([n]) => n === name).map(([, value]) => value)
  const one = (name: string) => all(name)[0]
  const vias = all('via')
  const from = one('from')
  const to = one('to')
  const callId = one('call-id')
  const cseq = one('cseq')
  if (vias.length === 0 || from === undefined || to === undefined || !callId || !cseq) return null
  const lines = [
    'SIP/2.0 400 Bad Request',
    ...vias.map((via) => `Via: ${via}`),
    `From: ${from}`,
    `To: ${/;\s*tag=/i.test(to) ? to : `${to};tag=${tag}`}`,
    `Call-ID: ${callId}`,
    `CSeq: ${cseq}`,
    `Warning: 399 parley "${warning}"`,
    'Content-Length: 0',
    '',
    '',
  ]
  return { response: lines.join('\r\n'), refused: { method, from, status: 400 } }
}
