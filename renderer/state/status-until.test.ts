import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { datesFor } from '../../contract/i18n'
import { untilFromInput, untilText } from './status-until'

const zoneBefore = process.env.TZ
beforeAll(() => {
  process.env.TZ = 'Europe/Stockholm'
})
afterAll(() => {
  process.env.TZ = zoneBefore
})

const at = (d: number, h: number, mi = 0) => new Date(2026, 10, d, h, mi).getTime()

describe('until typed by a person', () => {
  it('takes a time as today, or tomorrow once it has passed', () => {
    expect(untilFromInput('time', '13:00', at(30, 11))).toBe(new Date(at(30, 13)).toISOString())
    expect(untilFromInput('time', '13:00', at(30, 14))).toBe(new Date(2026, 11, 1, 13).toISOString())
  })

  it('takes a date as the start of that day, only in the future', () => {
    expect(untilFromInput('date', '2026-12-03', at(30, 11))).toBe(new Date(2026, 11, 3).toISOString())
    expect(untilFromInput('date', '2026-11-30', at(30, 11))).toBeUndefined()
    expect(untilFromInput('date', '2026-02-30', at(30, 11))).toBeUndefined()
  })

  it('refuses what is not a time or a date', () => {
    for (const text of ['', '25:00', '1300', 'lunch', '13:00:00'])
      expect(untilFromInput('time', text, at(30, 11))).toBeUndefined()
    expect(untilFromInput('date', '3/12', at(30, 11))).toBeUndefined()
  })
})

describe('until as shown', () => {
  it('is a time today, a day for a date, and day and time otherwise', () => {
    const sv = datesFor('sv')
    expect(untilText(new Date(at(30, 13)).toISOString(), at(30, 11), sv)).toBe('13:00')
    expect(untilText(new Date(2026, 11, 3).toISOString(), at(30, 11), sv)).toMatch(/^tors? 3 dec/)
    expect(untilText(new Date(2026, 11, 1, 13).toISOString(), at(30, 11), sv)).toContain('13:00')
    expect(untilText(new Date(2026, 11, 3).toISOString(), at(30, 11), datesFor('en'))).toBe('Thu 3 Dec')
  })
})
