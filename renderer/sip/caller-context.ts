/**
 * Who is calling, and through which number, from raw SIP header text. Pure and total: any
 * input (HTML, right-to-left overrides, 6 kB names, broken syntax) gives plain text or ''.
 * The UI renders the result as text; this module only keeps it sane and short.
 */

import { plainDisplayText } from '../../contract/display-text'

export const MAX_NAME_LENGTH = 128
export const MAX_NUMBER_LENGTH = 64
/** Header values longer than this are cut before parsing (a hostile peer can send megabytes). */
const MAX_HEADER_LENGTH = 8192

export interface NameAddr {
  name: string
  uri: string
}

export interface CallerContext {
  name: string
  number: string
  via: string
}

/** Header lookup: every value of a header (case-insensitive name), in message order. */
export type HeaderLookup = (name: string) => string[]

/** Plain, single-line, bounded text (controls and invisible bidi marks gone: contract/display-text). */
export function sanitizeText(value: string, maxLength: number = MAX_NAME_LENGTH): string {
  const cleaned = plainDisplayText(value)
  const codePoints = Array.from(cleaned)
  if (codePoints.length <= maxLength) return cleaned
  return (
    codePoints
      .slice(0, maxLength - 1)
      .join('')
      .trimEnd() + '…'
  )
}

/** Splits a header value on commas that are outside quotes and angle brackets. */
export function splitHeaderValues(raw: string): string[] {
  const values: string[] = []
  let current = ''
  let inQuotes = false
  let inAngle = false
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string
    if (inQuotes) {
      current += ch
      if (ch === '\\' && i + 1 < raw.length) {
        current += raw[++i] as string
      } else if (ch === '"') {
        inQuotes = false
      }
      continue
    }
    if (ch === '"') inQuotes = true
    else if (ch === '<') inAngle = true
    else if (ch === '>') inAngle = false
    else if (ch === ',' && !inAngle) {
      if (current.trim()) values.push(current.trim())
      current = ''
      continue
    }
    current += ch
  }
  if (current.trim()) values.push(current.trim())
  return values
}

/** Parses `"Name" <uri>;params`, `Name <uri>` or a bare `uri;params`. Null when unusable. */
export function parseNameAddr(raw: string): NameAddr | null {
  const text = raw.slice(0, MAX_HEADER_LENGTH).trim()
  if (!text) return null
  let name = ''
  let rest = text
  if (text.startsWith('"')) {
    let i = 1
    let quoted = ''
    let closed = false
    while (i < text.length) {
      const ch = text[i] as string
      if (ch === '\\' && i + 1 < text.length) {
        quoted += text[i + 1] as string
        i += 2
        continue
      }
      if (ch === '"') {
        closed = true
        i++
        break
      }
      quoted += ch
      i++
    }
    if (!closed) return null
    name = quoted
    rest = text.slice(i).trim()
  }
  const open = rest.indexOf('<')
  let uri: string
  if (open >= 0) {
    const close = rest.indexOf('>', open + 1)
    if (close < 0) return null
    if (!name) name = rest.slice(0, open).trim()
    uri = rest.slice(open + 1, close).trim()
  } else {
    if (name) return null
    // addr-spec without brackets: parameters after ';' belong to the header, not the URI
    uri = (rest.split(';')[0] ?? '').trim()
  }
  if (!/^[a-z][a-z0-9+.-]*:/i.test(uri)) return null
  return { name: sanitizeText(name), uri }
}

/** The user part of a sip:/sips:/tel: URI, decoded and bounded; '' when there is none. */
export function numberFromUri(uri: string): string {
  const match = /^([a-z][a-z0-9+.-]*):(.*)$/i.exec(uri.trim())
  if (!match) return ''
  const scheme = (match[1] as string).toLowerCase()
  let rest = (match[2] as string).split('?')[0] as string
  let user: string
  if (scheme === 'tel') {
    user = rest.split(';')[0] as string
  } else if (scheme === 'sip' || scheme === 'sips') {
    const at = rest.lastIndexOf('@')
    if (at < 0) return ''
    rest = rest.slice(0, at)
    user = (rest.split(';')[0] as string).split(':')[0] as string
  } else {
    return ''
  }
  let decoded = user
  try {
    decoded = decodeURIComponent(user)
  } catch {
    // keep the raw text: a broken %-escape must not hide the number
  }
  return sanitizeText(decoded, MAX_NUMBER_LENGTH)
}

