import { describe, expect, it } from 'vitest'
import { rowOffsets, visibleRange } from './virtual-window'

/** Rows given as their own heights. */
const height = (row: number) => row

describe('virtual window', () => {
  it('computes offsets from heights', () => {
    expect([...rowOffsets([10, 20, 30], height)]).toEqual([0, 10, 30, 60])
    expect([...rowOffsets([], height)]).toEqual([0])
  })
  it('renders only rows near the viewport out of 10,000', () => {
    const offsets = rowOffsets(new Array<number>(10_000).fill(40), height)
    const range = visibleRange(offsets, 40 * 5000, 400, 80)
    expect(range.start).toBe(4998)
    expect(range.end).toBe(5012)
    expect(range.end - range.start).toBeLessThan(20)
  })
  it('handles the top, the bottom and empty lists', () => {
    const offsets = rowOffsets([50, 50, 50], height)
    expect(visibleRange(offsets, 0, 60, 0)).toEqual({ start: 0, end: 2 })
    expect(visibleRange(offsets, 1000, 60, 0)).toEqual({ start: 2, end: 3 })
    expect(visibleRange(rowOffsets([], height), 0, 500)).toEqual({ start: 0, end: 0 })
  })
})
