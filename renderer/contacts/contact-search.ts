import type { Contact } from '../../contract/schemas'
import { defaultRegion, numberQueryKey } from '../../contract/phone-number'
import { foldText, looksLikeNumber } from '../../contract/search-text'
import { NumberText, encodeNumbers } from './number-text'
import { ContactWords } from './contact-words'
import type { ContactSource } from './contact-book'

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
 * hits are looked at again. The answer (`find`) is the hits' places in the list given, in a
 * typed array: a list shows a contact object only for the rows on screen.
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
  sortKey: string
  favourite: boolean
  /** The name's words and the company's (" asa ostlund", " acme ab"; see ContactWords). */
  nameWords: string
  companyWords: string
  /** Its numbers as NumberText keeps them: each number once, with what it can be found by. */
  numbers: string
}

/** Below this many digits a caller key is too short to name anyone by. */
const shortestCallerKey = 3

/** `companyWords`: each company's words, folded once per company (a book names a few, often). */
function prepare(contact: Contact, region: string, companyWords: Map<string, string>): PreparedContact {
  const name = foldText(contact.name)
  const company = contact.company
  let words = companyWords.get(company)
  if (words === undefined) {
    words = company === '' ? '' : toWords(foldText(company))
    companyWords.set(company, words)
  }
  return {
    sortKey: name,
    favourite: contact.favourite,
    nameWords: toWords(name),
    companyWords: words,
    numbers: encodeNumbers(
      contact.numbers.map((number) => number.value),
      region,
    ),
  }
}

/** What a generator returns, run to its end at once. */
function finished<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** Contacts folded between two yields of prepareContacts (a few ms of work each). */
const contactsPerSlice = 1000

/**
 * Folds and parses every contact once, a slice at a time: the generator yields between slices
 * so the window can paint and answer input while 10,000 contacts are read.
 */
export function* prepareContacts(
  contacts: ContactSource,
  region: string = defaultRegion,
): Generator<void, PreparedContact[], void> {
  const prepared: PreparedContact[] = []
  const companyWords = new Map<string, string>()
  for (let position = 0; position < contacts.length; position++) {
    prepared.push(prepare(contacts.at(position) as Contact, region, companyWords))
    if (position % contactsPerSlice === contactsPerSlice - 1) yield
  }
  return prepared
}

export class ContactSearch {
  /** The contacts as given; position i (name order) is `contacts.at(listed[i])`. */
  private readonly contacts: ContactSource
  /** Per position (name order: position i owns entry i of `words` and `numbers`), the contact's place in `contacts`. */
  private readonly listed: Int32Array
  private readonly words: ContactWords
  private readonly numbers: NumberText
  /** Per position: 1 for a favourite. */
  private readonly favourites: Uint8Array
  /** Per position, reused by every search: the place each query token matched (see Place). */
  private readonly places: Uint8Array
  private readonly tokenPlaces: Uint8Array
  private readonly numberPlaces: Uint8Array
  /** Everyone, favourites first: the answer to an empty query, made once. */
  private everyone: Int32Array | null = null
  private previous: PreviousSearch | null = null

  private readonly region: string

  /**
   * `region`: where numbers are read and typed (SE unless the account says otherwise);
   * `prepared`: what prepareContacts gave for these contacts (else they are prepared here).
   */
  constructor(
    contacts: ContactSource,
    region: string = defaultRegion,
    prepared: readonly PreparedContact[] = finished(prepareContacts(contacts, region)),
  ) {
    this.region = region
    this.contacts = contacts
    const order = Array.from(prepared.keys()).sort((a, b) => {
      const keyA = (prepared[a] as PreparedContact).sortKey
      const keyB = (prepared[b] as PreparedContact).sortKey
      return keyA < keyB ? -1 : keyA > keyB ? 1 : 0
    })
    const inOrder = (part: (item: PreparedContact) => string) =>
      order.map((listed) => part(prepared[listed] as PreparedContact))
    this.listed = Int32Array.from(order)
    this.words = ContactWords.join(
      inOrder((item) => item.nameWords),
      inOrder((item) => item.companyWords),
    )
    this.numbers = NumberText.join(inOrder((item) => item.numbers))
    this.favourites = Uint8Array.from(order, (listed) =>
      (prepared[listed] as PreparedContact).favourite ? 1 : 0,
    )
    this.places = new Uint8Array(prepared.length)
    this.tokenPlaces = new Uint8Array(prepared.length)
    this.numberPlaces = new Uint8Array(prepared.length)
  }

  /** The same index, folded a slice of contacts at a time (see prepareContacts). */
  static *slices(
    contacts: ContactSource,
    region: string = defaultRegion,
  ): Generator<void, ContactSearch, void> {
    return new ContactSearch(contacts, region, yield* prepareContacts(contacts, region))
  }

  get size(): number {
    return this.listed.length
  }

  /** The contact at `position` in name order. */
  private at(position: number): Contact {
    return this.contacts.at(this.listed[position] as number) as Contact
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
    return best < 0 ? '' : this.at(best).name
  }

  /** Matching contacts, best first (see find). */
  search(query: string): Contact[] {
    return Array.from(this.find(query), (given) => this.contacts.at(given) as Contact)
  }

  /**
   * Where the matching contacts are in the list given, best first. A query with no letter or
   * digit yet (empty, or just the "+" of a number being typed) lists everyone, favourites first.
   */
  find(query: string): Int32Array {
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
    this.words.mark(key, candidates, this.numberPlaces)
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
      this.words.mark(token, candidates, tokenPlaces)
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
  private ranked(mode: QueryMode, key: string, candidates: Int32Array | null): Int32Array {
    const places = this.places
    const bucketSizes = [0, 0, 0, 0]
    const count = candidates ? candidates.length : this.size
    let hitCount = 0
    for (let i = 0; i < count; i++) {
      const position = candidates ? (candidates[i] as number) : i
      const place = places[position] as Place
      if (place === Place.None) continue
      const bucket = bucketOf(this.favourites[position] === 1, place)
      bucketSizes[bucket] = (bucketSizes[bucket] as number) + 1
      hitCount++
    }
    const next = [0, bucketSizes[0] as number, 0, 0]
    next[2] = (next[1] as number) + (bucketSizes[1] as number)
    next[3] = (next[2] as number) + (bucketSizes[2] as number)
    const ranked = new Int32Array(hitCount)
    const hits = new Int32Array(hitCount)
    let hit = 0
    for (let i = 0; i < count; i++) {
      const position = candidates ? (candidates[i] as number) : i
      const place = places[position] as Place
      if (place === Place.None) continue
      const bucket = bucketOf(this.favourites[position] === 1, place)
      ranked[next[bucket] as number] = this.listed[position] as number
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

  private rankAll(): Int32Array {
    const ranked = new Int32Array(this.size)
    let next = 0
    for (const favourite of [1, 0])
      for (let position = 0; position < this.size; position++)
        if (this.favourites[position] === favourite) ranked[next++] = this.listed[position] as number
    return ranked
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
