import { beforeEach, describe, expect, it } from 'vitest'
import { KEEPALIVE_INTERVAL_MS, KEEPALIVE_TIMEOUT_MS } from './keepalive'
import { Registration } from './registration'
import { FakeClock, flush } from '../testing/fake-clock'
import { FakeStack, response } from '../testing/sip-stack'
import type { RegistrationStatus } from './types'
import { message, render, type Message } from '../../contract/i18n'
import { aliceSipAccount } from '../testing/sip-account'

const account = aliceSipAccount

let stack: FakeStack
let clock: FakeClock
let statuses: RegistrationStatus[]
let registeredEvents: boolean[]
let lost: number
let registration: Registration
let logged: string[]

beforeEach(() => {
  logged = []
  stack = new FakeStack()
  clock = new FakeClock()
  statuses = []
  registeredEvents = []
  lost = 0
  registration = newRegistration()
})

const newRegistration = (later?: () => Promise<void>) =>
  new Registration({
    stack,
    clock,
    random: () => 1,
    later,
    emitStatus: (s) => statuses.push(s),
    userAgentConfig: (_account, transportDelegate) =>
      ({ uri: 'sip:alice@pbx.example', delegate: { ...transportDelegate } }) as never,
    onRegistered: (recovered) => registeredEvents.push(recovered),
    onTransportLost: () => lost++,
    log: (message) => logged.push(message),
  })

const states = () => statuses.map((s) => (s.state === 'failed' ? `failed:${s.reason}` : s.state))