function firstNameAddr(values: string[]): NameAddr | null {
  for (const value of values) {
    for (const part of splitHeaderValues(value.slice(0, MAX_HEADER_LENGTH))) {
      const parsed = parseNameAddr(part)
      if (parsed) return parsed
    }
  }
  return null
}

function allNameAddrs(values: string[]): Array<{ addr: NameAddr; raw: string }> {
  const out: Array<{ addr: NameAddr; raw: string }> = []
  for (const value of values) {
    for (const part of splitHeaderValues(value.slice(0, MAX_HEADER_LENGTH))) {
      const addr = parseNameAddr(part)
      if (addr) out.push({ addr, raw: part })
    }
  }
  return out
}

function describe(addr: NameAddr): string {
  const number = numberFromUri(addr.uri)
  if (addr.name && number && addr.name !== number) return sanitizeText(`${addr.name} (${number})`)
  return addr.name || number
}

/**
 * "via": the number the call first came through. Diversion lists the newest diversion first,
 * so the original (switchboard, hunt group) is the last entry; History-Info's first entry is the
 * originally called target; P-Called-Party-ID is the number that was dialled.
 */
export function parseVia(headers: HeaderLookup, ownNumber: string): string {
  const isOwn = (addr: NameAddr) => ownNumber !== '' && numberFromUri(addr.uri) === ownNumber
  const diversions = allNameAddrs(headers('diversion')).filter((d) => !isOwn(d.addr))
  const original = diversions[diversions.length - 1]
  if (original) return describe(original.addr)

  const history = allNameAddrs(headers('history-info'))
    .map((h) => ({ ...h, index: /;\s*index\s*=\s*([\d.]+)/i.exec(h.raw)?.[1] ?? '' }))
    .filter((h) => !isOwn(h.addr))
  if (history.length > 0) {
    history.sort((a, b) => compareIndex(a.index, b.index))
    const first = history[0]
    if (first) return describe(first.addr)
  }

  const called = firstNameAddr(headers('p-called-party-id'))
  if (called && !isOwn(called)) return describe(called)
  return ''
}

function compareIndex(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number(n) || 0)
  const pb = b.split('.').map((n) => Number(n) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** The identity the PBX vouches for (P-Asserted-Identity), e.g. the answering party. */
export function assertedIdentity(headers: HeaderLookup): NameAddr | null {
  try {
    return firstNameAddr(headers('p-asserted-identity'))
  } catch {
    return null
  }
}

/**
 * Caller name and number: P-Asserted-Identity wins over From (it is what the PBX vouches
 * for); a PAI without a name still lends its number, and the From display name fills in.
 */
export function parseCallerContext(headers: HeaderLookup, ownNumber = ''): CallerContext {
  try {
    const asserted = firstNameAddr(headers('p-asserted-identity'))
    const from = firstNameAddr(headers('from'))
    const number = (asserted && numberFromUri(asserted.uri)) || (from && numberFromUri(from.uri)) || ''
    const name = asserted?.name || from?.name || ''
    return { name, number, via: parseVia(headers, ownNumber) }
  } catch {
    return { name: '', number: '', via: '' }
  }
}

/** A header lookup over any message-like object (SIP.js IncomingRequestMessage has getHeaders). */
export function headerLookup(message: { getHeaders(name: string): string[] } | undefined): HeaderLookup {
  return (name) => {
    try {
      return message?.getHeaders(name) ?? []
    } catch {
      return []
    }
  }
}
