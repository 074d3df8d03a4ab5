import { keysOf, numberForms } from '../../contract/phone-number'
import { joinSegments, segmentAt } from './segment-text'

/**
 * The contact index's phone numbers, each number once (issue 14: written as all its search
 * keys, 08-123 45 67 took ",4681234567,+4681234567;,081234567": 0.6 MB for 10,000 contacts).
 *
 * A number that is a phone number is one flag character and its E.164 digits: "‹F›4681234567".
 * The flag (0x80 and up, so the text stays one byte per character) says which of the number's
 * search keys (numberKeys) the digits also stand for, so a query finds the number exactly as it
 * finds one of its keys:
 * - E.164 itself ("+4681234567"): always;
 * - the E.164 digits ("4681234567", written "+46 8-123 45 67");
 * - the national number ("81234567": "212 555 1234" in the US);
 * - a trunk digit 0, 1 or 8 and the national number ("081234567", written or formatted so).
 * Every other key (digits written otherwise, "0046…", a short extension) follows as ",key", and
 * the key a caller is named by, when it is not E.164, is followed by ";" (callerKey: "1001" is
 * ",1001;").
 *
 * A query of digits finds a key where it starts (a match at the start: the key starts with it)
 * or inside; an international query ("+46…") only where a key with "+" starts with it.
 */

/** What `mark` writes per segment: 0 not found, 1 found inside a key, 2 at a key's start. */
const inside = 1
const atStart = 2

const flagBase = 0x80
/** Flag bits: the E.164 digits are a key (1), country code length - 1 (2 bits), the national number is a key (8), the trunk digit (2 bits, see trunkDigits). */
const digitsAreKey = 1
const nationalIsKey = 8
/** The trunk digits a flag can say ("0" in most countries, "8" in Russia, "1" in North America): 1 + their index. */
const trunkDigits = '018'
const trunkShift = 4

/** Below this many candidates each candidate's segment is looked at; above, the whole text is scanned. */
const fewCandidates = 2000

const digit0 = 48
const isDigit = (code: number) => code >= digit0 && code <= digit0 + 9

const countryLength = (flag: number) => (((flag - flagBase) >> 1) & 3) + 1
const trunkOf = (flag: number) => ((flag - flagBase) >> trunkShift) & 3

/** One contact's numbers as the index keeps them (see above). */
export function encodeNumbers(values: readonly string[], region: string): string {
  let encoded = ''
  for (const value of values) {
    const forms = numberForms(value, region)
    const { search, caller } = keysOf(forms)
    const e164 = forms.e164
    const flagged = e164 !== null && e164.country.length >= 1 && e164.country.length <= 3
    let bits = flagged ? (e164.country.length - 1) << 1 : 0
    const national = e164?.national ?? ''
    for (const key of search) {
      if (flagged) {
        const digits = `${e164.country}${national}`
        if (key === `+${digits}`) continue
        if (key === digits) {
          bits |= digitsAreKey
          continue
        }
        if (key === national) {
          bits |= nationalIsKey
          continue
        }
        const trunk = trunkDigits.indexOf(key.charAt(0)) + 1
        if (trunkOf(flagBase + bits) === 0 && trunk > 0 && key === `${key.charAt(0)}${national}`) {
          bits |= trunk << trunkShift
          continue
        }
      }
      encoded += key === caller ? `,${key};` : `,${key}`
    }
    if (flagged) encoded += `${String.fromCharCode(flagBase + bits)}${e164.country}${national}`
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
  /** A query of digits without its first (trunk) digit: a key of that digit and the national number starts with it. */
  National,
}

export class NumberText {
  private constructor(
    private readonly text: string,
    private readonly starts: Int32Array,
    /** Bit t: some number has a key of trunk digit t (see trunkDigits) and its national number. */
    private readonly trunks: number,
  ) {}

  static join(parts: readonly string[]): NumberText {
    const { text, starts } = joinSegments(parts)
    let trunks = 0
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at)
      if (code >= flagBase) trunks |= 1 << trunkOf(code)
    }
    return new NumberText(text, starts, trunks)
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
    const trunk = trunkDigits.indexOf(query.charAt(0)) + 1
    if (trunk === 0 || (this.trunks & (1 << trunk)) === 0) return
    if (query.length === 1) this.markTrunk(trunk, candidates, out)
    else this.scan(query.slice(1), Match.National, trunk, candidates, out)
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
    trunk: number,
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
          const place = this.judge(at, match, trunk)
          if (place > (out[segment] as number)) out[segment] = place
          if (place === atStart) break
        }
      }
      return
    }
    let segment = 0
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      while ((starts[segment + 1] as number) <= at) segment++
      const place = this.judge(at, match, trunk)
      if (place > (out[segment] as number)) out[segment] = place
      // Nothing later in this segment can place it higher: go on from the next one.
      if (place === atStart) at = (starts[segment + 1] as number) - 1
    }
  }

  /** The place of a match at `at` (0: not a match of this kind). */
  private judge(at: number, match: Match, trunk: number): number {
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
      return trunkOf(before) === trunk && offset === countryLength(before) ? atStart : 0
    if (offset === 0 && (before - flagBase) & digitsAreKey) return atStart
    if (offset === countryLength(before) && (before - flagBase) & nationalIsKey) return atStart
    return inside
  }

  /** A query that is only a trunk digit: every number with a key of it and its national number starts with it. */
  private markTrunk(trunk: number, candidates: Int32Array | null, out: Uint8Array): void {
    const text = this.text
    const starts = this.starts
    const count = candidates ? candidates.length : this.count
    for (let i = 0; i < count; i++) {
      const segment = candidates ? (candidates[i] as number) : i
      for (let at = starts[segment] as number; at < (starts[segment + 1] as number); at++) {
        const code = text.charCodeAt(at)
        if (code >= flagBase && trunkOf(code) === trunk) {
          out[segment] = atStart
          break
        }
      }
    }
  }
}
