import { describe, expect, it } from 'vitest'
import { plainDisplayText } from './display-text'

describe('plainDisplayText', () => {
  it('removes the Arabic letter mark that reverses a number', () => {
    expect(plainDisplayText('\u061c+1 555 0100')).toBe('+1 555 0100')
  })

  it('removes LRM, RLM and zero-width characters without a trace', () => {
    const marks = ['\u200e', '\u200f', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']
    for (const mark of marks) expect(plainDisplayText(`Å${mark}sa`)).toBe('Åsa')
  })

  it('turns every bidi embedding, override and isolate into a space', () => {
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']
    for (const mark of bidi) expect(plainDisplayText(`Bob${mark}Smith`)).toBe('Bob Smith')
  })

  it('turns line breaks and controls into single spaces', () => {
    expect(plainDisplayText(' Bob\r\n\u2028Smith\u0000 ')).toBe('Bob Smith')
  })

  it('keeps letters of every script', () => {
    expect(plainDisplayText('Åsa Östlund محمد 李')).toBe('Åsa Östlund محمد 李')
  })
})