describe('Registration', () => {
  it('connects, registers and says so', async () => {
    await registration.connect(account)
    expect(states()).toEqual(['connecting', 'registered'])
    expect(statuses[1]).toEqual({ state: 'registered', since: clock.now() })
    expect(stack.lastUa.starts).toBe(1)
    expect(registeredEvents).toEqual([false])
  })

  it('reports a wrong password (401/403 after credentials) and does not hammer the server', async () => {
    stack.onRegisterer = (r) => (r.autoAnswer = 401)
    await registration.connect(account)
    expect(statuses.at(-1)).toEqual({
      state: 'failed',
      reason: 'auth',
      message: message('registration.wrong-password', { code: 401 }),
    })
    await clock.advance(60_000)
    expect(stack.lastRegisterer.registers).toHaveLength(1)

    stack.onRegisterer = (r) => (r.autoAnswer = 403)
    await registration.connect(account)
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', reason: 'auth' })
  })

  it('writes why the server could not be reached to the log, once per attempt', async () => {
    stack.onUserAgent = (ua) => (ua.reachable = false)
    await registration.connect(account)
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(/^connecting to the server failed: .+/)
  })

  it('reports an unreachable server with the time of the next try, backing off with a cap', async () => {
    stack.onUserAgent = (ua) => (ua.reachable = false)
    await registration.connect(account)
    const first = statuses.at(-1)
    expect(first).toEqual({
      state: 'failed',
      reason: 'unreachable',
      message: message('registration.unreachable'),
      retryAt: clock.now() + 500,
    })

    const delays: number[] = []
    for (let i = 0; i < 10; i++) {
      const last = statuses.at(-1)
      if (last?.state !== 'failed' || last.retryAt === undefined)
        throw new Error('expected a scheduled retry')
      delays.push(last.retryAt - clock.now())
      await clock.advance(last.retryAt - clock.now())
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000])
    expect(stack.lastUa.reconnects).toBe(10)
    expect(states().filter((s) => s === 'connecting')).toHaveLength(11)
  })

  it('registers by itself once the server is back', async () => {
    stack.onUserAgent = (ua) => (ua.reachable = false)
    await registration.connect(account)
    stack.lastUa.reachable = true
    await clock.advance(500)
    expect(statuses.at(-1)?.state).toBe('registered')
  })

  it('reports an unexpected close, then reconnects and re-registers (a recovery)', async () => {
    await registration.connect(account)
    stack.lastUa.drop()
    expect(lost).toBe(1)
    expect(statuses.at(-1)).toEqual({
      state: 'failed',
      reason: 'closed',
      message: message('registration.closed'),
      retryAt: clock.now() + 500,
    })
    await clock.advance(500)
    expect(statuses.at(-1)?.state).toBe('registered')
    expect(registeredEvents).toEqual([false, true])
    // the same UserAgent (calls survive), a fresh socket and REGISTER
    expect(stack.userAgents).toHaveLength(1)
    expect(stack.lastUa.reconnects).toBe(1)
  })

  it('reconnect() forces a fresh socket and REGISTER at once, without waiting for backoff', async () => {
    await registration.connect(account)
    const ua = stack.lastUa
    await registration.reconnect('resume')
    expect(ua.transport.disconnects).toBe(1)
    expect(ua.reconnects).toBe(1)
    expect(statuses.slice(-2).map((s) => s.state)).toEqual(['connecting', 'registered'])
    expect(registeredEvents.at(-1)).toBe(true)
    // no retry left behind: the only timer is the keepalive of the new registration
    expect(clock.pending()).toEqual([KEEPALIVE_INTERVAL_MS])
  })

  it('reconnect() cancels a pending backoff retry', async () => {
    stack.onUserAgent = (ua) => (ua.reachable = false)
    await registration.connect(account)
    await clock.advance(500)
    await clock.advance(1000)
    stack.lastUa.reachable = true
    await registration.reconnect('network back')
    expect(statuses.at(-1)?.state).toBe('registered')
    expect(clock.pending()).toEqual([KEEPALIVE_INTERVAL_MS])
  })

  it('builds the registerer while the socket opens, so the REGISTER leaves as soon as it is open', async () => {
    const startsWhenBuilt: number[] = []
    stack.onRegisterer = () => startsWhenBuilt.push(stack.lastUa.starts)
    await registration.connect(account)
    expect(startsWhenBuilt).toEqual([0])
    expect(stack.lastRegisterer.registers).toHaveLength(1)
    expect(statuses.at(-1)?.state).toBe('registered')
  })

  it('a REGISTER stuck on the old socket does not block the new one', async () => {
    await registration.connect(account)
    const old = stack.lastRegisterer
    old.pendingError = new Error('REGISTER request already in progress, waiting for final response')
    await registration.reconnect('resume')
    expect(stack.registerers).toHaveLength(2)
    expect(statuses.at(-1)?.state).toBe('registered')
    // the abandoned registerer never un-REGISTERs the shared contact
    expect(old.unregisters).toHaveLength(0)
  })

  it('a REGISTER that never gets an answer fails after the timeout and is retried', async () => {
    stack.onRegisterer = (r) => (r.autoAnswer = null)
    const connecting = registration.connect(account)
    await clock.advance(15_000)
    await connecting
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', reason: 'rejected' })
    expect(render('en', (statuses.at(-1) as { message: Message }).message)).toMatch(/408/)
  })

  it('a refused REGISTER (not auth) is retried with backoff', async () => {
    stack.onRegisterer = (r) => (r.autoAnswer = 500)
    await registration.connect(account)
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', reason: 'rejected', retryAt: clock.now() + 500 })
    expect(render('en', (statuses.at(-1) as { message: Message }).message)).toMatch(/500/)
  })

  it('a lost registration (failed refresh, expiry) is reported and retried', async () => {
    await registration.connect(account)
    stack.lastRegisterer.setState('Unregistered')
    expect(statuses.at(-1)).toMatchObject({
      state: 'failed',
      reason: 'other',
      message: message('registration.lost'),
    })
    await clock.advance(500)
    expect(statuses.at(-1)?.state).toBe('registered')
  })

  it('disconnect() unregisters cleanly, stops the UA and stops retrying', async () => {
    await registration.connect(account)
    const ua = stack.lastUa
    const registerer = stack.lastRegisterer
    await registration.disconnect()
    expect(registerer.unregisters).toHaveLength(1)
    expect(ua.stops).toBe(1)
    expect(statuses.at(-1)).toEqual({ state: 'unregistered' })
    ua.drop()
    await clock.advance(60_000)
    expect(statuses.at(-1)).toEqual({ state: 'unregistered' })
  })

  it('disconnect() does not hang when the server never answers the un-REGISTER', async () => {
    await registration.connect(account)
    stack.lastRegisterer.unregister = () => new Promise(() => {})
    const done = registration.disconnect()
    await clock.advance(5000)
    await done
    expect(statuses.at(-1)).toEqual({ state: 'unregistered' })
  })

  it('ignores the answer to a REGISTER sent on a socket that dropped meanwhile', async () => {
    stack.onRegisterer = (r) => (r.autoAnswer = null)
    const connecting = registration.connect(account)
    await flush()
    const registerer = stack.lastRegisterer
    stack.lastUa.drop()
    // SIP.js answers the stranded REGISTER with a synthetic 503 after the drop
    registerer.answer(503)
    await connecting
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', reason: 'closed' })
    registerer.autoAnswer = 200
    await clock.advance(500)
    expect(statuses.at(-1)?.state).toBe('registered')
    expect(states().filter((s) => s.startsWith('failed'))).toEqual(['failed:closed'])
  })

  it('reports unusable settings instead of throwing', async () => {
    stack.createUserAgent = () => {
      throw new Error('Invalid WebSocket Server URL')
    }
    await registration.connect(account)
    expect(statuses.at(-1)).toMatchObject({ state: 'failed', reason: 'other' })
    expect((statuses.at(-1) as { retryAt?: number }).retryAt).toBeUndefined()
    await flush()
  })

  it('obeys Retry-After on a 503: the next REGISTER goes out when the server said, not by backoff', async () => {
    stack.onRegisterer = (r) => (r.autoAnswer = null)
    const connecting = registration.connect(account)
    await flush()
    const registerer = stack.lastRegisterer
    registerer.setState('Unregistered')
    registerer.registers.at(-1)?.onReject?.(response(503, 'Service Unavailable', { 'Retry-After': ['10'] }))
    await connecting
    expect(statuses.at(-1)).toMatchObject({
      state: 'failed',
      reason: 'rejected',
      retryAt: clock.now() + 10_000,
    })
    await clock.advance(9_999)
    expect(registerer.registers).toHaveLength(1)
    registerer.autoAnswer = 200
    await clock.advance(1)
    expect(registerer.registers).toHaveLength(2)
    expect(statuses.at(-1)?.state).toBe('registered')
  })

  it('pings the registrar while registered, and registers afresh when the pings go unanswered', async () => {
    await registration.connect(account)
    const ua = stack.lastUa
    await clock.advance(KEEPALIVE_INTERVAL_MS)
    expect(stack.pings).toEqual(['sip:pbx.example'])
    expect(ua.reconnects).toBe(0)
    stack.pingAnswer = null
    await clock.advance(KEEPALIVE_INTERVAL_MS + KEEPALIVE_TIMEOUT_MS)
    expect(stack.pings).toHaveLength(2)
    expect(lost).toBe(1)
    expect(ua.transport.disconnects).toBe(1)
    expect(ua.reconnects).toBe(1)
    expect(statuses.slice(-2).map((s) => s.state)).toEqual(['connecting', 'registered'])
    expect(registeredEvents.at(-1)).toBe(true)
  })

  it('takes a 408 to the keepalive (the proxy gave up on the registrar) as a dead path', async () => {
    await registration.connect(account)
    stack.pingAnswer = 408
    await clock.advance(KEEPALIVE_INTERVAL_MS)
    expect(stack.lastUa.reconnects).toBe(1)
    stack.pingAnswer = 405
    await clock.advance(3 * KEEPALIVE_INTERVAL_MS)
    expect(stack.lastUa.reconnects).toBe(1)
  })
})

