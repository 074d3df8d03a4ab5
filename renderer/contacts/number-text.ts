import { keysOf, numberForms } from '../../contract/phone-number'
import { joinSegments, segmentAt } from './segment-text'

/**
 * The contact index's phone numbers, each number once (issue 14: written as all its search
 * keys, 08-123 45 67 took ",4681234567,+4681234567;,081234567": 0.6 MB for 10,000 contacts).
 *
 * A number that is a phone number is one flag character and its E.164 digits: "‹F›4681234567".
 * The flag (0x80 and up, so the text stays one byte per character) says which other search
 * keys (numberKeys) the digits stand for, so a query finds the number exactly as it finds one
 * of its keys:
 * - E.164 itself ("+4681234567"): always;
 * - the digits as written, when they are the E.164 digits ("+46 8-123 45 67");
 * - the national digits, when they are the national number ("212 555 1234" in the US) or one
 *   digit and it ("0" and 81234567 in Sweden).
 * Every other key (digits written otherwise, "0046…", a short extension, a national form the
 * flag cannot say) follows as ",key", and the key a caller is named by, when it is not E.164,
 * is followed by ";" (callerKey: "1001" is ",1001;").
 *
 * A query of digits finds a key where it starts (a match at the start: the key starts with it)
 * or inside; an international query ("+46…") only where a key with "+" starts with it.
 */

/** What `mark` writes per segment: 0 not found, 1 found inside a key, 2 at a key's start. */
const inside = 1
const atStart = 2

const flagBase = 0x80
/** Flag bits: written as the E.164 digits (1), country code length - 1 (2 bits), national form. */
const writtenInternationally = 1
/** National form: none implied (0), the national number (1), a digit d and it (2 + d). */
const noNational = 0
const nationalIsNational = 1
const nationalAfterDigit = 2

/** Below this many candidates each candidate's segment is looked at; above, the whole text is scanned. */
const fewCandidates = 2000

const digit0 = 48
const isDigit = (code: number) => code >= digit0 && code <= digit0 + 9

const countryLength = (flag: number) => (((flag - flagBase) >> 1) & 3) + 1
const nationalOf = (flag: number) => (flag - flagBase) >> 3

function flagFor(written: boolean, country: string, national: number): string {
  return String.fromCharCode(
    flagBase + (written ? writtenInternationally : 0) + ((country.length - 1) << 1) + (national << 3),
  )
}

/** One contact's numbers as the index keeps them (see above). */
export function encodeNumbers(values: readonly string[], region: string): string {
  let encoded = ''
  for (const value of values) {
    const forms = numberForms(value, region)
    const { search, caller } = keysOf(forms)
    const implied = new Set<string>()
    const e164 = forms.e164
    if (e164 !== null && e164.country.length >= 1 && e164.country.length <= 3) {
      const digits = `${e164.country}${e164.national}`
      const written = forms.written === digits
      const nationalDigits = forms.nationalDigits
      let national = noNational
      if (nationalDigits === e164.national) national = nationalIsNational
      else if (
        nationalDigits !== null &&
        nationalDigits.length === e164.national.length + 1 &&
        nationalDigits.endsWith(e164.national)
      )
        national = nationalAfterDigit + nationalDigits.charCodeAt(0) - digit0
      encoded += `${flagFor(written, e164.country, national)}${digits}`
      implied.add(`+${digits}`)
      if (written) implied.add(digits)
      if (national !== noNational && nationalDigits !== null) implied.add(nationalDigits)
    }
    for (const key of search) if (!implied.has(key)) encoded += key === caller ? `,${key};` : `,${key}`
  }
  return encoded
}

/** How `scan` judges a match at `at`: see mark. */
const enum Match {
  /** A key with "+" starting with the query (the "+" of an international query matched). */
  Plus,
  /** A query of digits, anywhere in a key. */
  Digits,
  /** The digits of an international query: the number's E.164 digits start with them. */
  International,
  /** A query of digits without its first (national prefix) digit: a national form starts with it. */
  National,
}

export class NumberText {
  private constructor(
    private readonly text: string,
    private readonly starts: Int32Array,
    /** Bit d: some number's national form is the digit d and its national number. */
    private readonly prefixDigits: number,
  ) {}

