import { describe, expect, it } from 'vitest'
import { NotifyAnswers } from './notify-answers'
import { missingHeaderOf } from './raw-message'
import { refusalOf } from './refusal'

const notify = (cseq: number, extra: string[] = ['Event: presence', 'Subscription-State: active']) =>
  [
    'NOTIFY sip:abc@127.0.0.1:5555;transport=ws SIP/2.0',
    'Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK1',
    'From: <sip:7313@127.0.0.1>;tag=n1',
    'To: <sip:7311@parley.test>;tag=s1',
    'Call-ID: sub-1@127.0.0.1',
    `CSeq: ${cseq} NOTIFY`,
    ...extra,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n')

const answer = (status: string, cseq: number) =>
  [`SIP/2.0 ${status}`, 'Via: x', 'Call-ID: sub-1@127.0.0.1', `CSeq: ${cseq} NOTIFY`, '', ''].join('\r\n')

describe('NotifyAnswers', () => {
  it('pairs a refusal with the NOTIFY it answers and names its event', () => {
    const answers = new NotifyAnswers()
    answers.received(notify(5, ['o: x-parley-bogus;id=1', 'Subscription-State: active']))
    expect(answers.sent(answer('489 Bad Event', 5))).toEqual({
      event: 'x-parley-bogus',
      status: 489,
      reason: 'Bad Event',
    })
  })

  it('stays quiet for 2xx, for answers to other methods, and forgets what it answered', () => {
    const answers = new NotifyAnswers()
    answers.received(notify(1))
    expect(answers.sent(answer('200 OK', 1))).toBeNull()
    expect(answers.sent(answer('481 Gone', 1).replace('1 NOTIFY', '1 INVITE'))).toBeNull()
    expect(answers.sent(answer('481 Gone', 1))).toEqual({ event: 'no Event', status: 481, reason: 'Gone' })
    expect(answers.sent('INVITE sip:x SIP/2.0\r\nCSeq: 1 NOTIFY\r\n\r\n')).toBeNull()
  })

  it('remembers only the latest few NOTIFYs (a flood cannot grow it)', () => {
    const answers = new NotifyAnswers()
    for (let cseq = 1; cseq <= 100; cseq++) answers.received(notify(cseq))
    expect(answers.sent(answer('400 Bad Request', 1))?.event).toBe('no Event')
    expect(answers.sent(answer('400 Bad Request', 100))?.event).toBe('presence')
  })
})

describe('a NOTIFY without Subscription-State', () => {
  it('is named by missingHeaderOf and refused 400 with that warning', () => {
    const text = notify(6, ['Event: presence'])
    const warning = missingHeaderOf(text)
    expect(warning).toBe('NOTIFY without Subscription-State')
    const refusal = refusalOf(text, 't', warning)
    expect(refusal?.response).toMatch(/^SIP\/2\.0 400 Bad Request\r\n/)
    expect(refusal?.response).toContain('Warning: 399 parley "NOTIFY without Subscription-State"')
  })

  it('passes when the header is there, and for other methods', () => {
    expect(missingHeaderOf(notify(1))).toBeUndefined()
    expect(missingHeaderOf(notify(1, ['Event: presence', 'subscription-state:terminated']))).toBeUndefined()
    expect(missingHeaderOf(notify(1).replace(/^NOTIFY/, 'MESSAGE'))).toBeUndefined()
  })
})
