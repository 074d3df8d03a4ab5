import { describe, expect, it } from 'vitest'
import type { Contact } from '../../contract/schemas'
import { callerKey } from '../../contract/phone-number'
import { ContactSearch } from './contact-search'

const contact = (id: string, name: string, ...numbers: string[]): Contact => ({
  id,
  name,
  company: '',
  favourite: false,
  numbers: numbers.map((value) => ({ kind: 'work' as const, value })),
})

describe('ContactSearch.nameForCaller', () => {
  // Listed with "Also Växeln" after "Växeln" although it sorts first by name.
  const book = new ContactSearch(
    [
      contact('1', 'Växeln', '08-120 100 64', '1001'),
      contact('2', 'Erik', '070-555 01 02'),
      contact('3', 'Also Växeln', '+46 8 120 100 64'),
      contact('4', 'Short', '12'),
    ],
    'SE',
  )
  const nameOf = (caller: string) => book.nameForCaller(callerKey(caller, 'SE'))

  it('names a caller by the same phone number however it is written, the first contact winning', () => {
    expect(nameOf('+46812010064')).toBe('Växeln')
    expect(nameOf('0812010064')).toBe('Växeln')
    expect(nameOf('+46705550102')).toBe('Erik')
    expect(nameOf('1001')).toBe('Växeln')
  })

  it('never names a caller by a look-alike, a part of a number or a too short key', () => {
    expect(nameOf('+47812010064')).toBe('')
    expect(nameOf('+4681201006')).toBe('')
    expect(nameOf('100')).toBe('')
    expect(nameOf('12')).toBe('')
    expect(book.nameForCaller('')).toBe('')
    expect(book.nameForCaller('1001;,')).toBe('')
  })
})
