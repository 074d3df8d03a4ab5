import { message, type Message } from '../../contract/i18n'

/**
 * Turns what people type into something the phone can dial, or a plain-language reason why not.
 *
 * Accepted: phone numbers with the usual formatting (`+46 8-120 100 64`, `(08) 120 100 64`,
 * `+46 (0)8 120 100 64`), short numbers and feature codes (`555`, `*72`, `#31#`), SIP
 * addresses (`sip:bob@pbx.example`, `bob@pbx.example`) and `tel:`/`callto:` links.
 * Numbers come out as digits (with a leading `+`, `*`, `#` kept); addresses as `sip:user@host`.
 */

export type DialParse = { ok: true; target: string } | { ok: false; message: Message }

export const maxDialInputLength = 256
export const maxNumberDigits = 32

// C0/C1 controls, bidirectional overrides/isolates/marks and zero-width characters: they can
// make a number look different from what is dialled, so we refuse rather than strip them.
const hiddenCharacters = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u
const numberFormatting = /[\s\-.()/\u00a0]/gu
const sipUser = /^[A-Za-z0-9._~%!$&'()*+,;=-]+$/
const hostLabel = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/
const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/
const ipv6 = /^\[[0-9A-Fa-f:.]{2,45}\]$/

const refuse = (text: Message): DialParse => ({ ok: false, message: text })

export function parseDialString(input: string): DialParse {
  if (input.length > maxDialInputLength) return refuse(message('dial.too-long'))
  if (hiddenCharacters.test(input)) {
    return refuse(message('dial.hidden-characters'))
  }
  let text = input.trim()
  if (text === '') return refuse(message('dial.empty'))

  const scheme = /^(sips?|tel|callto):/i.exec(text)?.[1]?.toLowerCase()
  if (scheme)
    text = text
      .slice(scheme.length + 1)
      .replace(/^\/\//, '')
      .trim()
  if (text === '') return refuse(message('dial.empty-link', { scheme: scheme ?? '' }))

  if (scheme === 'sip' || scheme === 'sips' || text.includes('@'))
    return parseSipAddress(text, scheme === 'sips')
  return parseNumber(text)
}

function parseNumber(text: string): DialParse {
  // `+46 (0)8…`: the (0) is the trunk prefix that must be dropped after a country code.
  const withoutTrunkZero = text.startsWith('+') ? text.replace(/\(\s*0\s*\)/u, '') : text
  const compact = withoutTrunkZero.replace(numberFormatting, '')
  if (compact === '') return refuse(message('dial.empty'))

  const letter = /\p{L}/u.exec(compact)?.[0]
  if (letter) return refuse(message('dial.letters', { letter }))
  const stray = /[^0-9+*#]/u.exec(compact)?.[0]
  if (stray) return refuse(message('dial.stray', { character: stray }))
  if (compact.lastIndexOf('+') > 0) return refuse(message('dial.plus-first'))
  if (!/[0-9]/.test(compact)) return refuse(message('dial.no-digit'))

  const digitCount = compact.replace(/\D/g, '').length
  if (digitCount > maxNumberDigits) return refuse(message('dial.number-too-long', { count: digitCount }))
  return { ok: true, target: compact }
}

function parseSipAddress(text: string, secure: boolean): DialParse {
  const parameterStart = text.search(/[;?]/)
  const address = parameterStart >= 0 ? text.slice(0, parameterStart) : text
  const at = address.lastIndexOf('@')
  if (at <= 0) return refuse(message('dial.sip-no-user'))
  const user = address.slice(0, at)
  const hostPort = address.slice(at + 1)
  if (!sipUser.test(user)) return refuse(message('dial.sip-bad-user'))

  const hostMessage = checkHost(hostPort)
  if (hostMessage) return refuse(hostMessage)
  return { ok: true, target: `${secure ? 'sips' : 'sip'}:${user}@${hostPort.toLowerCase()}` }
}

function checkHost(hostPort: string): Message | null {
  if (hostPort === '') return message('dial.sip-no-host')
  let host = hostPort
  const portMatch = /:(\d*)$/.exec(hostPort)
  if (portMatch && !hostPort.endsWith(']')) {
    const port = Number(portMatch[1])
    if (portMatch[1] === '' || port < 1 || port > 65535) return message('dial.sip-bad-port')
    host = hostPort.slice(0, portMatch.index)
  }
  if (ipv6.test(host)) return null
  const v4 = ipv4.exec(host)
  if (v4) return v4.slice(1).every((part) => Number(part) <= 255) ? null : message('dial.sip-bad-ip')
  const labels = host.split('.')
  if (host.length > 253 || !labels.every((label) => hostLabel.test(label))) {
    return message('dial.sip-bad-host')
  }
  return null
}
