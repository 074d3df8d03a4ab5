import { describe, expect, it } from 'vitest'
import type { Contact } from '../../contract/schemas'
import { BookContact, ContactBook, numberCountOf } from './contact-book'

const contact = (index: number, overrides: Partial<Contact> = {}): Contact => ({
  id: `contact-${index}`,
  name: `Åsa Östlund ${index}`,
  company: index % 2 ? 'Acme AB' : '',
  favourite: index % 3 === 0,
  numbers: [
    { kind: 'work', value: `+46 8-120 ${String(index).padStart(3, '0')}` },
    { kind: 'mobile', value: `070-${index}` },
  ],
  ...overrides,
})

const plain = (contacts: readonly Contact[]) => contacts.map((c) => JSON.parse(JSON.stringify(c)) as Contact)

describe('ContactBook', () => {
  it('gives back every field of every contact, in order, across chunks', () => {
    const given = Array.from({ length: 1200 }, (_, index) => contact(index))
    const book = ContactBook.of(given)
    expect(book.length).toBe(1200)
    expect(plain(book.all())).toEqual(given)
    expect(book.all().every((c) => c instanceof BookContact)).toBe(true)
  })

  it('keeps long texts, every kind, no numbers and texts in any script', () => {
    const given: Contact[] = [
      contact(1, { name: 'N'.repeat(256), company: 'C'.repeat(240), id: 'i'.repeat(64) }),
      contact(2, { numbers: [] }),
      contact(3, {
        name: '王小明 \u202Eevil',
        company: '\u0000\u00ff\u0100',
        numbers: (['work', 'mobile', 'extension', 'home', 'other'] as const).map((kind, i) => ({
          kind,
          value: `${'9'.repeat(120)}${i}`,
        })),
      }),
      contact(4, { name: '' }),
    ]
    const book = ContactBook.of(given)
    expect(plain(book.all())).toEqual(given)
    expect(book.all().map((c) => numberCountOf(c))).toEqual([2, 0, 5, 2])
    expect(book.all().map((c) => c.favourite)).toEqual(given.map((c) => c.favourite))
  })

  it('refuses a text longer than it can say (the schema allows far less)', () => {
    expect(() => ContactBook.of([contact(1, { id: 'x'.repeat(0x1f_0000) })])).toThrow(RangeError)
  })

  it('keeps each word of the names once, and every name exactly as written (spaces, punctuation, case)', () => {
    const names = ['Åsa  Östlund', ' Bo Berg ', 'O’Brien-Smith, Ann', '', ' ', 'åsa östlund', 'Åsa Östlund 2']
    const given = names.map((name, index) => contact(index, { name }))
    const book = ContactBook.of(given)
    expect(book.all().map((c) => c.name)).toEqual(names)
    expect(plain(book.all())).toEqual(given)
    const many = Array.from({ length: 600 }, (_, index) =>
      contact(index, { name: `Anna Andersson ${index}` }),
    )
    expect(
      ContactBook.of(many)
        .all()
        .map((c) => c.name),
    ).toEqual(many.map((c) => c.name))
  })

  it('gives a row the same number objects each time it is read, and copies that own nothing of the book', () => {
    const book = ContactBook.of([contact(1)])
    const row = book.at(0)
    expect(row?.numbers).toBe(row?.numbers)
    const copy = row?.toJSON()
    expect(copy).toEqual(contact(1))
    expect(copy?.numbers[0]).not.toBe(row?.numbers[0])
    expect(structuredClone(copy)).toEqual(contact(1))
  })

  it('keeps UUIDs (what main gives imported contacts) and other ids as they are', () => {
    const ids = [
      crypto.randomUUID(),
      crypto.randomUUID(),
      '0F8FAD5B-D9CB-469F-A165-70867728950E',
      'x'.repeat(64),
      '',
    ]
    const book = ContactBook.of(ids.map((id, index) => contact(index, { id })))
    expect(book.all().map((c) => c.id)).toEqual(ids)
    expect(book.all().map((c) => c.name)).toEqual(ids.map((_, index) => contact(index).name))
  })

  it('names each company once, whatever the number of contacts working there', () => {
    const given = Array.from({ length: 300 }, (_, index) =>
      contact(index, { company: `Company ${index % 250}` }),
    )
    const book = ContactBook.of(given)
    expect(book.all().map((c) => c.company)).toEqual(given.map((c) => c.company))
  })

  it('keeps number values as written, packed or not', () => {
    const values = [
      '+46 8-120 100 64',
      '070-123 45 67',
      '(08) 12',
      '1',
      '',
      '4403',
      'sip:bob@pbx',
      '*8#12',
      '08.12',
      '9'.repeat(128),
    ]
    const book = ContactBook.of([contact(1, { numbers: values.map((value) => ({ kind: 'other', value })) })])
    expect(book.at(0)?.numbers.map((number) => number.value)).toEqual(values)
  })

  it('packs views of another book, or that book itself (a save or a new region re-packs the list it holds)', () => {
    const first = ContactBook.of([contact(1), contact(2)])
    const second = ContactBook.of([...first.all(), contact(3)])
    expect(plain(second.all())).toEqual([contact(1), contact(2), contact(3)])
    expect(plain(ContactBook.of(first).all())).toEqual([contact(1), contact(2)])
  })

  it('makes a view only for the contact asked for, by position, and finds a position by id', () => {
    const given = Array.from({ length: 700 }, (_, index) => contact(index))
    const book = ContactBook.of(given)
    expect(book.at(-1)).toBeUndefined()
    expect(book.at(700)).toBeUndefined()
    expect(book.at(613)).toBeInstanceOf(BookContact)
    expect(book.at(613)).not.toBe(book.at(613))
    expect(book.at(613)?.toJSON()).toEqual(given[613])
    expect(book.positionOf('contact-613')).toBe(613)
    expect(book.positionOf('contact-700')).toBe(-1)
    expect(plain([...book])).toEqual(given)
    expect(book.numberCount(613)).toBe(2)
    expect([...book.positionsOfIds(new Set(['contact-613', 'contact-2', 'nobody']))]).toEqual([2, 613])
  })

  it('counts numbers of plain contacts too', () => {
    expect(numberCountOf(contact(1))).toBe(2)
  })
})