  static join(parts: readonly string[]): NumberText {
    const { text, starts } = joinSegments(parts)
    let prefixDigits = 0
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at)
      if (code >= flagBase && nationalOf(code) >= nationalAfterDigit)
        prefixDigits |= 1 << (nationalOf(code) - nationalAfterDigit)
    }
    return new NumberText(text, starts, prefixDigits)
  }

  get count(): number {
    return this.starts.length - 1
  }

  /**
   * Raises out[i] to 2 where a number of segment i has a search key starting with `query`,
   * else to 1 where a key holds it elsewhere; `query` is numberQueryKey's ("+46812…" or digits)
   * or a word of digits. Looks only at `candidates` (null: every segment; others may be marked
   * too, their marks mean nothing).
   */
  mark(query: string, candidates: Int32Array | null, out: Uint8Array): void {
    if (query === '') return
    if (query.charAt(0) === '+') {
      this.scan(query, Match.Plus, 0, candidates, out)
      if (query.length > 1) this.scan(query.slice(1), Match.International, 0, candidates, out)
      return
    }
    this.scan(query, Match.Digits, 0, candidates, out)
    const prefix = query.charCodeAt(0) - digit0
    if (prefix < 0 || prefix > 9 || (this.prefixDigits & (1 << prefix)) === 0) return
    const national = nationalAfterDigit + prefix
    if (query.length === 1) this.markNational(national, candidates, out)
    else this.scan(query.slice(1), Match.National, national, candidates, out)
  }

  /** Segments with a number whose caller key (E.164, else its digits as written) is `key`. */
  segmentsWithCaller(key: string): number[] {
    const found: number[] = []
    if (key === '') return found
    const text = this.text
    const explicit = `,${key};`
    for (let at = text.indexOf(explicit); at >= 0; at = text.indexOf(explicit, at + 1))
      found.push(segmentAt(this.starts, at))
    const digits = key.slice(1)
    if (key.charAt(0) !== '+' || !/^\d+$/.test(digits)) return found
    // E.164: a number's flag, then exactly these digits.
    for (let at = text.indexOf(digits); at >= 0; at = text.indexOf(digits, at + 1))
      if (at > 0 && text.charCodeAt(at - 1) >= flagBase && !isDigit(text.charCodeAt(at + digits.length)))
        found.push(segmentAt(this.starts, at))
    return found
  }

  /** Marks the matches of `needle` judged by `match` (see Match). */
  private scan(
    needle: string,
    match: Match,
    national: number,
    candidates: Int32Array | null,
    out: Uint8Array,
  ): void {
    const text = this.text
    const starts = this.starts
    if (candidates !== null && candidates.length < fewCandidates) {
      for (let i = 0; i < candidates.length; i++) {
        const segment = candidates[i] as number
        const end = (starts[segment + 1] as number) - needle.length
        for (let at = starts[segment] as number; at <= end; at++) {
          if (!text.startsWith(needle, at)) continue
          const place = this.judge(at, match, national)
          if (place > (out[segment] as number)) out[segment] = place
          if (place === atStart) break
        }
      }
      return
    }
    let segment = 0
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      while ((starts[segment + 1] as number) <= at) segment++
      const place = this.judge(at, match, national)
      if (place > (out[segment] as number)) out[segment] = place
      // Nothing later in this segment can place it higher: go on from the next one.
      if (place === atStart) at = (starts[segment + 1] as number) - 1
    }
  }

  /** The place of a match at `at` (0: not a match of this kind). */
  private judge(at: number, match: Match, national: number): number {
    if (match === Match.Plus) return atStart
    const text = this.text
    let first = at
    while (isDigit(text.charCodeAt(first - 1))) first--
    const before = first > 0 ? text.charCodeAt(first - 1) : 0
    const offset = at - first
    if (before < flagBase) {
      if (match !== Match.Digits) return 0
      return offset === 0 && before !== 0x2b /* + */ ? atStart : inside
    }
    if (match === Match.International) return offset === 0 ? atStart : 0
    if (match === Match.National)
      return nationalOf(before) === national && offset === countryLength(before) ? atStart : 0
    if (offset === 0 && (before - flagBase) & writtenInternationally) return atStart
    if (offset === countryLength(before) && nationalOf(before) === nationalIsNational) return atStart
    return inside
  }

  /** A query that is only a national prefix digit: every number with that national form starts with it. */
  private markNational(national: number, candidates: Int32Array | null, out: Uint8Array): void {
    const text = this.text
    const starts = this.starts
    const count = candidates ? candidates.length : this.count
    for (let i = 0; i < count; i++) {
      const segment = candidates ? (candidates[i] as number) : i
      for (let at = starts[segment] as number; at < (starts[segment + 1] as number); at++) {
        const code = text.charCodeAt(at)
        if (code >= flagBase && nationalOf(code) === national) {
          out[segment] = atStart
          break
        }
      }
    }
  }
}
