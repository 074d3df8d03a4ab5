import { describe, expect, it } from 'vitest'
import { messageOf } from './error-message'

describe('messageOf', () => {
  it("gives an Error's message, and anything else thrown as text", () => {
    expect(messageOf(new Error('socket closed'))).toBe('socket closed')
    expect(messageOf('plain text')).toBe('plain text')
    expect(messageOf(486)).toBe('486')
    expect(messageOf(undefined)).toBe('undefined')
  })
})
