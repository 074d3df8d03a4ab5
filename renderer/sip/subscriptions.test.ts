import { beforeEach, describe, expect, test } from 'vitest'
import { FakeClock } from '../testing/fake-clock'
import { FakeStack, type FakeUserAgent } from '../testing/sip-stack'
import { SubscriptionManager } from './subscriptions'
import type { WatchNotify, WatchStateChange } from './types'
import { WatchPhase } from './watch-phase'

const ALICE = 'sip:4601@parley.test'

function setup(tuning: { minGapMs?: number; maxInFlight?: number; maxBodyLength?: number } = {}) {
  const clock = new FakeClock()
  const stack = new FakeStack()
  const ua = stack.createUserAgent({} as never) as FakeUserAgent
  const notifies: WatchNotify[] = []
  const states: WatchStateChange[] = []
  const logs: string[] = []
  let signedIn = true
  const manager = new SubscriptionManager({
    stack,
    clock,
    random: () => 0.5,
    userAgent: () => (signedIn ? ua : null),
    uriOf: (target) => stack.makeUri(target.includes(':') ? target : `sip:${target}@parley.test`),
    emitNotify: (n) => notifies.push(n),
    emitState: (s) => states.push(s),
    log: (line) => logs.push(line),
    tuning: { minGapMs: 5, maxInFlight: 4, ...tuning },
  })
  const traffic = stack.events
  return {
    clock,
    stack,
    manager,
    traffic,
    notifies,
    states,
    logs,
    signOut: () => (signedIn = false),
  }
}

type Bed = ReturnType<typeof setup>

/** Answers the newest SUBSCRIBE to `target` 200 and sends the first NOTIFY. */
function establish(bed: Bed, target: string, event = 'presence', body = '<presence/>') {
  const subscription = bed.traffic.subscriptionTo(target, event)
  subscription.answer(200, { Expires: ['600'] })
  subscription.notify(body, { contentType: 'application/pidf+xml' })
  return subscription
}

