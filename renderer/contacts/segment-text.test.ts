import { describe, expect, it } from 'vitest'
import { SegmentText } from './segment-text'

const text = SegmentText.join([' asa ostlund', '', ' casa blanca', ' bo asa'])

function marks(needle: string, candidates: number[] | null): number[] {
  const out = new Uint8Array(text.count)
  text.mark(needle, ' ', candidates ? Int32Array.from(candidates) : null, out)
  return [...out]
}

describe('SegmentText', () => {
  it('marks each segment: 2 at a word start, 1 inside a word, 0 not there', () => {
    expect(marks('asa', null)).toEqual([2, 0, 1, 2])
    expect(marks('lund', null)).toEqual([1, 0, 0, 0])
    expect(marks('xyz', null)).toEqual([0, 0, 0, 0])
  })

  it('gives the same marks looking only at candidates as scanning everything', () => {
    for (const needle of ['asa', 'a', 'bo', 'blanca', 'nd'])
      expect(marks(needle, [0, 2, 3]), needle).toEqual(marks(needle, null))
    expect(marks('asa', [2])).toEqual([0, 0, 1, 0])
  })

  it('finds every segment holding a needle, skipping empty ones', () => {
    expect(text.segmentsWith('casa')).toEqual([2])
    expect(text.segmentsWith(' asa')).toEqual([0, 3])
    expect(text.segmentsWith(' bo')).toEqual([3])
    expect(text.segmentsWith('zz')).toEqual([])
  })
})
