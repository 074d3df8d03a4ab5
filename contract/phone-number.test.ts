import { describe, expect, it } from 'vitest'
import { callerKey, displayNumber, numberQueryKey, numberSearchKeys, toE164 } from './phone-number'

const finds = (stored: string, query: string, region = 'SE') =>
  numberSearchKeys(stored, region).some((key) => key.includes(numberQueryKey(query, region)))

describe('phone numbers as Swedes write them', () => {
  it('a contact stored as 08-120 100 64 is found by +46812010064, 0812010064 and 120 100 64', () => {
    expect(finds('08-120 100 64', '+46812010064')).toBe(true)
    expect(finds('08-120 100 64', '0812010064')).toBe(true)
    expect(finds('08-120 100 64', '120 100 64')).toBe(true)
    expect(finds('08-120 100 64', '0046 8 120 100 64')).toBe(true)
    expect(finds('+46 8 120 100 64', '0812010064')).toBe(true)
  })

  it('a number from another country never finds the Swedish contact', () => {
    expect(finds('08-120 100 64', '+47812010064')).toBe(false)
    expect(finds('08-120 100 64', '+4412010064')).toBe(false)
  })

  it('an incoming +46812010064 has the same key as the contact stored 08-120 100 64', () => {
    expect(callerKey('+46812010064')).toBe(callerKey('08-120 100 64'))
    expect(callerKey('0812010064')).toBe('+46812010064')
    expect(callerKey('+47812010064')).not.toBe(callerKey('08-120 100 64'))
    expect(callerKey('+4712010064')).not.toBe(callerKey('08-120 100 64'))
  })

  it('shows numbers national inside the region and international outside', () => {
    expect(displayNumber('+46812010064')).toBe('08-120 100 64')
    expect(displayNumber('+46701234567')).toBe('070-123 45 67')
    expect(displayNumber('+4722123456')).toBe('+47 22 12 34 56')
    expect(displayNumber('+4722123456', 'NO')).toBe('22 12 34 56')
  })

  it('leaves dial strings that are not phone numbers alone', () => {
    for (const text of ['*72', '555', '1001', 'sip:bob@pbx.example', 'bob@pbx.example', '*21*0812010064#']) {
      expect(toE164(text)).toBeNull()
      expect(displayNumber(text)).toBe(text)
    }
    expect(callerKey('1001')).toBe('1001')
  })
})
