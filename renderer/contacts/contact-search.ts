import type { Contact } from '../../contract/schemas'
import { defaultRegion, numberQueryKey } from '../../contract/phone-number'
import { foldText, looksLikeNumber } from '../../contract/search-text'
import { NumberText, encodeNumbers } from './number-text'
import { SegmentText } from './segment-text'

/**
 * Search-as-you-type over contacts: name, company and numbers, case- and accent-insensitive,
 * digits matched whatever the formatting. Pure TypeScript (no Svelte) so it is unit-tested and
 * benchmarked in Node.
 *
 * Compact (issue 14: the index was most of the heap with 10,000 contacts): folding and number
 * parsing happen once, when the index is built, into two long strings, not an object and an
 * array of strings per contact: `words` holds " asa ostlund acme ab" for each contact
 * (SegmentText keeps where each contact's part starts) and `numbers` each number once, as
 * NumberText writes it.
 * A keystroke scans them with `indexOf` and marks hits in typed arrays that are reused, so it
 * allocates nothing per contact; while the user keeps typing the same query only the last
 * hits are looked at again.
 *
 * Ranking: favourites before others, and within each, matches at the start of a word (or the
 * start of a number) before matches in the middle; ties keep alphabetical order by name.
 */

type QueryMode = 'text' | 'number'

/** Where a token matched in one contact: nowhere, inside a word or number, or at its start. */
const enum Place {
  None = 0,
  Inside = 1,
  Start = 2,
}

interface PreviousSearch {
  mode: QueryMode
  key: string
  /** Positions (name order) of the contacts that matched. */
  hits: Int32Array
}

