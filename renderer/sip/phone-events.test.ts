import { beforeEach, describe, expect, it } from 'vitest'
import { SipPhone } from './phone'
import { FakeClock } from '../testing/fake-clock'
import { FakeAudioElement, FakeMediaDevices } from '../testing/media'
import { FakeStack } from '../testing/sip-stack'
import type { SipAccount, WatchNotify, WatchStateChange } from './types'

// The phone's PUBLISH / SUBSCRIBE surface (publish, watch, unwatch; notify and watch-state
// events) wired to the registration: what waits for sign-in, what a reconnect, sleep and
// sign-out do, and NOTIFYs that belong to nobody.

const account: SipAccount = {
  displayName: 'Operator',
  sipAddress: '4600@parley.test',
  authUser: '',
  password: 'secret',
  wsServer: 'ws://127.0.0.1:5066',
  outboundProxy: '',
  iceServers: [],
}

let stack: FakeStack
let clock: FakeClock
let phone: SipPhone
let notifies: WatchNotify[]
let states: WatchStateChange[]
let logs: string[]

const newPhone = (later?: () => Promise<void>) =>
  new SipPhone({
    stack,
    mediaDevices: new FakeMediaDevices(),
    createAudioElement: () => new FakeAudioElement(),
    clock,
    random: () => 0.5,
    log: (line) => logs.push(line),
    later,
  })

beforeEach(() => {
  stack = new FakeStack()
  clock = new FakeClock()
  logs = []
  phone = newPhone()
  notifies = []
  states = []
  phone.on('notify', (n) => notifies.push(n))
  phone.on('watch-state', (s) => states.push(s))
})

const subscriptions = () => stack.events.subscriptions
const publishes = () => stack.events.publishes

