import { beforeEach, describe, expect, it } from 'vitest'
import { SipPhone } from './phone'
import * as callsModule from './phone-calls'
import { FakeClock, flush } from '../testing/fake-clock'
import { FakeAudioElement, FakeMediaDevices } from '../testing/media'
import { FakeSession, FakeStack } from '../testing/sip-stack'
import { CallPhase, type CallSnapshot, type PhoneEventName, type PhoneEvents } from './types'
import { aliceSipAccount } from '../testing/sip-account'

// Issue 14: the calls part (phone-calls.ts) loads after "Registered" or on first use; what
// arrives before it is in waits for it and is handled then, never lost nor left unanswered.

const account = aliceSipAccount

/** The calls code's loading, held until the test lets it finish (or fail). */
class HeldLoad {
  loads = 0
  private pending: Array<{ resolve(module: typeof callsModule): void; reject(error: Error): void }> = []
  readonly load = () => {
    this.loads++
    return new Promise<typeof callsModule>((resolve, reject) => this.pending.push({ resolve, reject }))
  }
  async finish(): Promise<void> {
    for (const waiting of this.pending.splice(0)) waiting.resolve(callsModule)
    await flush()
  }
  async fail(): Promise<void> {
    for (const waiting of this.pending.splice(0)) waiting.reject(new Error('chunk not found'))
    await flush()
  }
}

let stack: FakeStack
let clock: FakeClock
let held: HeldLoad
let phone: SipPhone
let logs: string[]
let events: Array<{ name: PhoneEventName; payload: PhoneEvents[PhoneEventName] }>

/** A phone over the fake stack whose calls code loads through `held`, with `deps` on top. */
function phoneWith(deps: Partial<ConstructorParameters<typeof SipPhone>[0]>): SipPhone {
  return new SipPhone({
    stack,
    mediaDevices: new FakeMediaDevices(),
    createAudioElement: () => new FakeAudioElement(),
    clock,
    random: () => 0.5,
    loadCalls: held.load,
    ...deps,
  })
}

beforeEach(() => {
  stack = new FakeStack()
  clock = new FakeClock()
  held = new HeldLoad()
  logs = []
  phone = phoneWith({ log: (text) => logs.push(text) })
  events = []
  for (const name of ['registration', 'call-added', 'call-ended', 'error', 'watch-state'] as const)
    phone.on(name, (payload) => events.push({ name, payload }))
})

const of = <E extends PhoneEventName>(name: E) =>
  events.filter((e) => e.name === name).map((e) => e.payload as PhoneEvents[E])

/** Signs in up to "Registered": the follow-up (loading the calls code) is under way, held. */
async function registered(): Promise<void> {
  void phone.connect(account)
  await flush()
  expect(of('registration').at(-1)?.state).toBe('registered')
}

function invite(body = '', contentType = 'application/sdp'): FakeSession {
  const invitation = new FakeSession(
    { From: ['"Bo" <sip:1002@pbx.example>;tag=1'], 'Content-Type': [contentType] },
    'invitation',
  )
  ;(invitation.request as { body: string }).body = body
  stack.lastUa.config.delegate.onInvite?.(invitation as never)
  return invitation
}

