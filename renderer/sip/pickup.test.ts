import { describe, expect, it } from 'vitest'
import { SipPhone } from './phone'
import { replacesHeader } from './pickup'
import { FakeClock, flush } from '../testing/fake-clock'
import { FakeAudioElement, FakeMediaDevices } from '../testing/media'
import { FakeSession, FakeStack } from '../testing/sip-stack'
import { CallPhase, type PhoneEvents, type PickupTarget } from './types'

const ringing: PickupTarget = {
  caller: 'sip:4801@parley.test',
  callerName: 'Alice Aalto',
  callId: 'a84b4c76e66710@pc33',
  callerTag: '1928301774',
  calleeTag: 'as7d900',
}

describe('replacesHeader', () => {
  it('names the caller’s own tag as to-tag and asks for the early dialog only (RFC 3891)', () => {
    expect(replacesHeader(ringing)).toBe(
      'Replaces: a84b4c76e66710@pc33;to-tag=1928301774;from-tag=as7d900;early-only',
    )
  })

  it.each([
    ['a header break in the call-id', { callId: 'x\r\nX-Evil: 1' }],
    ['a parameter in a tag', { callerTag: 'a;early-only=0' }],
    ['a space', { calleeTag: 'a b' }],
    ['an empty tag', { calleeTag: '' }],
    ['a huge call-id', { callId: 'c'.repeat(300) }],
  ])('refuses %s', (_, change) => {
    expect(replacesHeader({ ...ringing, ...change })).toBeNull()
  })
})

async function signedInPhone() {
  const stack = new FakeStack()
  const sessions: FakeSession[] = []
  stack.createInviterSession = () => {
    const session = new FakeSession()
    sessions.push(session)
    return session
  }
  const phone = new SipPhone({
    stack,
    mediaDevices: new FakeMediaDevices(),
    createAudioElement: () => new FakeAudioElement(),
    clock: new FakeClock(),
    random: () => 0.5,
  })
  const errors: PhoneEvents['error'][] = []
  phone.on('error', (error) => errors.push(error))
  await phone.connect({
    displayName: 'Olivia',
    sipAddress: '4800@parley.test',
    authUser: '',
    password: 'secret',
    wsServer: 'ws://127.0.0.1:5066',
    outboundProxy: '',
    iceServers: [],
  })
  return { stack, sessions, phone, errors }
}

describe('SipPhone.pickup', () => {
  it('INVITEs the caller with Replaces and Require, and the call becomes ours when answered', async () => {
    const { stack, sessions, phone } = await signedInPhone()
    const id = await phone.pickup(ringing)
    expect(stack.inviters[0]?.target).toBe('sip:4801@parley.test')
    expect(stack.inviters[0]?.options).toMatchObject({
      extraHeaders: [
        'Replaces: a84b4c76e66710@pc33;to-tag=1928301774;from-tag=as7d900;early-only',
        'Require: replaces',
      ],
    })
    expect(phone.calls()[0]).toMatchObject({
      id,
      direction: 'outgoing',
      remoteName: 'Alice Aalto',
      remoteNumber: '4801',
    })
    sessions[0]?.answerInitial(200)
    await flush()
    expect(phone.calls()[0]?.phase).toBe(CallPhase.Active)
  })

  it('sends nothing for identifiers that are not SIP tokens, and says so', async () => {
    const { stack, phone, errors } = await signedInPhone()
    expect(await phone.pickup({ ...ringing, callerTag: 'x\r\nBye: now' })).toBeNull()
    expect(stack.inviters).toEqual([])
    expect(errors.map((error) => error.message.key)).toEqual(['pickup.not-possible'])
  })

  it('an ordinary dial adds no headers', async () => {
    const { stack, phone } = await signedInPhone()
    await phone.dial('4802')
    expect(stack.inviters[0]?.options).not.toHaveProperty('extraHeaders')
  })
})