describe('watching and publishing through the phone', () => {
  it('waits for registration, then subscribes numbers in the account domain and reports NOTIFYs', async () => {
    phone.watch('4601', 'dialog')
    phone.publish('presence', 'application/pidf+xml', '<busy/>')
    expect(subscriptions()).toHaveLength(0)
    await phone.connect(account)
    await clock.advance(10)
    const subscription = stack.events.subscriptionTo('sip:4601@parley.test', 'dialog')
    expect(publishes().map((p) => [p.target, p.request.body])).toEqual([['sip:4600@parley.test', '<busy/>']])
    subscription.answer(200)
    subscription.notify('<dialog-info/>', { contentType: 'application/dialog-info+xml' })
    expect(notifies).toEqual([
      { target: '4601', event: 'dialog', contentType: 'application/dialog-info+xml', body: '<dialog-info/>' },
    ])
    expect(states.map((s) => s.state)).toEqual(['pending', 'active'])
  })

  it('answers a NOTIFY that belongs to no subscription with 481, logged once as the port reports it', async () => {
    await phone.connect(account)
    const answers: number[] = []
    stack.lastUa.delegate?.onNotify?.({
      request: { getHeader: (name) => (name === 'Event' ? 'presence' : undefined) },
      reject: async (options) => {
        answers.push(options?.statusCode ?? 0)
      },
    })
    expect(answers).toEqual([481])
    // the port reports every NOTIFY refused as it goes out (SIP.js's own 489/481 too): one line
    expect(logs.filter((l) => l.includes('481'))).toEqual([])
    stack.lastUa.config.onNotifyRefused?.({ event: 'presence', status: 481, reason: 'Does Not Exist' })
    expect(logs.filter((l) => l.includes('481'))).toEqual(['NOTIFY (presence) answered 481 Does Not Exist'])
  })

  it('after the connection drops and comes back, subscribes and publishes again', async () => {
    await phone.connect(account)
    phone.watch('4601', 'presence')
    phone.publish('presence', 'application/pidf+xml', '<lunch/>')
    await clock.advance(10)
    const first = stack.events.subscriptionTo('sip:4601@parley.test', 'presence')
    first.answer(200)
    publishes()[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    stack.lastUa.drop()
    await clock.advance(1_000)
    expect(stack.lastRegisterer.registers.length).toBeGreaterThan(1)
    await clock.advance(10)
    expect(first.disposed).toBe(true)
    expect(subscriptions()).toHaveLength(2)
    expect(publishes().at(-1)?.request).toMatchObject({ etag: 'e1', body: '<lunch/>' })
  })

  it('sleep ends and withdraws; wake subscribes again and publishes only what it is told then', async () => {
    await phone.connect(account)
    phone.watch('4601', 'message-summary')
    phone.publish('presence', 'application/pidf+xml', '<lunch/>')
    await clock.advance(10)
    stack.events.subscriptionTo('sip:4601@parley.test', 'message-summary').answer(200)
    publishes()[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    await phone.suspend()
    expect(stack.events.subscriptionTo('sip:4601@parley.test', 'message-summary').unsubscribed).toBe(true)
    expect(publishes().at(-1)?.request).toEqual({ event: 'presence', expires: 0, etag: 'e1' })
    phone.publish('presence', 'application/pidf+xml', '<available/>')
    await phone.wake()
    await clock.advance(10)
    expect(subscriptions()).toHaveLength(2)
    // what was true before sleeping is never sent again: the tag is modified with the new body
    expect(
      publishes()
        .slice(2)
        .map((p) => p.request),
    ).toEqual([
      {
        event: 'presence',
        expires: 600,
        etag: 'e1',
        contentType: 'application/pidf+xml',
        body: '<available/>',
      },
    ])
  })

  it('sign-out ends every watch (reported) and forgets what was published', async () => {
    await phone.connect(account)
    phone.watch('4601', 'presence')
    phone.publish('presence', 'application/pidf+xml', '<lunch/>')
    await clock.advance(10)
    stack.events.subscriptionTo('sip:4601@parley.test', 'presence').answer(200)
    publishes()[0]?.answer(200, { 'SIP-ETag': ['e1'], Expires: ['600'] })
    await phone.disconnect()
    expect(stack.events.subscriptionTo('sip:4601@parley.test', 'presence').unsubscribed).toBe(true)
    expect(states.at(-1)).toEqual({
      target: '4601',
      event: 'presence',
      state: 'terminated',
      reason: 'signed-out',
    })
    await phone.connect(account)
    await clock.advance(10)
    expect(subscriptions()).toHaveLength(1)
    expect(publishes().filter((p) => p.request.body !== undefined)).toHaveLength(1)
  })
})

describe('what follows the 200 OK, after "Registered" is shown (deps.later)', () => {
  let release: Array<() => void>
  let phoneWithLater: SipPhone
  let order: string[]

  beforeEach(() => {
    release = []
    order = []
    phoneWithLater = newPhone(() => new Promise<void>((resolve) => release.push(resolve)))
    // as the state does: on registered, publish the status and watch the mailbox
    phoneWithLater.on('registration', (status) => {
      order.push(status.state)
      if (status.state !== 'registered') return
      phoneWithLater.publish('presence', 'application/pidf+xml', '<lunch/>')
      phoneWithLater.watch('4600', 'message-summary')
    })
  })

  const wire = () => [
    ...publishes().map((p) => `PUBLISH ${p.request.body ?? ''}`),
    ...subscriptions().map((s) => `SUBSCRIBE ${s.request.event}`),
  ]

  it('emits registered at once; the PUBLISH and SUBSCRIBE queued by its listeners go out in the later task', async () => {
    const connected = phoneWithLater.connect(account)
    await clock.advance(0)
    expect(order).toEqual(['connecting', 'registered'])
    expect(release).toHaveLength(1)
    await clock.advance(10)
    expect(wire()).toEqual([])
    release.shift()?.()
    await connected
    await clock.advance(10)
    expect(wire()).toEqual(['PUBLISH <lunch/>', 'SUBSCRIBE message-summary'])
  })

  it('loses neither when the registration drops before the later task: both go out once, after the next registration', async () => {
    void phoneWithLater.connect(account)
    await clock.advance(0)
    stack.lastUa.drop()
    release.shift()?.()
    await clock.advance(10)
    expect(wire()).toEqual([])
    await clock.advance(1_000)
    expect(order.slice(-2)).toEqual(['connecting', 'registered'])
    release.shift()?.()
    await clock.advance(10)
    expect(wire()).toEqual(['PUBLISH <lunch/>', 'SUBSCRIBE message-summary'])
  })
})
