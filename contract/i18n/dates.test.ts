import { describe, expect, it } from 'vitest'
import { datesFor } from './dates'

describe('dates per language', () => {
  const now = new Date(2026, 10, 25, 15, 0).getTime()

  it('Swedish: 24-hour clock, "I dag", "I går", day names', () => {
    const sv = datesFor('sv')
    expect(sv.time(new Date(2026, 10, 25, 16, 2).getTime())).toBe('16:02')
    expect(sv.day(new Date(2026, 10, 25, 0, 1).getTime(), now)).toBe('I dag')
    expect(sv.day(new Date(2026, 10, 24, 23, 59).getTime(), now)).toBe('I går')
    expect(sv.day(new Date(2026, 10, 23, 12, 0).getTime(), now)).toBe('Måndag 23 november 2026')
  })

  it('English: "Today", "Yesterday", day names', () => {
    const en = datesFor('en')
    expect(en.day(new Date(2026, 10, 25, 0, 1).getTime(), now)).toBe('Today')
    expect(en.day(new Date(2026, 10, 24, 23, 59).getTime(), now)).toBe('Yesterday')
    expect(en.day(new Date(2026, 10, 23, 12, 0).getTime(), now)).toMatch(/^Monday,? 23 November 2026$/)
    expect(en.time(new Date(2026, 10, 25, 16, 2).getTime())).toBe('16:02')
  })

  it('builds the formatters once per language', () => {
    expect(datesFor('sv')).toBe(datesFor('sv'))
    expect(datesFor('sv')).not.toBe(datesFor('en'))
  })
})
