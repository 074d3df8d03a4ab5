import { describe, expect, it } from 'vitest'
import { callerKey, numberKeys } from '../../contract/phone-number'
import { NumberText, encodeNumbers } from './number-text'

/** Numbers as address books hold them: national, international, odd, short, foreign. */
const books: Record<string, string[][]> = {
  SE: [
    ['08-123 45 67', '+46 70-123 45 67'],
    ['+46 8 120 100 64'],
    ['0046 8 120 100 64', '1001'],
    ['(0)30 1234'],
    ['+4681999'],
    ['070-555 01 02', '555'],
    ['+47 22 12 34 56'],
    ['+1 212 555 1234'],
    ['+36 1 234 5678'],
    ['+39 06 1234 5678'],
    ['8 123 45 67'],
    ['070-647 548', '08-864 75'],
    ['*72', 'sip:anna@example.com'],
    [],
    ['+12'],
  ],
  US: [['(212) 555-1234', '+1 415 555 0100'], ['08-123 45 67'], ['+46 8 123 45 67'], ['911']],
  HU: [['06 1 234 5678'], ['+36 30 123 4567']],
  RU: [['8 (495) 123-45-67'], ['+7 495 123 45 67', '8 800 555 35 35']],
}

/** What the index must answer: a number's search keys, as numberKeys gives them. */
function placeByKeys(values: readonly string[], query: string, region: string): number {
  let place = 0
  for (const value of values)
    for (const key of numberKeys(value, region).search) {
      const at = key.indexOf(query)
      if (at === 0) return 2
      if (at > 0) place = 1
    }
  return place
}

function queriesOf(book: readonly string[][], region: string): string[] {
  const queries = new Set<string>(['0', '+4', '9', '00', '468'])
  for (const values of book)
    for (const value of values)
      for (const key of numberKeys(value, region).search)
        for (let from = 0; from < key.length; from++)
          for (let to = from + 1; to <= key.length; to++) {
            const query = key.slice(from, to)
            if (query !== '+') queries.add(query)
          }
  return [...queries]
}

describe('NumberText', () => {
  for (const [region, book] of Object.entries(books)) {
    const text = NumberText.join(book.map((values) => encodeNumbers(values, region)))

    it(`finds every number as its search keys would, at the start or inside (${region})`, () => {
      const everyOther = Int32Array.from(book.keys()).filter((segment) => segment % 2 === 0)
      for (const query of queriesOf(book, region)) {
        const expected = book.map((values) => placeByKeys(values, query, region))
        const all = new Uint8Array(book.length)
        text.mark(query, null, all)
        expect([...all], query).toEqual(expected)
        const some = new Uint8Array(book.length)
        text.mark(query, everyOther, some)
        expect(
          [...everyOther].map((segment) => some[segment]),
          `${query} among candidates`,
        ).toEqual([...everyOther].map((segment) => expected[segment]))
      }
    })

    it(`names a caller by the exact caller key, never a look-alike (${region})`, () => {
      book.forEach((values, segment) => {
        for (const value of values) {
          const key = numberKeys(value, region).caller
          if (key === '') continue
          expect(text.segmentsWithCaller(key), value).toContain(segment)
          expect(text.segmentsWithCaller(callerKey(value, region)), value).toContain(segment)
          expect(text.segmentsWithCaller(key.slice(0, -1)), value).not.toContain(segment)
          expect(text.segmentsWithCaller(`${key}9`), value).not.toContain(segment)
        }
      })
    })
  }

  it('keeps a number written as E.164 digits or nationally once, not as three keys', () => {
    // ",4681234567,+4681234567;,081234567" before: 34 characters.
    expect(encodeNumbers(['+46 8-123 45 67'], 'SE')).toHaveLength(11)
    expect(encodeNumbers(['070-123 45 67'], 'SE')).toHaveLength(12)
    // A short mobile libphonenumber formats without its 0: written with it, still one number.
    expect(encodeNumbers(['070-647 548'], 'SE')).toHaveLength(11)
    // Written "0046…": its digits as written are a key of their own.
    expect(encodeNumbers(['0046 8 123 45 67'], 'SE')).toHaveLength(11 + 13)
    // Not a phone number: its keys as they are, the caller key marked.
    expect(encodeNumbers(['1001'], 'SE')).toBe(',1001;')
  })

  it('stays one byte per character', () => {
    for (const [region, book] of Object.entries(books))
      for (const values of book)
        for (const character of encodeNumbers(values, region))
          expect(character.charCodeAt(0)).toBeLessThan(0x100)
  })
})
