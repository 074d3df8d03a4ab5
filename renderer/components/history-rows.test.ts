import { describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../contract/schemas'
import { datesFor, render } from '../../contract/i18n'
import { english } from '../testing/english'
import { outcomeText } from '../../contract/history-words'
import { entryTimes, hasContext, historyRows } from './history-rows'

const entry = (id: string, startedAt: number, change: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id,
  direction: 'incoming',
  outcome: 'answered',
  remoteName: '',
  remoteNumber: '1',
  via: '',
  transferredTo: '',
  startedAt,
  ringMs: 0,
  talkMs: 0,
  ...change,
})

describe('historyRows', () => {
  it('puts a day heading above the first entry of each day', () => {
    const now = new Date(2026, 10, 25, 15).getTime()
    const rows = historyRows(
      [
        entry('a', new Date(2026, 10, 25, 14).getTime()),
        entry('b', new Date(2026, 10, 25, 9).getTime()),
        entry('c', new Date(2026, 10, 24, 18).getTime()),
      ],
      now,
      datesFor('en'),
    )
    expect(rows.map((row) => row.day)).toEqual(['Today', null, 'Yesterday'])
    const svenska = historyRows(
      rows.map((row) => row.entry),
      now,
      datesFor('sv'),
    )
    expect(svenska.map((row) => row.day)).toEqual(['I dag', null, 'I går'])
  })
  it('describes outcomes in words', () => {
    expect(english(outcomeText(entry('a', 0, { outcome: 'transferred', transferredTo: 'Bo' })))).toBe(
      'Transferred to Bo',
    )
    expect(english(outcomeText(entry('a', 0, { outcome: 'missed' })))).toBe('Missed')
    expect(english(outcomeText(entry('a', 0, { outcome: 'rejected', direction: 'outgoing' })))).toBe(
      'Declined',
    )
  })
})

describe('entry detail lines', () => {
  it('puts the talk time before the time of day, and leaves it out when nobody talked', () => {
    expect(entryTimes(entry('a', 0, { talkMs: 3_400 }), '04:02 PM')).toBe(' · 00:03 · 04:02 PM')
    expect(entryTimes(entry('a', 0, { talkMs: 0, outcome: 'missed' }), '16:02')).toBe(' · 16:02')
  })
  it('has a context line for a number under a shown name or the party the call came through', () => {
    expect(hasContext(entry('a', 0, { remoteName: 'Bob', remoteNumber: '4102', via: 'switchboard' }))).toBe(
      true,
    )
    expect(hasContext(entry('a', 0, { remoteName: 'Bob', remoteNumber: '4102' }))).toBe(true)
    // Without a name the number is the heading already: only the via remains.
    expect(hasContext(entry('a', 0, { remoteName: '', remoteNumber: '4102', via: '700' }))).toBe(true)
    expect(hasContext(entry('a', 0, { remoteName: '', remoteNumber: '4102' }))).toBe(false)
  })
  it('says outcomes in Swedish too', () => {
    expect(render('sv', outcomeText(entry('a', 0, { outcome: 'missed' })))).toBe('Missat')
  })
})
