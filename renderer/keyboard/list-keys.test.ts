import { describe, expect, it } from 'vitest'
import { indexAfterKey } from './list-keys'

describe('indexAfterKey', () => {
  const column = { direction: 'column', wrap: false } as const
  const menu = { direction: 'column', wrap: true } as const
  const tabs = { direction: 'row', wrap: true } as const

  it('steps one item with the arrows of the list direction, and ignores the others', () => {
    expect(indexAfterKey('ArrowDown', 1, 5, column)).toBe(2)
    expect(indexAfterKey('ArrowUp', 1, 5, column)).toBe(0)
    expect(indexAfterKey('ArrowRight', 1, 5, column)).toBeNull()
    expect(indexAfterKey('ArrowRight', 1, 3, tabs)).toBe(2)
    expect(indexAfterKey('ArrowLeft', 1, 3, tabs)).toBe(0)
    expect(indexAfterKey('ArrowDown', 1, 3, tabs)).toBeNull()
    expect(indexAfterKey('a', 1, 3, tabs)).toBeNull()
  })

  it('Home and End go to the ends', () => {
    expect(indexAfterKey('Home', 3, 5, column)).toBe(0)
    expect(indexAfterKey('End', 0, 5, column)).toBe(4)
    expect(indexAfterKey('End', 0, 3, tabs)).toBe(2)
  })

  it('a wrapping list goes round; a long list stops at its ends', () => {
    expect(indexAfterKey('ArrowDown', 4, 5, menu)).toBe(0)
    expect(indexAfterKey('ArrowUp', 0, 5, menu)).toBe(4)
    expect(indexAfterKey('ArrowDown', 4, 5, column)).toBe(4)
    expect(indexAfterKey('ArrowUp', 0, 5, column)).toBe(0)
  })

  it('an empty list has nowhere to go', () => {
    expect(indexAfterKey('ArrowDown', 0, 0, menu)).toBeNull()
    expect(indexAfterKey('Home', 0, 0, column)).toBeNull()
  })
})
