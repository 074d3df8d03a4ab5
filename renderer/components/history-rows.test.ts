import { describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../contract/schemas'
import { historyRows, outcomeText } from './history-rows'

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
    )
    expect(rows.map((row) => row.day)).toEqual(['Today', null, 'Yesterday'])
  })
  it('describes outcomes in words', () => {
    expect(outcomeText(entry('a', 0, { outcome: 'transferred', transferredTo: 'Bo' }))).toBe(
      'Transferred to Bo',
    )
    expect(outcomeText(entry('a', 0, { outcome: 'missed' }))).toBe('Missed')
    expect(outcomeText(entry('a', 0, { outcome: 'rejected', direction: 'outgoing' }))).toBe('Declined')
  })
})
