import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/min'
import { defaultRegion } from './region'

/**
 * Phone numbers as the user's region writes them, by libphonenumber (its `min` metadata: enough
 * to parse, validate the length of and format numbers of every country, at a fraction of the
 * size). The region comes from the account or the admin policy; Sweden when none is set.
 *
 * Dial strings that are not phone numbers (short extensions, `*72`, `sip:` addresses) are left
 * alone: every function here answers null or the text unchanged for them.
 */
export { defaultRegion } from './region'

/** Below this many digits a string is an extension or a service code, never a national number. */
const minimumDigits = 6

const regionOf = (region: string | undefined): CountryCode =>
  (/^[A-Z]{2}$/.test(region ?? '') ? region : defaultRegion) as CountryCode

function parse(text: string, region: string | undefined): PhoneNumber | null {
  const trimmed = text.trim()
  if (trimmed === '' || /[\p{L}@]/u.test(trimmed) || /[*#]/.test(trimmed)) return null
  if (trimmed.replace(/\D+/g, '').length < minimumDigits) return null
  // "00" is the international prefix in most of the world (Sweden included)
  const international = trimmed.startsWith('00') ? `+${trimmed.slice(2)}` : trimmed
  const parsed = parsePhoneNumberFromString(international, regionOf(region))
  return parsed?.isPossible() ? parsed : null
}

/** "+46812010064" for `08-120 100 64` in Sweden; null for what is not a phone number. */
export function toE164(text: string, region?: string): string | null {
  return parse(text, region)?.number ?? null
}

/** National inside the region ("08-120 100 64"), international outside ("+47 22 12 34 56"). */
export function displayNumber(text: string, region?: string): string {
  const parsed = parse(text, region)
  if (!parsed) return text
  return parsed.country === regionOf(region) ? parsed.formatNational() : parsed.formatInternational()
}

const digitsOf = (text: string) => text.replace(/\D+/g, '')

/**
 * What a stored number can be found by: its digits as written, its national digits in the
 * region ("0812010064"), and its E.164 form with the plus ("+46812010064"). Only a query that
 * is itself international ("+46…", "0046…") is compared with the plus form, so a number from
 * another country never finds a Swedish contact by its last digits.
 */
export function numberSearchKeys(text: string, region?: string): string[] {
  return numberKeys(text, region).search
}

/**
 * A stored number's forms from one parse: its digits as written (and whether it was written
 * with a "+"), its E.164 form split into country calling code and national number, and its
 * national digits when it is a number of the region. numberKeys reads the search keys from
 * these; the contact index keeps each number once and reads the same keys from its parts.
 */
export interface NumberForms {
  written: string
  /** Written with a leading "+" (and some digits). */
  plus: boolean
  /** "+46812010064" is { country: '46', national: '812010064' }; null when no phone number. */
  e164: { country: string; national: string } | null
  /** "0812010064" for 08-120 100 64 in SE; null when it is not a number of the region. */
  nationalDigits: string | null
}

export function numberForms(text: string, region?: string): NumberForms {
  const written = digitsOf(text)
  const parsed = parse(text, region)
  return {
    written,
    // written internationally but too short or odd to parse: still found by an international query
    plus: written !== '' && text.trim().startsWith('+'),
    e164: parsed ? { country: parsed.countryCallingCode, national: parsed.nationalNumber } : null,
    nationalDigits: parsed && parsed.country === regionOf(region) ? digitsOf(parsed.formatNational()) : null,
  }
}

/**
 * The search keys (numberSearchKeys) and the caller key (callerKey) of a number's forms: the
 * digits as written, "+" and them when written so, E.164, the national digits.
 */
export function keysOf(forms: NumberForms): { search: string[]; caller: string } {
  const keys = new Set<string>()
  if (forms.written !== '') keys.add(forms.written)
  if (forms.plus) keys.add(`+${forms.written}`)
  const e164 = forms.e164 ? `+${forms.e164.country}${forms.e164.national}` : null
  if (e164 !== null) keys.add(e164)
  if (forms.nationalDigits !== null) keys.add(forms.nationalDigits)
  return { search: [...keys], caller: e164 ?? forms.written }
}

/** A stored number's search keys and caller key from one parse. */
export function numberKeys(text: string, region?: string): { search: string[]; caller: string } {
  return keysOf(numberForms(text, region))
}

/** The query as numberSearchKeys writes keys: "+46812…" when it is international, else digits. */
export function numberQueryKey(query: string, region?: string): string {
  const trimmed = query.trim()
  const digits = digitsOf(trimmed)
  if (trimmed.startsWith('+')) return `+${digits}`
  if (trimmed.startsWith('00') && digits.length > 2) return `+${digits.slice(2)}`
  void region
  return digits
}

/** The key a caller's number is looked up by: E.164 when it is a phone number, else its digits. */
export function callerKey(text: string, region?: string): string {
  return toE164(text, region) ?? digitsOf(text)
}
