import { describe, expect, it } from 'vitest'
import type { Contact } from '../../contract/schemas'
import { ContactSearch } from './contact-search'
import { ContactBook } from './contact-book'

function contact(id: string, name: string, numbers: string[], extra: Partial<Contact> = {}): Contact {
  return {
    id,
    name,
    company: '',
    favourite: false,
    numbers: numbers.map((value) => ({ kind: 'work' as const, value })),
    ...extra,
  }
}

const people: Contact[] = [
  contact('1', 'Åsa Östlund', ['+46 8 123 45 67'], { company: 'Ærø Shipping' }),
  contact('2', 'Bertil Åström', ['08-12 34 56'], { company: 'Acme AB' }),
  contact('3', 'Zoë Müller', ['+4681999'], { favourite: true }),
  contact('4', 'Søren Kierkegaard', ['070-555 01 02']),
  contact('5', 'Hans Straße', ['(0)30 1234']),
  contact('6', 'Casa Blanca', ['555']),
]

const names = (found: Contact[]) => found.map((c) => c.name)

describe('ContactSearch', () => {
  const search = new ContactSearch(people)

  it('answers with places in the list given (favourites first), the same over a packed book', () => {
    expect(Array.from(search.find(''))).toEqual([2, 0, 1, 5, 4, 3])
    expect(Array.from(search.find('a'))).toEqual([0, 1, 5, 4, 3])
    const packed = new ContactSearch(ContactBook.of(people))
    for (const query of ['', 'a', 'zoe', '08 12', '+46', 'acme'])
      expect(Array.from(packed.find(query))).toEqual(Array.from(search.find(query)))
    expect(names(packed.search('zoe'))).toEqual(['Zoë Müller'])
  })

  it('finds names regardless of case and diacritics', () => {
    expect(names(search.search('asa'))).toContain('Åsa Östlund')
    expect(names(search.search('ostlund'))).toEqual(['Åsa Östlund'])
    expect(names(search.search('OSTLUND'))).toEqual(['Åsa Östlund'])
    expect(names(search.search('muller'))).toEqual(['Zoë Müller'])
    expect(names(search.search('zoe'))).toEqual(['Zoë Müller'])
  })

  it('spells out letters Unicode does not decompose (ø, æ, ß)', () => {
    expect(names(search.search('soren'))).toEqual(['Søren Kierkegaard'])
    expect(names(search.search('aero'))).toEqual(['Åsa Östlund'])
    expect(names(search.search('strasse'))).toEqual(['Hans Straße'])
  })

  it('matches digits whatever the formatting', () => {
    // +46 8 123 45 67 is 08-123 45 67 in Sweden: typed nationally, it is found too
    expect(names(search.search('0812'))).toEqual(['Åsa Östlund', 'Bertil Åström'])
    // 08-12 34 56 is a Stockholm number too: +46 8 finds it
    expect(names(search.search('+46 8'))).toEqual(['Zoë Müller', 'Åsa Östlund', 'Bertil Åström'])
    expect(names(search.search('070 555'))).toEqual(['Søren Kierkegaard'])
    expect(names(search.search('301234'))).toEqual(['Hans Straße'])
  })

  it('finds 08-120 100 64 by +46812010064, 0812010064 and 120 100 64, never by a foreign number', () => {
    const stockholm = new ContactSearch([contact('7', 'Växeln', ['08-120 100 64']), ...people], 'SE')
    for (const typed of ['+46812010064', '0812010064', '120 100 64', '+46 8 120 100 64'])
      expect(names(stockholm.search(typed)), typed).toEqual(['Växeln'])
    expect(names(stockholm.search('+47812010064'))).toEqual([])
  })

  it('searches the company', () => {
    expect(names(search.search('acme'))).toEqual(['Bertil Åström'])
  })

  it('requires every word of the query to match', () => {
    expect(names(search.search('asa ost'))).toEqual(['Åsa Östlund'])
    expect(names(search.search('asa kierk'))).toEqual([])
  })

  it('ranks word-start matches before matches inside a word', () => {
    // "asa" starts "Åsa" but sits inside "Casa".
    expect(names(search.search('asa'))).toEqual(['Åsa Östlund', 'Casa Blanca'])
  })

  it('ranks favourites first', () => {
    const withFavourite = new ContactSearch([
      contact('a', 'Anna Andersson', ['1']),
      contact('b', 'Anders Berg', ['2'], { favourite: true }),
    ])
    expect(names(withFavourite.search('and'))).toEqual(['Anders Berg', 'Anna Andersson'])
    expect(names(withFavourite.search(''))).toEqual(['Anders Berg', 'Anna Andersson'])
  })

  it('gives the same answer when narrowing while typing and when searching afresh', () => {
    const typing = new ContactSearch(people)
    let last: Contact[] = []
    for (const prefix of ['s', 'st', 'str', 'stro']) last = typing.search(prefix)
    expect(names(last)).toEqual(names(new ContactSearch(people).search('stro')))
    expect(names(last)).toEqual(['Bertil Åström'])
    // Deleting characters widens again.
    expect(names(typing.search('s')).length).toBeGreaterThan(1)
  })

  it('lists everyone while only the "+" of a number is typed', () => {
    expect(search.search('+')).toHaveLength(people.length)
    expect(search.search(' ( ')).toHaveLength(people.length)
  })

  it('returns nothing for a query that matches nobody', () => {
    expect(search.search('xyzzy')).toEqual([])
  })

  it('builds the same index a slice at a time, yielding between slices of 1,000 contacts', () => {
    const many = Array.from({ length: 2500 }, (_, index) =>
      contact(`m${index}`, `${people[index % people.length]?.name ?? ''} ${index}`, [`08-${index}`]),
    )
    const slices = ContactSearch.slices(many)
    let yields = 0
    let step = slices.next()
    while (!step.done) {
      yields++
      step = slices.next()
    }
    expect(yields).toBe(2)
    const whole = new ContactSearch(many)
    for (const query of ['ostlund', 'zoe 12', '08-24', ''])
      expect(names(step.value.search(query))).toEqual(names(whole.search(query)))
  })
})
