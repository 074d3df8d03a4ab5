/**
 * An answer for a request the SIP stack cannot parse (SIP.js drops those without a word, so the
 * caller would wait for the proxy's timeout). Works on the raw text: only the headers a response
 * needs (Via, From, To, Call-ID, CSeq) must be readable. Loaded when first needed (sipjs.ts):
 * not in the code that runs before "Registered".
 */
import { headerLines } from './raw-message'

export interface RefusedRequest {
  method: string
  /** The raw From header value ('' if none), for a missed-call entry. */
  from: string
  status: number
}

const UNPARSABLE = 'Malformed request: a header could not be parsed'

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
