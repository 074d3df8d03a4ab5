import { describe, expect, it } from 'vitest'
import { dayLabel, formatDuration, startOfDay } from './format'

describe('formatDuration', () => {
  it('shows mm:ss, and hours when needed', () => {
    expect(formatDuration(0)).toBe('00:00')
    expect(formatDuration(65_400)).toBe('01:05')
    expect(formatDuration(3_661_000)).toBe('1:01:01')
    expect(formatDuration(-5)).toBe('00:00')
  })
})

describe('dayLabel', () => {
  it('names today and yesterday', () => {
    const now = new Date(2026, 10, 25, 15, 0).getTime()
    expect(dayLabel(new Date(2026, 10, 25, 0, 1).getTime(), now)).toBe('Today')
    expect(dayLabel(new Date(2026, 10, 24, 23, 59).getTime(), now)).toBe('Yesterday')
    expect(dayLabel(new Date(2026, 10, 20, 12, 0).getTime(), now)).toMatch(/2026/)
    expect(startOfDay(now)).toBe(new Date(2026, 10, 25).getTime())
  })
})
