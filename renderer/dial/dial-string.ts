/**
 * Turns what people type into something the phone can dial, or a plain-language reason why not.
 *
 * Accepted: phone numbers with the usual formatting (`+46 8-120 100 64`, `(08) 120 100 64`,
 * `+46 (0)8 120 100 64`), short numbers and feature codes (`555`, `*72`, `#31#`), SIP
 * addresses (`sip:bob@pbx.example`, `bob@pbx.example`) and `tel:`/`callto:` links.
 * Numbers come out as digits (with a leading `+`, `*`, `#` kept); addresses as `sip:user@host`.
 */

export type DialParse = { ok: true; target: string } | { ok: false; message: string }

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

const refuse = (message: string): DialParse => ({ ok: false, message })

export function parseDialString(input: string): DialParse {
  if (input.length > maxDialInputLength) return refuse('That is too long to be a number or SIP address.')
  if (hiddenCharacters.test(input)) {
    return refuse('The text contains hidden or control characters. Please type the number again.')
  }
  let text = input.trim()
  if (text === '') return refuse('Type a number or a SIP address to call.')

  const scheme = /^(sips?|tel|callto):/i.exec(text)?.[1]?.toLowerCase()
  if (scheme)
    text = text
      .slice(scheme.length + 1)
      .replace(/^\/\//, '')
      .trim()
  if (text === '') return refuse('The link has no number or address after “' + scheme + ':”.')

  if (scheme === 'sip' || scheme === 'sips' || text.includes('@'))
    return parseSipAddress(text, scheme === 'sips')
  return parseNumber(text)
}

function parseNumber(text: string): DialParse {
  // `+46 (0)8…`: the (0) is the trunk prefix that must be dropped after a country code.
  const withoutTrunkZero = text.startsWith('+') ? text.replace(/\(\s*0\s*\)/u, '') : text
  const compact = withoutTrunkZero.replace(numberFormatting, '')
  if (compact === '') return refuse('Type a number or a SIP address to call.')

  const letter = /\p{L}/u.exec(compact)?.[0]
  if (letter) return refuse(`A phone number cannot contain letters (found “${letter}”).`)
  const stray = /[^0-9+*#]/u.exec(compact)?.[0]
  if (stray) return refuse(`“${stray}” cannot be part of a phone number.`)
  if (compact.lastIndexOf('+') > 0) return refuse('A “+” can only come first in a number.')
  if (!/[0-9]/.test(compact)) return refuse('Type at least one digit.')

  const digitCount = compact.replace(/\D/g, '').length
  if (digitCount > maxNumberDigits) return refuse(`That number is too long (${digitCount} digits).`)
  return { ok: true, target: compact }
}

function parseSipAddress(text: string, secure: boolean): DialParse {
  const parameterStart = text.search(/[;?]/)
  const address = parameterStart >= 0 ? text.slice(0, parameterStart) : text
  const at = address.lastIndexOf('@')
  if (at <= 0) return refuse('A SIP address needs a name before the “@”, like bob@pbx.example.')
  const user = address.slice(0, at)
  const hostPort = address.slice(at + 1)
  if (!sipUser.test(user))
    return refuse('The part before the “@” contains characters a SIP address cannot have.')

  const hostMessage = checkHost(hostPort)
  if (hostMessage) return refuse(hostMessage)
  return { ok: true, target: `${secure ? 'sips' : 'sip'}:${user}@${hostPort.toLowerCase()}` }
}

function checkHost(hostPort: string): string | null {
  if (hostPort === '') return 'The SIP address has no server after the “@”.'
  let host = hostPort
  const portMatch = /:(\d*)$/.exec(hostPort)
  if (portMatch && !hostPort.endsWith(']')) {
    const port = Number(portMatch[1])
    if (portMatch[1] === '' || port < 1 || port > 65535) return 'The port in the SIP address is not valid.'
    host = hostPort.slice(0, portMatch.index)
  }
  if (ipv6.test(host)) return null
  const v4 = ipv4.exec(host)
  if (v4)
    return v4.slice(1).every((part) => Number(part) <= 255)
      ? null
      : 'The server address is not a valid IP address.'
  const labels = host.split('.')
  if (host.length > 253 || !labels.every((label) => hostLabel.test(label))) {
    return 'The server part of the SIP address is not a valid host name.'
  }
  return null
}