const wordSeparators = /[\s,.;:()'"/\\_-]+/g
const letterOrDigit = /[\p{L}\p{N}]/u
const allDigits = /^\d+$/

function toWords(folded: string): string {
  return ` ${folded.replace(wordSeparators, ' ').trim()}`
}

/** One contact's parts of the index, before the contacts are sorted and the parts joined. */
export interface PreparedContact {
  contact: Contact
  sortKey: string
  words: string
  /** Its numbers as NumberText keeps them: each number once, with what it can be found by. */
  numbers: string
}

/** Below this many digits a caller key is too short to name anyone by. */
const shortestCallerKey = 3

function prepare(contact: Contact, region: string): PreparedContact {
  const name = foldText(contact.name)
  const numbers = encodeNumbers(
    contact.numbers.map((number) => number.value),
    region,
  )
  return {
    contact,
    sortKey: name,
    words: contact.company === '' ? toWords(name) : `${toWords(name)}${toWords(foldText(contact.company))}`,
    numbers,
  }
}

/** Contacts folded between two yields of prepareContacts (a few ms of work each). */
const contactsPerSlice = 1000

/**
 * Folds and parses every contact once, a slice at a time: the generator yields between slices
 * so the window can paint and answer input while 10,000 contacts are read.
 */
export function* prepareContacts(
  contacts: readonly Contact[],
  region: string = defaultRegion,
): Generator<void, PreparedContact[], void> {
  const prepared: PreparedContact[] = []
  for (const [position, contact] of contacts.entries()) {
    prepared.push(prepare(contact, region))
    if (position % contactsPerSlice === contactsPerSlice - 1) yield
  }
  return prepared
}

export class ContactSearch {
  /** The contacts in name order; position i owns segment i of `words` and `numbers`. */
  private readonly sorted: Contact[]
  /** Per position, the contact's place in the list the index was built from. */
  private readonly listed: Int32Array
  private readonly words: SegmentText
  private readonly numbers: NumberText
  /** Per position, reused by every search: the place each query token matched (see Place). */
  private readonly places: Uint8Array
  private readonly tokenPlaces: Uint8Array
  private readonly numberPlaces: Uint8Array
  /** Everyone, favourites first: the answer to an empty query, made once. */
  private everyone: Contact[] | null = null
  private previous: PreviousSearch | null = null

  private readonly region: string

  /** `region`: where numbers are read and typed (SE unless the account says otherwise). */
  constructor(contacts: readonly Contact[] | readonly PreparedContact[], region: string = defaultRegion) {
    this.region = region
    const prepared = contacts.map((item, listed) => ({
      listed,
      item: 'sortKey' in item ? item : prepare(item, region),
    }))
    prepared.sort(({ item: a }, { item: b }) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    this.sorted = prepared.map(({ item }) => item.contact)
    this.listed = Int32Array.from(prepared, ({ listed }) => listed)
    this.words = SegmentText.join(prepared.map(({ item }) => item.words))
    this.numbers = NumberText.join(prepared.map(({ item }) => item.numbers))
    this.places = new Uint8Array(prepared.length)
    this.tokenPlaces = new Uint8Array(prepared.length)
    this.numberPlaces = new Uint8Array(prepared.length)
  }

  /** The same index, folded a slice of contacts at a time (see prepareContacts). */
  static *slices(
    contacts: readonly Contact[],
    region: string = defaultRegion,
  ): Generator<void, ContactSearch, void> {
    return new ContactSearch(yield* prepareContacts(contacts, region), region)
  }

  get size(): number {
    return this.sorted.length
  }

  /**
   * The name to show for a caller whose callerKey is `key` (+46812010064 for 08-120 100 64, or
   * an extension's digits): the contact with a number of that key, the first in the list when
   * several share it; '' when none. Never a look-alike: the whole key must be the same.
   */
  nameForCaller(key: string): string {
    if (key.replace('+', '').length < shortestCallerKey || /[,;]/.test(key)) return ''
    let best = -1
    for (const position of this.numbers.segmentsWithCaller(key))
      if (best < 0 || (this.listed[position] as number) < (this.listed[best] as number)) best = position
    return best < 0 ? '' : (this.sorted[best] as Contact).name
  }

  /**
   * Matching contacts, best first. A query with no letter or digit yet (empty, or just the "+"
   * of a number being typed) lists everyone, favourites first.
   */
  search(query: string): Contact[] {
    const mode: QueryMode = looksLikeNumber(query) ? 'number' : 'text'
    const key =
      mode === 'number'
        ? numberQueryKey(query, this.region)
        : foldText(query).replace(wordSeparators, ' ').trim()
    if (key === '' || !letterOrDigit.test(key)) {
      this.previous = null
      return (this.everyone ??= this.rankAll())
    }
    const candidates = this.narrowedCandidates(mode, key)
    if (mode === 'number') this.markNumber(key, candidates)
    else this.markText(key, candidates)
    return this.ranked(mode, key, candidates)
  }

  /**
   * A number-looking query: where it starts or sits in a number, else (a name or company with
   * digits, "Room 101") where it is in the words.
   */
  private markNumber(key: string, candidates: Int32Array | null): void {
    this.places.fill(Place.None)
    this.numbers.mark(key, candidates, this.places)
    this.numberPlaces.fill(Place.None)
    this.words.mark(key, ' ', candidates, this.numberPlaces)
    fillBlanks(this.places, this.numberPlaces, candidates)
  }

  /**
   * Every word of the query must match somewhere: in the words, or (a word of digits) in a
   * number. The contact's place is the worst of its words' places.
   */
  private markText(key: string, candidates: Int32Array | null): void {
    const places = this.places
    const tokenPlaces = this.tokenPlaces
    places.fill(Place.Start)
    for (const token of key.split(' ')) {
      tokenPlaces.fill(Place.None)
      this.words.mark(token, ' ', candidates, tokenPlaces)
      if (allDigits.test(token)) {
        // A word of digits found nowhere in the words may be part of a number.
        this.numberPlaces.fill(Place.None)
        this.numbers.mark(token, candidates, this.numberPlaces)
        fillBlanks(tokenPlaces, this.numberPlaces, candidates)
      }
      keepWorst(places, tokenPlaces, candidates)
    }
  }

  /**
   * The marked contacts in rank buckets — favourite at a start, favourite inside, other at a
   * start, other inside — each in name order.
   */
  private ranked(mode: QueryMode, key: string, candidates: Int32Array | null): Contact[] {
    const places = this.places
    const sorted = this.sorted
    const bucketSizes = [0, 0, 0, 0]
    const count = candidates ? candidates.length : sorted.length
    let hitCount = 0
    for (let i = 0; i < count; i++) {
      const position = candidates ? (candidates[i] as number) : i
      const place = places[position] as Place
      if (place === Place.None) continue
      const bucket = bucketOf((sorted[position] as Contact).favourite, place)
      bucketSizes[bucket] = (bucketSizes[bucket] as number) + 1
      hitCount++
    }
    const next = [0, bucketSizes[0] as number, 0, 0]
    next[2] = (next[1] as number) + (bucketSizes[1] as number)
    next[3] = (next[2] as number) + (bucketSizes[2] as number)
    const ranked = new Array<Contact>(hitCount)
    const hits = new Int32Array(hitCount)
    let hit = 0
    for (let i = 0; i < count; i++) {
      const position = candidates ? (candidates[i] as number) : i
      const place = places[position] as Place
      if (place === Place.None) continue
      const contact = sorted[position] as Contact
      const bucket = bucketOf(contact.favourite, place)
      ranked[next[bucket] as number] = contact
      next[bucket] = (next[bucket] as number) + 1
      hits[hit++] = position
    }
    this.previous = { mode, key, hits }
    return ranked
  }

  /**
   * Typing one more character can only shrink the hits, so search within the last ones
   * (null: everyone).
   */
  private narrowedCandidates(mode: QueryMode, key: string): Int32Array | null {
    const previous = this.previous
    if (previous && previous.mode === mode && key.startsWith(previous.key)) return previous.hits
    return null
  }

  private rankAll(): Contact[] {
    const favourites: Contact[] = []
    const others: Contact[] = []
    for (const contact of this.sorted) (contact.favourite ? favourites : others).push(contact)
    return favourites.concat(others)
  }
}

const bucketOf = (favourite: boolean, place: Place): number =>
  (favourite ? 0 : 2) + (place === Place.Start ? 0 : 1)

/** Positions of `candidates` (null: all) where `places` has nothing take `fallback`'s place. */
function fillBlanks(places: Uint8Array, fallback: Uint8Array, candidates: Int32Array | null): void {
  const count = candidates ? candidates.length : places.length
  for (let i = 0; i < count; i++) {
    const position = candidates ? (candidates[i] as number) : i
    if (places[position] === Place.None) places[position] = fallback[position] as number
  }
}

/** `places` keeps, per candidate, the lower of its place and the token's. */
function keepWorst(places: Uint8Array, token: Uint8Array, candidates: Int32Array | null): void {
  const count = candidates ? candidates.length : places.length
  for (let i = 0; i < count; i++) {
    const position = candidates ? (candidates[i] as number) : i
    const place = token[position] as number
    if (place < (places[position] as number)) places[position] = place
  }
}
