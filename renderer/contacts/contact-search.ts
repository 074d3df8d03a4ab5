import type { Contact } from '../../contract/schemas'
import { defaultRegion, numberQueryKey, numberSearchKeys } from '../../contract/phone-number'
import { foldText, looksLikeNumber } from '../../contract/search-text'

/**
 * Search-as-you-type over contacts: name, company and numbers, case- and accent-insensitive,
 * digits matched whatever the formatting. Pure TypeScript (no Svelte) so it is unit-tested and
 * benchmarked in Node. Folding is done once per contact when the index is built; a keystroke
 * is then a single pass of `includes` checks, narrowed to the previous hits while the user keeps
 * typing the same query.
 *
 * Ranking: favourites before others, and within each, matches at the start of a word (or the
 * start of a number) before matches in the middle; ties keep alphabetical order by name.
 */

interface IndexedContact {
  contact: Contact
  /** " asa ostlund acme ab": folded words, each preceded by a space so " ost" is a word start. */
  words: string
  /** Digits of every number, e.g. ["46812345", "0701234567"]. */
  numberDigits: string[]
}

type QueryMode = 'text' | 'number'

interface PreviousSearch {
  mode: QueryMode
  key: string
  /** Positions in `indexed` (name order) of the contacts that matched. */
  hits: Int32Array
}

const wordSeparators = /[\s,.;:()'"/\\_-]+/g
const letterOrDigit = /[\p{L}\p{N}]/u

function toWords(folded: string): string {
  return ` ${folded.replace(wordSeparators, ' ').trim()}`
}

interface KeyedContact {
  sortKey: string
  entry: IndexedContact
}

function keyed(contact: Contact, region: string): KeyedContact {
  const name = foldText(contact.name)
  return {
    sortKey: name,
    entry: {
      contact,
      words: contact.company === '' ? toWords(name) : `${toWords(name)}${toWords(foldText(contact.company))}`,
      numberDigits: contact.numbers.flatMap((number) => numberSearchKeys(number.value, region)),
    },
  }
}

/** Contacts folded between two yields of ContactSearch.slices (a few ms of work each). */
const contactsPerSlice = 1000

export class ContactSearch {
  private readonly indexed: IndexedContact[]
  /** 0, 1, 2, … : every position, the candidates of a fresh search. */
  private readonly allPositions: Int32Array
  private previous: PreviousSearch | null = null

  private readonly region: string

  /** `region`: where numbers are read and typed (SE unless the account says otherwise). */
  constructor(contacts: readonly Contact[] | readonly KeyedContact[], region: string = defaultRegion) {
    this.region = region
    const withSortKey = contacts.map((item) => ('sortKey' in item ? item : keyed(item, region)))
    withSortKey.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    this.indexed = withSortKey.map(({ entry }) => entry)
    this.allPositions = Int32Array.from(this.indexed.keys())
  }

  /**
   * The same index, folded a slice of contacts at a time: the generator yields between slices
   * so the window can paint and answer input while 10,000 contacts are indexed.
   */
  static *slices(
    contacts: readonly Contact[],
    region: string = defaultRegion,
  ): Generator<void, ContactSearch, void> {
    const prepared: KeyedContact[] = []
    for (const [position, contact] of contacts.entries()) {
      prepared.push(keyed(contact, region))
      if (position % contactsPerSlice === contactsPerSlice - 1) yield
    }
    return new ContactSearch(prepared, region)
  }

  get size(): number {
    return this.indexed.length
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
      return rankAll(this.indexed)
    }

    const match = mode === 'number' ? (entry: IndexedContact) => numberMatch(entry, key) : textMatcher(key)
    const candidates = this.narrowedCandidates(mode, key)
    // One pass records each hit's position and rank bucket — favourite at a word start,
    // favourite inside a word, other at a start, other inside — in typed arrays (no garbage per
    // keystroke); a second pass lays the contacts out bucket by bucket, each in name order.
    const positions = new Int32Array(candidates.length)
    const bucketOf = new Uint8Array(candidates.length)
    const bucketSizes = [0, 0, 0, 0]
    let hitCount = 0
    for (let candidate = 0; candidate < candidates.length; candidate++) {
      const position = candidates[candidate] as number
      const entry = this.indexed[position] as IndexedContact
      const place = match(entry)
      if (place === 'none') continue
      const bucket = (entry.contact.favourite ? 0 : 2) + (place === 'start' ? 0 : 1)
      positions[hitCount] = position
      bucketOf[hitCount] = bucket
      bucketSizes[bucket] = (bucketSizes[bucket] as number) + 1
      hitCount++
    }
    const next = [0, bucketSizes[0] as number, 0, 0]
    next[2] = (next[1] as number) + (bucketSizes[1] as number)
    next[3] = (next[2] as number) + (bucketSizes[2] as number)
    const ranked = new Array<Contact>(hitCount)
    for (let hit = 0; hit < hitCount; hit++) {
      const bucket = bucketOf[hit] as number
      ranked[next[bucket] as number] = (this.indexed[positions[hit] as number] as IndexedContact).contact
      next[bucket] = (next[bucket] as number) + 1
    }
    this.previous = { mode, key, hits: positions.slice(0, hitCount) }
    return ranked
  }

  /** Typing one more character can only shrink the hits, so search within the last ones. */
  private narrowedCandidates(mode: QueryMode, key: string): Int32Array {
    const previous = this.previous
    if (previous && previous.mode === mode && key.startsWith(previous.key)) return previous.hits
    return this.allPositions
  }
}

type MatchPlace = 'start' | 'inside' | 'none'

function numberMatch(entry: IndexedContact, digits: string): MatchPlace {
  let place: MatchPlace = 'none'
  for (const numberDigits of entry.numberDigits) {
    const at = numberDigits.indexOf(digits)
    if (at === 0) return 'start'
    if (at > 0) place = 'inside'
  }
  // A number-looking query may also be part of a name or company ("Room 101").
  if (place === 'none' && entry.words.includes(digits))
    place = entry.words.includes(` ${digits}`) ? 'start' : 'inside'
  return place
}

/** Every word of the query must match somewhere (text or, for an all-digit word, a number). */
function textMatcher(key: string): (entry: IndexedContact) => MatchPlace {
  const tokens = key
    .split(' ')
    .map((token) => ({ token, wordStart: ` ${token}`, isDigits: /^\d+$/.test(token) }))
  return (entry) => {
    let allAtWordStart = true
    for (const { token, wordStart, isDigits } of tokens) {
      if (entry.words.includes(wordStart)) continue
      if (entry.words.includes(token)) {
        allAtWordStart = false
        continue
      }
      if (!isDigits) return 'none'
      const where = numberMatch(entry, token)
      if (where === 'none') return 'none'
      if (where === 'inside') allAtWordStart = false
    }
    return allAtWordStart ? 'start' : 'inside'
  }
}

function rankAll(entries: readonly IndexedContact[]): Contact[] {
  const favourites: Contact[] = []
  const others: Contact[] = []
  for (const entry of entries) (entry.contact.favourite ? favourites : others).push(entry.contact)
  return favourites.concat(others)
}
