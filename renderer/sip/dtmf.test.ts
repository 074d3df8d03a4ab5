import { describe, expect, it } from 'vitest'
import { chooseDtmfMethod, dtmfInfoBody, isDtmfTone, telephoneEventSuitsCodec } from './dtmf'

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

  it('auto: RFC 4733 only when a telephone-event runs at the voice codec clock rate', () => {
    const sender = { canInsertDTMF: true, insertDTMF: () => undefined }
    const opus = { mimeType: 'audio/opus', clockRate: 48000 }
    const pcmu = { mimeType: 'audio/PCMU', clockRate: 8000 }
    const event8k = { mimeType: 'audio/telephone-event', clockRate: 8000 }
    const event48k = { mimeType: 'audio/telephone-event', clockRate: 48000 }
    // the bug: Opus answered with telephone-event/8000 only
    expect(chooseDtmfMethod(sender, 'auto', [opus, pcmu, event8k])).toBe('info')
    expect(chooseDtmfMethod(sender, 'auto', [opus, event8k, event48k])).toBe('rfc4733')
    expect(chooseDtmfMethod(sender, 'auto', [pcmu, opus, event8k])).toBe('rfc4733')
    // comfort noise or redundancy first is not the voice codec
    expect(
      chooseDtmfMethod(sender, 'auto', [{ mimeType: 'audio/red', clockRate: 48000 }, pcmu, event8k]),
    ).toBe('rfc4733')
    expect(telephoneEventSuitsCodec([opus])).toBe(false)
    expect(telephoneEventSuitsCodec([event8k])).toBe(true)
    // codecs not reported: the sender's own word decides
    expect(chooseDtmfMethod(sender, 'auto', [])).toBe('rfc4733')
  })

  it('follows a fixed preference, but never RFC 4733 without a sender that can send it', () => {
    const sender = { canInsertDTMF: true, insertDTMF: () => undefined }
    const mismatched = [
      { mimeType: 'audio/opus', clockRate: 48000 },
      { mimeType: 'audio/telephone-event', clockRate: 8000 },
    ]
    expect(chooseDtmfMethod(sender, 'rfc4733', mismatched)).toBe('rfc4733')
    expect(chooseDtmfMethod(sender, 'info')).toBe('info')
    expect(chooseDtmfMethod({ canInsertDTMF: false, insertDTMF: () => undefined }, 'rfc4733')).toBe('info')
    expect(chooseDtmfMethod(null, 'rfc4733')).toBe('info')
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