describe('SubscriptionManager', () => {
  let bed: Bed
  beforeEach(() => {
    bed = setup()
  })

  test('nothing is sent before registration; then SUBSCRIBE with the Accept for the event', async () => {
    bed.manager.watch(ALICE, 'presence')
    bed.manager.watch('4602', 'dialog')
    expect(bed.traffic.subscriptions).toHaveLength(0)
    expect(bed.states).toEqual([
      { target: ALICE, event: 'presence', state: 'pending' },
      { target: '4602', event: 'dialog', state: 'pending' },
    ])
    bed.manager.resume(false)
    await bed.clock.advance(10)
    expect(bed.traffic.subscriptions.map((s) => [s.target, s.request])).toEqual([
      [ALICE, { event: 'presence', expires: 600, accept: 'application/pidf+xml' }],
      ['sip:4602@parley.test', { event: 'dialog', expires: 600, accept: 'application/dialog-info+xml' }],
    ])
  })

  test('watch is idempotent and a NOTIFY becomes one notify event with the target as given', async () => {
    bed.manager.resume(false)
    bed.manager.watch(ALICE, 'presence')
    bed.manager.watch(ALICE, 'presence')
    await bed.clock.advance(100)
    expect(bed.traffic.subscriptions).toHaveLength(1)
    const subscription = establish(bed, ALICE, 'presence', '<presence>lunch</presence>')
    expect(bed.notifies).toEqual([
      {
        target: ALICE,
        event: 'presence',
        contentType: 'application/pidf+xml',
        body: '<presence>lunch</presence>',
      },
    ])
    expect(bed.states.at(-1)).toEqual({ target: ALICE, event: 'presence', state: 'active' })
    expect(subscription.notifyAnswers).toEqual([200])
  })

  test('new SUBSCRIBEs are paced: a gap between each and a cap on unanswered ones', async () => {
    bed.manager.resume(false)
    for (let i = 0; i < 10; i++) bed.manager.watch(`46${10 + i}`, 'presence')
    expect(bed.traffic.subscriptions).toHaveLength(1)
    await bed.clock.advance(5)
    expect(bed.traffic.subscriptions).toHaveLength(2)
    await bed.clock.advance(100)
    // four unanswered at most
    expect(bed.traffic.subscriptions).toHaveLength(4)
    bed.traffic.subscriptions[0]?.answer(200)
    await bed.clock.advance(5)
    expect(bed.traffic.subscriptions).toHaveLength(5)
  })

  test('503 with Retry-After pauses the whole queue for that long and retries the watch then', async () => {
    bed = setup({ maxInFlight: 1 })
    bed.manager.resume(false)
    bed.manager.watch('4610', 'presence')
    bed.manager.watch('4611', 'presence')
    bed.traffic.subscriptions[0]?.answer(503, { 'Retry-After': ['7'] })
    await bed.clock.advance(6_900)
    expect(bed.traffic.subscriptions).toHaveLength(1)
    await bed.clock.advance(200)
    expect(bed.traffic.subscriptions.map((s) => s.target)).toEqual([
      'sip:4610@parley.test',
      'sip:4611@parley.test',
    ])
    bed.traffic.subscriptions[1]?.answer(200)
    await bed.clock.advance(10)
    expect(bed.traffic.subscriptions.map((s) => s.target).at(-1)).toBe('sip:4610@parley.test')
    expect(bed.states.filter((s) => s.target === '4610')).toEqual([
      { target: '4610', event: 'presence', state: 'pending' },
    ])
  })

  test('a refused SUBSCRIBE worth retrying is logged once per streak, with when it goes again', async () => {
    bed.manager.resume(false)
    bed.manager.watch('4610', 'presence')
    for (let round = 0; round < 3; round++) {
      bed.traffic.subscriptions.at(-1)?.answer(503, { 'Retry-After': ['4'] })
      await bed.clock.advance(4_100)
    }
    expect(bed.traffic.subscriptions).toHaveLength(4)
    expect(bed.logs.filter((l) => l.includes('answered 503'))).toEqual([
      'SUBSCRIBE presence to 4610 answered 503: again in 4 s',
    ])
  })

  test('423 subscribes again at once with the Min-Expires', async () => {
    bed.manager.resume(false)
    bed.manager.watch('4610', 'dialog')
    bed.traffic.subscriptions[0]?.answer(423, { 'Min-Expires': ['1800'] })
    await bed.clock.advance(10)
    expect(bed.traffic.subscriptions.map((s) => s.request.expires)).toEqual([600, 1800])
  })

  test('a refused SUBSCRIBE fails the watch with its code and is not retried', async () => {
    bed.manager.resume(false)
    bed.manager.watch('4610', 'presence')
    bed.traffic.subscriptions[0]?.answer(404)
    await bed.clock.advance(600_000)
    expect(bed.traffic.subscriptions).toHaveLength(1)
    expect(bed.states.at(-1)).toEqual({ target: '4610', event: 'presence', state: 'failed', reason: '404' })
    // watching it again tries again
    bed.manager.watch('4610', 'presence')
    await bed.clock.advance(10)
    expect(bed.traffic.subscriptions).toHaveLength(2)
  })

  test('a target that is no SIP address fails at once without a request', async () => {
    bed.manager.resume(false)
    bed.manager.watch('not an address', 'presence')
    await bed.clock.advance(10)
    expect(bed.traffic.subscriptions).toHaveLength(0)
    expect(bed.states.at(-1)).toMatchObject({ state: 'failed', reason: 'bad-target' })
  })

  test('refreshed in the dialog before it expires, and again after each refresh', async () => {
    bed.manager.resume(false)
    bed.manager.watch(ALICE, 'presence')
    const subscription = establish(bed, ALICE)
    subscription.expiresIn = 600
    await bed.clock.advance(600_000 * 0.84)
    expect(subscription.refreshes).toHaveLength(0)
    await bed.clock.advance(600_000 * 0.02)
    expect(subscription.refreshes).toHaveLength(1)
    subscription.refreshes[0]?.onAccept?.({ message: { statusCode: 200, getHeaders: () => ['600'] } })
    await bed.clock.advance(600_000 * 0.86)
    expect(subscription.refreshes).toHaveLength(2)
    expect(bed.traffic.subscriptions).toHaveLength(1)
  })

  test('a refresh answered 481 starts a new subscription', async () => {
    bed.manager.resume(false)
    bed.manager.watch(ALICE, 'presence')
    const subscription = establish(bed, ALICE)
    await bed.clock.advance(600_000)
    subscription.refreshes[0]?.onReject?.({ message: { statusCode: 481, getHeaders: () => [] } })
    await bed.clock.advance(10)
    expect(subscription.disposed).toBe(true)
    expect(bed.traffic.subscriptions).toHaveLength(2)
  })

  test('terminated by the notifier: deactivated resubscribes, rejected ends the watch', async () => {
    bed.manager.resume(false)
    bed.manager.watch(ALICE, 'presence')
    bed.manager.watch('4602', 'dialog')
    await bed.clock.advance(10)
    establish(bed, ALICE).notify('', { state: 'terminated', reason: 'deactivated' })
    establish(bed, 'sip:4602@parley.test', 'dialog').notify('', { state: 'terminated', reason: 'rejected' })
    await bed.clock.advance(10)
    expect(bed.traffic.subscriptions.map((s) => s.target)).toEqual([ALICE, 'sip:4602@parley.test', ALICE])
    expect(bed.states.at(-1)).toEqual({
      target: '4602',
      event: 'dialog',
      state: 'terminated',
      reason: 'rejected',
    })
  })

  test('a huge NOTIFY body or one of a foreign type is answered 200, dropped and logged once', async () => {
    bed = setup({ maxBodyLength: 1000 })
    bed.manager.resume(false)
    bed.manager.watch(ALICE, 'presence')
    const subscription = establish(bed, ALICE)
    subscription.notify('x'.repeat(1001))
    subscription.notify('<html>', { contentType: 'text/html' })
    expect(bed.notifies).toHaveLength(1)
    expect(subscription.notifyAnswers).toEqual([200, 200, 200])
    expect(bed.logs.filter((l) => l.includes('dropped'))).toHaveLength(2)
  })

  test('after a reconnect every dialog is replaced by a new, paced SUBSCRIBE', async () => {
    bed.manager.resume(false)
    bed.manager.watch(ALICE, 'presence')
    bed.manager.watch('4602', 'dialog')
    await bed.clock.advance(10)
    const first = [establish(bed, ALICE), establish(bed, 'sip:4602@parley.test', 'dialog')]
    bed.manager.pause()
    bed.manager.resume(true)
    await bed.clock.advance(10)
    expect(first.every((s) => s.disposed && !s.unsubscribed)).toBe(true)
    expect(bed.traffic.subscriptions).toHaveLength(4)
    // a NOTIFY still arriving on an old one is answered but not reported
    first[0]?.notify('<old/>')
    expect(bed.notifies.map((n) => n.body)).not.toContain('<old/>')
  })

  test('SUBSCRIBEs lost with the connection free their slots: the queue goes on after a reconnect', async () => {
    bed = setup({ maxInFlight: 2 })
    bed.manager.resume(false)
    for (let i = 0; i < 4; i++) bed.manager.watch(`46${10 + i}`, 'presence')
    await bed.clock.advance(100)
    expect(bed.traffic.subscriptions).toHaveLength(2)
    // the connection drops; the two SUBSCRIBEs in flight never get an answer
    bed.manager.pause()
    bed.manager.resume(true)
    await bed.clock.advance(100)
    expect(bed.traffic.subscriptions.length).toBeGreaterThanOrEqual(4)
  })

  test('unwatch ends the dialog with Expires: 0; sign-out ends all and reports them', async () => {
    bed.manager.resume(false)
    bed.manager.watch(ALICE, 'presence')
    bed.manager.watch('4602', 'message-summary')
    await bed.clock.advance(10)
    const alice = establish(bed, ALICE)
    bed.manager.unwatch(ALICE, 'presence')
    expect(alice.unsubscribed).toBe(true)
    expect(bed.states.at(-1)).toEqual({
      target: ALICE,
      event: 'presence',
      state: 'terminated',
      reason: 'unwatched',
    })
    bed.manager.stop()
    expect(bed.traffic.subscriptionTo('sip:4602@parley.test', 'message-summary').unsubscribed).toBe(true)
    expect(bed.states.at(-1)).toMatchObject({ target: '4602', state: 'terminated', reason: 'signed-out' })
    expect(bed.manager.counts()[WatchPhase.Live]).toBe(0)
  })

  test('sleep ends the dialogs but keeps the watches: wake subscribes them again', async () => {
    bed.manager.resume(false)
    bed.manager.watch(ALICE, 'presence')
    const before = establish(bed, ALICE)
    bed.manager.suspend()
    expect(before.unsubscribed).toBe(true)
    bed.manager.resume(false)
    await bed.clock.advance(10)
    expect(bed.traffic.subscriptions).toHaveLength(2)
    expect(bed.manager.counts()[WatchPhase.Subscribing]).toBe(1)
  })

  test('a dialog lost without a NOTIFY (timer N) is subscribed again', async () => {
    bed.manager.resume(false)
    bed.manager.watch(ALICE, 'presence')
    const subscription = bed.traffic.subscriptionTo(ALICE, 'presence')
    subscription.answer(200)
    subscription.handlers.onTerminated()
    await bed.clock.advance(10)
    expect(bed.traffic.subscriptions).toHaveLength(2)
    expect(bed.logs.some((l) => l.includes('lost'))).toBe(true)
  })
})
