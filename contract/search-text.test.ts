import { describe, expect, it } from 'vitest'
import { digitsOf, foldText, looksLikeNumber } from './search-text'

describe('foldText', () => {
  it('lower-cases and removes accents', () => {
    expect(foldText('Åsa Östlund')).toBe('asa ostlund')
    expect(foldText('Zoë Müller-Lüdenscheidt')).toBe('zoe muller-ludenscheidt')
    expect(foldText('José Ñúñez Çelik')).toBe('jose nunez celik')
  })

  it('spells out letters without a decomposition', () => {
    expect(foldText('Søren Ærø Straße Łódź')).toBe('soren aero strasse lodz')
  })

  it('treats a decomposed accent like the precomposed letter', () => {
    expect(foldText('O\u0308stlund')).toBe(foldText('Östlund'))
    expect(foldText('İstanbul')).toBe('istanbul')
  })

  it('leaves plain ASCII alone apart from case', () => {
    expect(foldText('Bob SMITH 08-12')).toBe('bob smith 08-12')
  })
})

describe('digitsOf and looksLikeNumber', () => {
  it('keeps only the digits', () => {
    expect(digitsOf('+46 (8) 12-34 56')).toBe('468123456')
  })

  it('recognises dial strings but not names', () => {
    expect(looksLikeNumber('+46 8')).toBe(true)
    expect(looksLikeNumber('08-12')).toBe(true)
    expect(looksLikeNumber('070-123 45 67')).toBe(true)
    expect(looksLikeNumber('asa')).toBe(false)
    expect(looksLikeNumber('bob@pbx.example')).toBe(false)
    expect(looksLikeNumber('room 101')).toBe(false)
    expect(looksLikeNumber('+')).toBe(false)
  })
})
