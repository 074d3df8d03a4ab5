import { describe, expect, it } from 'vitest'
import { chooseDtmfMethod, dtmfInfoBody, isDtmfTone } from './dtmf'

describe('DTMF', () => {
  it('uses RFC 4733 when the sender can insert tones', () => {
    expect(chooseDtmfMethod({ canInsertDTMF: true, insertDTMF: () => undefined })).toBe('rfc4733')
    // older engines have no canInsertDTMF flag at all
    expect(chooseDtmfMethod({ insertDTMF: () => undefined })).toBe('rfc4733')
  })

  it('falls back to SIP INFO without a DTMF sender or without telephone-event', () => {
    expect(chooseDtmfMethod(undefined)).toBe('info')
    expect(chooseDtmfMethod(null)).toBe('info')
    expect(chooseDtmfMethod({ canInsertDTMF: false, insertDTMF: () => undefined })).toBe('info')
    expect(chooseDtmfMethod({ canInsertDTMF: true } as never)).toBe('info')
  })

  it('builds an application/dtmf-relay body', () => {
    expect(dtmfInfoBody('5')).toBe('Signal=5\r\nDuration=100\r\n')
    expect(dtmfInfoBody('#', 250)).toBe('Signal=#\r\nDuration=250\r\n')
    expect(dtmfInfoBody('a')).toBe('Signal=A\r\nDuration=100\r\n')
  })

  it('accepts only the 16 DTMF keys, one at a time', () => {
    for (const tone of ['0', '9', '*', '#', 'A', 'd']) expect(isDtmfTone(tone)).toBe(true)
    for (const tone of ['', '12', 'E', ' ', '<', '\n5']) expect(isDtmfTone(tone)).toBe(false)
  })
})
