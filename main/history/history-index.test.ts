import { describe, expect, it } from 'vitest'
import type { HistoryEntry, HistoryQuery } from '../../contract/schemas'
import { HistoryIndex } from './history-index'

const entry = (id: string, startedAt: number, remoteName: string): HistoryEntry => ({
  id,
  direction: 'incoming',
  outcome: 'answered',
  remoteName,
  remoteNumber: '100',
  via: '',
  transferredTo: '',
  startedAt,
  ringMs: 0,
  talkMs: 0,
})
const search = (text: string): HistoryQuery => ({ filter: 'all', search: text, offset: 0, limit: 10 })

describe('HistoryIndex', () => {
  it('folds search text in slices, and a search before the end finishes the rest itself', () => {
    const index = new HistoryIndex()
    for (let i = 0; i < 5; i++) index.add(entry(`c${i}`, i, i === 4 ? 'Åsa Östlund' : `Caller ${i}`))
    expect(index.warmSearchKeys(2)).toBe(false)
    expect(index.query(search('ostlund')).entries.map((e) => e.id)).toEqual(['c4'])
    expect(index.warmSearchKeys(2)).toBe(true)
  })

  it('keeps calls in start-time order whatever order they arrive in', () => {
    const index = new HistoryIndex()
    index.add(entry('late', 300, 'A'))
    index.add(entry('early', 100, 'B'))
    index.add(entry('middle', 200, 'C'))
    expect(index.newestFirst().map((e) => e.id)).toEqual(['late', 'middle', 'early'])
    expect(index.delete('middle')).toBe(true)
    expect(index.pruneTo(1)).toBe(1)
    expect(index.newestFirst().map((e) => e.id)).toEqual(['late'])
  })
})
