import { describe, expect, it } from 'vitest'
import { WordTable } from './word-table'
import { SegmentText } from './segment-text'

const texts = [
  ' asa ostlund',
  ' bertil astrom',
  ' casa blanca',
  '',
  ' asa asa',
  ' ',
  ' bo ostlund 1024',
  ' o',
  ' 1024 b',
]
const table = WordTable.join(texts)
const written = SegmentText.join(texts)

function marks(needle: string, candidates: number[] | null, index: 'table' | 'written'): number[] {
  const out = new Uint8Array(texts.length)
  const among = candidates ? Int32Array.from(candidates) : null
  if (index === 'table') table.mark(needle, among, out)
  else written.mark(needle, ' ', among, out)
  return candidates ? candidates.map((text) => out[text] as number) : [...out]
}

describe('WordTable', () => {
  it('finds a text by a word it starts or holds, each word kept once', () => {
    expect(table.count).toBe(texts.length)
    expect(marks('asa', null, 'table')).toEqual([2, 0, 1, 0, 2, 0, 0, 0, 0])
    expect(marks('lund', null, 'table')).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 0])
    expect(marks('102', null, 'table')).toEqual([0, 0, 0, 0, 0, 0, 2, 0, 2])
    expect(marks('zz', null, 'table')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0])
  })

  it('answers as the texts written out would, among candidates too, keeping marks already made', () => {
    const needles = ['a', 'as', 'asa', 'o', 'os', 'st', 'b', 'bo', '1', '24', 'an', 'x', 'ca', 'lund']
    for (const needle of needles)
      for (const candidates of [null, [0, 2, 4, 6], [1, 3, 5, 7, 8]])
        expect(marks(needle, candidates, 'table'), `${needle} ${String(candidates)}`).toEqual(
          marks(needle, candidates, 'written'),
        )
    const before = new Uint8Array(texts.length).fill(1)
    table.mark('asa', null, before)
    expect([...before]).toEqual([2, 1, 1, 1, 2, 1, 1, 1, 1])
  })

  it('answers as the texts written out would over thousands of names (every scan path)', () => {
    const first = ['anna', 'erik', 'asa', 'lars', 'karin', 'bo']
    const last = ['andersson', 'ostlund', 'berg', 'lindqvist', 'holm']
    const many = Array.from(
      { length: 3000 },
      (_, i) => ` ${first[i % first.length]} ${last[(i * 7) % last.length]}${i % 3 ? ` ${i}` : ''}`,
    )
    const big = WordTable.join(many)
    const bigWritten = SegmentText.join(many)
    const all = Int32Array.from(many.keys())
    for (const needle of ['a', 'an', 'nd', 'berg', 'o', '1', '29', '2999', 'q'])
      for (const candidates of [null, all, all.filter((i) => i % 5 === 0)]) {
        const got = new Uint8Array(many.length)
        const want = new Uint8Array(many.length)
        big.mark(needle, candidates, got)
        bigWritten.mark(needle, ' ', candidates, want)
        const seen = candidates ?? all
        expect(
          Array.from(seen, (i) => got[i]),
          needle,
        ).toEqual(Array.from(seen, (i) => want[i]))
      }
  })
})