describe('Registration: what follows the 200 OK waits for a later task', () => {
  /** A `later` the test releases by hand, counting the waits. */
  function heldLater() {
    const waiting: Array<() => void> = []
    return {
      later: () => new Promise<void>((resolve) => waiting.push(resolve)),
      waiting: () => waiting.length,
      release: async () => {
        waiting.shift()?.()
        await flush()
      },
    }
  }

  it('says Registered at once; the keepalive and onRegistered follow in the later task', async () => {
    const held = heldLater()
    const deferred = newRegistration(held.later)
    const connected = deferred.connect(account)
    await flush()
    expect(states()).toEqual(['connecting', 'registered'])
    expect(held.waiting()).toBe(1)
    expect(registeredEvents).toEqual([])
    expect(clock.pending()).toEqual([])
    await held.release()
    await connected
    expect(registeredEvents).toEqual([false])
    expect(clock.pending()).toEqual([KEEPALIVE_INTERVAL_MS])
  })

  it('skips the work of a registration that dropped before its later task; the next one does it, as a recovery', async () => {
    const held = heldLater()
    const deferred = newRegistration(held.later)
    void deferred.connect(account)
    await flush()
    stack.lastUa.drop()
    await held.release()
    // the drop's pause stands: nothing was resumed, no keepalive for a dead connection
    expect(registeredEvents).toEqual([])
    expect(clock.pending()).toEqual([500])
    await clock.advance(500)
    expect(states().slice(-2)).toEqual(['connecting', 'registered'])
    await held.release()
    expect(registeredEvents).toEqual([true])
    expect(clock.pending()).toEqual([KEEPALIVE_INTERVAL_MS])
  })

  it('skips it after a sign-out in between', async () => {
    const held = heldLater()
    const deferred = newRegistration(held.later)
    void deferred.connect(account)
    await flush()
    await deferred.disconnect()
    await held.release()
    expect(registeredEvents).toEqual([])
    expect(stack.pings).toEqual([])
    expect(clock.pending()).toEqual([])
  })
})
