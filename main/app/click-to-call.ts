import type { EventSink } from '../ipc/event-bus'
import type { Logger } from '../log/logger'

export const clickToCallSchemes = ['tel', 'sip', 'callto'] as const

export type ClickToCallParse = { ok: true; target: string } | { ok: false; reason: string }

const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/
const maxLinkLength = 512

/** RFC 3966 visual separators plus the spaces people (and web pages) put in numbers. */
const numberSeparators = /[\s\-.()/\u00a0]/g
const dialableNumber = /^\+?[0-9*#]{1,32}$/

const sipUser = /^[A-Za-z0-9._~!$'*+=-]{1,64}$/
const hostName =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/
const ipv6Literal = /^\[[0-9A-Fa-f:.]{2,45}\]$/

function parseNumber(rest: string): ClickToCallParse {
  // ;phone-context=, ;ext=, ;isub= parameters and ?query parts are not dialled.
  const number = (rest.split(/[;?]/)[0] ?? '').replace(numberSeparators, '')
  if (!dialableNumber.test(number) || !/[0-9]/.test(number)) {
    return { ok: false, reason: 'it is not a phone number (digits, optional leading +, * or #)' }
  }
  return { ok: true, target: number }
}

function parseSipAddress(rest: string): ClickToCallParse {
  // SIP URI headers (?subject=...) and parameters (;transport=...) are dropped: a link must
  // not be able to add headers or change transport on the call it suggests.
  const withoutHeaders = rest.split('?')[0] ?? ''
  const at = withoutHeaders.lastIndexOf('@')
  if (at <= 0 || withoutHeaders.indexOf('@') !== at)
    return { ok: false, reason: 'a SIP link needs exactly one user@domain' }
  const user = withoutHeaders.slice(0, at).split(';')[0] ?? ''
  const hostPort = withoutHeaders.slice(at + 1).split(';')[0] ?? ''
  if (!sipUser.test(user))
    return { ok: false, reason: 'the user part of the SIP address has characters that are not allowed' }
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/.exec(hostPort)
  if (!match) return { ok: false, reason: 'the domain of the SIP address is not valid' }
  const host = match[1] as string
  const port = match[2]
  if (!hostName.test(host) && !ipv6Literal.test(host))
    return { ok: false, reason: 'the domain of the SIP address is not valid' }
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
    return { ok: false, reason: 'the port of the SIP address is not valid' }
  return { ok: true, target: `sip:${user}@${host}${port ? `:${port}` : ''}` }
}

/**
 * Turn a tel:, sip: or callto: link into what goes in the dial field. Strict on purpose:
 * the text comes from any web page or e-mail. The result is only ever suggested, never dialled.
 */
export function parseClickToCall(link: unknown): ClickToCallParse {
  if (typeof link !== 'string') return { ok: false, reason: 'it is not text' }
  const trimmed = link.trim()
  if (trimmed.length === 0 || trimmed.length > maxLinkLength)
    return { ok: false, reason: 'it is empty or too long' }
  if (controlCharacters.test(trimmed)) return { ok: false, reason: 'it contains control characters' }
  const schemeMatch = /^(tel|sip|callto):(?:\/\/)?(.*)$/is.exec(trimmed)
  if (!schemeMatch) return { ok: false, reason: 'it is not a tel:, sip: or callto: link' }
  const scheme = (schemeMatch[1] as string).toLowerCase()
  let rest: string
  try {
    rest = decodeURIComponent(schemeMatch[2] as string)
  } catch {
    return { ok: false, reason: 'it has broken %-encoding' }
  }
  if (controlCharacters.test(rest)) return { ok: false, reason: 'it contains control characters' }
  rest = rest.trim().replace(/\/+$/, '')
  if (rest.length === 0) return { ok: false, reason: 'it has no number or address' }
  if (scheme === 'sip') return parseSipAddress(rest)
  // callto: is used both for numbers and (by some sites) for user@domain addresses.
  if (scheme === 'callto' && rest.includes('@')) return parseSipAddress(rest)
  return parseNumber(rest)
}

/** The click-to-call link in a command line (Windows/Linux pass it to the second instance). */
export function findClickToCallLink(argv: readonly string[]): string | null {
  for (let index = argv.length - 1; index >= 0; index--) {
    const arg = argv[index]
    if (arg !== undefined && /^(tel|sip|callto):/i.test(arg)) return arg
  }
  return null
}

/** Receives links from the OS and suggests them to the renderer as a dial-request. */
export class ClickToCall {
  constructor(
    private readonly events: EventSink,
    private readonly logger: Logger,
    /** Bring the window forward so the suggested number is seen. */
    private readonly onSuggested: () => void = () => undefined,
  ) {}

  handleLink(link: string): boolean {
    const parsed = parseClickToCall(link)
    if (!parsed.ok) {
      this.logger.warn(`Ignored click-to-call link: ${parsed.reason}`)
      return false
    }
    this.events.emit('dial-request', { target: parsed.target })
    this.onSuggested()
    return true
  }

  handleArgv(argv: readonly string[]): boolean {
    const link = findClickToCallLink(argv)
    return link === null ? false : this.handleLink(link)
  }
}
