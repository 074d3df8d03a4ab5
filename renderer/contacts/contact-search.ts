import type { Contact } from '../../contract/schemas'
import { digitsOf, foldText, looksLikeNumber } from '../../contract/search-text'

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
  hits: IndexedContact[]
}

const wordSeparators = /[\s,.;:()'"/\\_-]+/g

function toWords(text: string): string {
  return ` ${foldText(text).replace(wordSeparators, ' ').trim()}`
}


export class ContactSearch {
  private readonly indexed: IndexedContact[]
  private previous: PreviousSearch | null = null

  constructor(contacts: readonly Contact[]) {
    const withSortKey = contacts.map((contact) => ({
      sortKey: foldText(contact.name),
      entry: {
        contact,
        words: `${toWords(contact.name)}${toWords(contact.company)}`,
        numberDigits: contact.numbers.map((number) => digitsOf(number.value)).filter((digits) => digits !== ''),
      },
    }))
    withSortKey.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    this.indexed = withSortKey.map(({ entry }) => entry)
  }

  get size(): number {
    return this.indexed.length
  }

  /** Matching contacts, best first. An empty query lists everyone, favourites first. */
  search(query: string): Contact[] {
    const mode: QueryMode = looksLikeNumber(query) ? 'number' : 'text'
    const key = mode === 'number' ? digitsOf(query) : foldText(query).replace(wordSeparators, ' ').trim()
    if (key === '') {
      this.previous = null
      return rank(this.indexed, () => true)
    }

    const candidates = this.narrowedCandidates(mode, key)
    const hits: IndexedContact[] = []
    const atStart = new Set<IndexedContact>()
    if (mode === 'number') {
      for (const entry of candidates) {
        const where = numberMatch(entry, key)
        if (where === 'none') continue
        hits.push(entry)
        if (where === 'start') atStart.add(entry)
      }
    } else {
      const tokens = key.split(' ')
      for (const entry of candidates) {
        const where = textMatch(entry, tokens)
        if (where === 'none') continue
        hits.push(entry)
        if (where === 'start') atStart.add(entry)
      }
    }
    this.previous = { mode, key, hits }
    return rank(hits, (entry) => atStart.has(entry))
  }

  /** Typing one more character can only shrink the hits, so search within the last ones. */
  private narrowedCandidates(mode: QueryMode, key: string): IndexedContact[] {
    const previous = this.previous
    if (previous && previous.mode === mode && key.startsWith(previous.key)) return previous.hits
    return this.indexed
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
  if (place === 'none' && entry.words.includes(digits)) place = entry.words.includes(` ${digits}`) ? 'start' : 'inside'
  return place
}

/** Every token must match somewhere (text or, for digit tokens, a number). */
function textMatch(entry: IndexedContact, tokens: string[]): MatchPlace {
  let allAtWordStart = true
  for (const token of tokens) {
    if (entry.words.includes(` ${token}`)) continue
    if (entry.words.includes(token)) {
      allAtWordStart = false
      continue
    }
    const tokenDigits = digitsOf(token)
    if (tokenDigits !== '' && tokenDigits === token) {
      const where = numberMatch(entry, tokenDigits)
      if (where === 'none') return 'none'
      if (where === 'inside') allAtWordStart = false
      continue
    }
    return 'none'
  }
  return allAtWordStart ? 'start' : 'inside'
}

/** Stable bucketing (no sort per keystroke): entries are already in name order. */
function rank(entries: readonly IndexedContact[], atStart: (entry: IndexedContact) => boolean): Contact[] {
  const buckets: Contact[][] = [[], [], [], []]
  for (const entry of entries) {
    const bucket = (entry.contact.favourite ? 0 : 2) + (atStart(entry) ? 0 : 1)
    buckets[bucket]?.push(entry.contact)
  }
  return buckets.flat()
}
