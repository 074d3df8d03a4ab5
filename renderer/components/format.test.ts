import { describe, expect, it } from 'vitest'
import { formatDuration } from './format'

describe('formatDuration', () => {
  it('shows mm:ss, and hours when needed', () => {
    expect(formatDuration(0)).toBe('00:00')
    expect(formatDuration(65_400)).toBe('01:05')
    expect(formatDuration(3_661_000)).toBe('1:01:01')
    expect(formatDuration(-5)).toBe('00:00')
  })
})
