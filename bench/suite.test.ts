import { describe, expect, it } from 'vitest'
import { median } from './suite'

describe('median', () => {
  it('takes the middle of an odd count, whatever the order', () => {
    expect(median([30, 10, 20])).toBe(20)
  })

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5)
  })

  it('is not a number for no samples, so a suite that measured nothing cannot pass as fast', () => {
    expect(median([])).toBeNaN()
  })

  it('leaves the samples as they were', () => {
    const samples = [3, 1, 2]
    median(samples)
    expect(samples).toEqual([3, 1, 2])
  })
})
