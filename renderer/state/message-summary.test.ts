import { describe, expect, test } from 'vitest'
import { MAX_COUNT, parseMessageSummary } from './message-summary'

describe('parseMessageSummary (RFC 3842)', () => {
  test('reads the RFC example: waiting, new/old and urgent counts', () => {
    const body =
      'Messages-Waiting: yes\r\nMessage-Account: sip:alice@vmail.example.com\r\nVoice-Message: 2/8 (0/2)\r\n'
    expect(parseMessageSummary(body)).toEqual({
      waiting: true,
      voice: { newCount: 2, oldCount: 8, urgentNew: 0, urgentOld: 2 },
    })
  })

  test('no waiting messages, bare LF line ends, any case and spacing, urgent part optional', () => {
    expect(parseMessageSummary('messages-waiting:NO\nvoice-message:   0 / 3')).toEqual({
      waiting: false,
      voice: { newCount: 0, oldCount: 3, urgentNew: 0, urgentOld: 0 },
    })
  })

  test('waiting without voice counts (another message class only)', () => {
    expect(parseMessageSummary('Messages-Waiting: yes\r\nFax-Message: 1/0\r\n')).toEqual({
      waiting: true,
      voice: null,
    })
  })

  test('not a summary: empty, markup, a missing or garbled Messages-Waiting line', () => {
    for (const body of [
      '',
      '<html><script>alert(1)</script></html>',
      'Voice-Message: 2/8',
      'Messages-Waiting: maybe\r\nVoice-Message: 2/8',
      ':\r\n:::\r\n',
    ])
      expect(parseMessageSummary(body)).toBeNull()
  })

  test('hostile counts: negative, fractional, huge or text are not read; huge ones are clipped', () => {
    const read = (counts: string) =>
      parseMessageSummary(`Messages-Waiting: yes\r\nVoice-Message: ${counts}`)?.voice
    expect(read('-1/2')).toBeNull()
    expect(read('1.5/2')).toBeNull()
    expect(read('two/three')).toBeNull()
    expect(read('1/2 (3/4) trailing')).toBeNull()
    expect(read('999999999/999999999')).toMatchObject({ newCount: MAX_COUNT, oldCount: MAX_COUNT })
    expect(read('12345678901/1')).toBeNull()
  })

  test('the first of repeated lines counts; a huge body is refused without reading it', () => {
    expect(
      parseMessageSummary(
        'Messages-Waiting: no\r\nMessages-Waiting: yes\r\nVoice-Message: 1/0\r\nVoice-Message: 9/9',
      ),
    ).toEqual({ waiting: false, voice: { newCount: 1, oldCount: 0, urgentNew: 0, urgentOld: 0 } })
    expect(parseMessageSummary(`Messages-Waiting: yes\r\n${'X-Pad: 1\r\n'.repeat(5000)}`)).toBeNull()
  })

  test('lines past the first 64 are not read (a flood cannot hide the real line or cost time)', () => {
    const padding = 'X-Pad: 1\r\n'.repeat(70)
    expect(parseMessageSummary(`${padding}Messages-Waiting: yes`)).toBeNull()
  })
})
