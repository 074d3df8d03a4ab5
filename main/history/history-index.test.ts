import { describe, expect, it } from 'vitest'
import type { HistoryEntry, HistoryQuery } from '../../contract/schemas'
import { HistoryIndex } from './history-index'
import type { LogRecord } from './history-log'

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

  it('loads a file in any order into the same state as recording the calls one by one', () => {
    const records: LogRecord[] = [
      { kind: 'call', entry: { ...entry('a', 300, 'A'), outcome: 'missed' } },
      { kind: 'call', entry: { ...entry('b', 100, 'B'), outcome: 'missed' } },
      { kind: 'seen', at: 1 },
      { kind: 'call', entry: { ...entry('c', 200, 'C'), outcome: 'missed' } },
      { kind: 'call', entry: entry('b', 400, 'B again') },
      { kind: 'call', entry: { ...entry('d', 200, 'D'), outcome: 'missed' } },
    ]
    const oneByOne = new HistoryIndex()
    for (const record of records) {
      if (record.kind === 'seen') oneByOne.markSeen()
      else oneByOne.add(record.entry)
    }
    const loaded = new HistoryIndex()
    loaded.load(records)
    expect(loaded.newestFirst()).toEqual(oneByOne.newestFirst())
    expect(loaded.newestFirst().map((e) => e.id)).toEqual(['b', 'a', 'd', 'c'])
    expect(loaded.missedUnseen).toBe(oneByOne.missedUnseen)
    expect(loaded.missedUnseen).toBe(2)
    expect(loaded.toRecords(5)).toEqual(oneByOne.toRecords(5))
    expect(loaded.query(search('b again')).entries.map((e) => e.id)).toEqual(['b'])
  })

  // 240,000 calls newest first (a clock that went back, a merged file): inserting one by one
  // shifted the whole array per call and took over 10 s, past the test's time limit.
  it('loads 240,000 calls stored newest first with one sort', () => {
    const count = 240_000
    const records: LogRecord[] = Array.from({ length: count }, (_, i) => ({
      kind: 'call',
      entry: entry(`c${i}`, count - i, 'X'),
    }))
    const index = new HistoryIndex()
    index.load(records)
    expect(index.size).toBe(count)
    expect(index.query(search('')).entries[0]?.id).toBe('c0')
    expect(index.newestFirst().at(-1)?.id).toBe(`c${count - 1}`)
  })
})