describe('SipPhone: the calls code loads after Registered', () => {
  it('fetches none of it before the REGISTER is answered, then loads it once', async () => {
    stack.onRegisterer = (registerer) => (registerer.autoAnswer = null)
    void phone.connect(account)
    await flush()
    expect(held.loads).toBe(0)
    stack.lastRegisterer.answer(200)
    await flush()
    expect(held.loads).toBe(1)
    await held.finish()
    await phone.dial('1001')
    expect(held.loads).toBe(1)
  })

  it('in the window (with `later`), loads it only once "Registered" has reached a listener and its frame is drawn', async () => {
    const frames: Array<() => void> = []
    const windowPhone = phoneWith({ later: () => new Promise<void>((resolve) => frames.push(resolve)) })
    void windowPhone.connect(account)
    await flush()
    frames.shift()?.()
    await flush()
    // registered before the window's state listens (a start-up race): nothing loads yet
    expect(held.loads).toBe(0)
    windowPhone.on('registration', () => undefined)
    await flush()
    expect(held.loads).toBe(0)
    frames.shift()?.()
    await flush()
    expect(held.loads).toBe(1)
  })

  it('waits for the window to be idle the first time, unless an INVITE needs it sooner', async () => {
    const idle: Array<() => void> = []
    const windowPhone = phoneWith({ idle: () => new Promise<void>((resolve) => idle.push(resolve)) })
    void windowPhone.connect(account)
    await flush()
    expect(idle).toHaveLength(1)
    expect(held.loads).toBe(0)
    const invitation = new FakeSession({ From: ['<sip:1003@pbx.example>;tag=2'] }, 'invitation')
    stack.lastUa.config.delegate.onInvite?.(invitation as never)
    expect(held.loads).toBe(1)
    await held.finish()
    idle.shift()?.()
    await flush()
    expect(held.loads).toBe(1)
    expect(windowPhone.calls().map((call) => call.remoteNumber)).toEqual(['1003'])
  })

  it('an INVITE that arrives before it is in waits (not answered, not dropped), then rings and is answered', async () => {
    await registered()
    const invitation = invite()
    await flush()
    expect(of('call-added')).toEqual([])
    expect(invitation.rejects).toEqual([])
    await held.finish()
    const added = of('call-added')
    expect(added.map((call) => [call.phase, call.remoteNumber])).toEqual([[CallPhase.Ringing, '1002']])
    await phone.answer((added[0] as CallSnapshot).id)
    expect(invitation.accepts).toHaveLength(1)
  })

  it('several early INVITEs are handed over in the order they came', async () => {
    await registered()
    const first = invite()
    const second = new FakeSession({ From: ['<sip:1003@pbx.example>;tag=2'] }, 'invitation')
    stack.lastUa.config.delegate.onInvite?.(second as never)
    await held.finish()
    expect(of('call-added').map((call) => call.remoteNumber)).toEqual(['1002', '1003'])
    expect(first.rejects).toEqual([])
  })

  it('an early INVITE whose offer cannot be taken is answered 488 once the code is in', async () => {
    await registered()
    const invitation = invite('hello', 'text/plain')
    await flush()
    expect(invitation.rejects).toEqual([])
    await held.finish()
    expect(invitation.rejects).toEqual([488])
    expect(of('call-ended').map((call) => call.endReason)).toEqual(['failed'])
  })

  it('a caller who gives up (CANCEL) while the INVITE waits is a missed call, not a card left ringing', async () => {
    await registered()
    const invitation = invite()
    invitation.setState('Terminated')
    await held.finish()
    expect(of('call-ended').map((call) => [call.direction, call.endReason])).toEqual([
      ['incoming', 'cancelled'],
    ])
    expect(phone.calls()).toEqual([])
  })

  it('if the code cannot load, a waiting INVITE is answered 500 at once (logged) and a later use loads it again', async () => {
    await registered()
    const invitation = invite()
    await held.fail()
    expect(invitation.rejects).toEqual([500])
    expect(logs.some((line) => line.includes('calls code could not load'))).toBe(true)
    stack.createInviterSession = () => new FakeSession()
    const dialled = phone.dial('1001')
    await flush()
    expect(held.loads).toBe(2)
    await held.finish()
    expect(await dialled).toMatch(/^call-/)
  })

  it('a watch and a transfer decider set before the code is in take effect once it is, in order', async () => {
    phone.watch('1002', 'presence')
    phone.setTransferDecider(() => 'ask')
    await registered()
    expect(stack.events.subscriptions).toEqual([])
    await held.finish()
    await clock.advance(50)
    expect(stack.events.subscriptions.map((s) => s.target)).toEqual(['sip:1002@pbx.example'])
    expect(of('watch-state').map((change) => change.state)).toEqual(['pending'])
  })

  it('commands on a call before the code is in say the call is gone; calls() is empty', async () => {
    await registered()
    phone.setMuted('call-x', true)
    expect(of('error')).toHaveLength(1)
    expect(phone.calls()).toEqual([])
  })
})
