import { beforeEach, describe, expect, it } from 'vitest'
import { FakeClock } from '../testing/fake-clock'
import { FakePooledConnection } from '../testing/sip-stack'
import { WARM_MAX_AGE_MS, WARM_MAX_AGE_WITH_ICE_SERVERS_MS, WarmPeer } from './warm-peer'

const plain: RTCConfiguration = { iceServers: [] }
const withStun: RTCConfiguration = { iceServers: [{ urls: 'stun:stun.pbx.example' }] }

let clock: FakeClock
let made: FakePooledConnection[]
let busy: boolean
let engineStarts: number
let warm: WarmPeer<FakePooledConnection>

beforeEach(() => {
  clock = new FakeClock()
  made = []
  busy = false
  engineStarts = 0
  warm = new WarmPeer({
    startMediaEngine: async () => {
      engineStarts++
    },
    create: (configuration, poolSize) => {
      const connection = new FakePooledConnection(configuration, poolSize)
      made.push(connection)
      return connection
    },
    clock,
    busy: () => busy,
    log: () => undefined,
  })
})

describe('WarmPeer: one connection made ahead of the next call', () => {
  it('makes nothing before it knows the configuration calls use', async () => {
    warm.prepare()
    await clock.advance(1000)
    expect(made).toEqual([])
  })

  it('makes one connection with a candidate pool after the delay, and hands it over once', async () => {
    warm.configure(plain)
    warm.prepare(300)
    warm.prepare(300)
    await clock.advance(299)
    expect(made).toHaveLength(0)
    await clock.advance(1)
    expect(made).toHaveLength(1)
    expect(made[0]).toMatchObject({ configuration: plain, candidatePoolSize: 1, closed: false })
    expect(warm.take({ iceServers: [] })).toBe(made[0])
    expect(warm.take(plain)).toBeUndefined()
    expect(made[0]?.closed).toBe(false)
  })

  it('starts the media engine once, with the first connection', async () => {
    warm.configure(plain)
    expect(engineStarts).toBe(0)
    warm.prepare(0)
    await clock.advance(0)
    expect(engineStarts).toBe(1)
    warm.take(plain)
    warm.prepare(0)
    await clock.advance(0)
    expect(made).toHaveLength(2)
    expect(engineStarts).toBe(1)
  })

  it('is made sooner when asked sooner than planned (the user is about to dial)', async () => {
    warm.configure(plain)
    warm.prepare(300)
    warm.prepare(0)
    await clock.advance(0)
    expect(made).toHaveLength(1)
    await clock.advance(300)
    expect(made).toHaveLength(1)
  })

  it('makes none while a call is up: no connection beside a call', async () => {
    warm.configure(plain)
    busy = true
    warm.prepare(0)
    await clock.advance(10)
    expect(made).toEqual([])
  })

  it('does not hand over a connection of another configuration; it closes it', async () => {
    warm.configure(plain)
    warm.prepare(0)
    await clock.advance(0)
    expect(warm.take(withStun)).toBeUndefined()
    expect(made[0]?.closed).toBe(true)
  })

  it('drops a ready connection when the account configuration changes', async () => {
    warm.configure(plain)
    warm.prepare(0)
    await clock.advance(0)
    warm.configure(withStun)
    expect(made[0]?.closed).toBe(true)
    warm.prepare(0)
    await clock.advance(0)
    expect(made[1]?.configuration).toBe(withStun)
  })

  it('trusts host candidates for minutes, server-reflexive ones for less than a NAT mapping lasts', async () => {
    warm.configure(plain)
    warm.prepare(0)
    await clock.advance(WARM_MAX_AGE_MS)
    expect(warm.take(plain)).toBe(made[0])

    warm.configure(withStun)
    warm.prepare(0)
    await clock.advance(WARM_MAX_AGE_WITH_ICE_SERVERS_MS + 1)
    expect(warm.take(withStun)).toBeUndefined()
    expect(made[1]?.closed).toBe(true)
  })

  it('replaces a connection too old to trust when asked to prepare again', async () => {
    warm.configure(withStun)
    warm.prepare(0)
    await clock.advance(WARM_MAX_AGE_WITH_ICE_SERVERS_MS + 1)
    warm.prepare(0)
    await clock.advance(0)
    expect(made).toHaveLength(2)
    expect(made[0]?.closed).toBe(true)
    expect(warm.take(withStun)).toBe(made[1])
  })

  it('discard closes the ready connection and cancels one about to be made', async () => {
    warm.configure(plain)
    warm.prepare(0)
    await clock.advance(0)
    warm.discard()
    expect(made[0]?.closed).toBe(true)
    warm.prepare(300)
    warm.discard()
    await clock.advance(1000)
    expect(made).toHaveLength(1)
    expect(warm.take(plain)).toBeUndefined()
  })

  it('does not hand over a connection that is no longer stable', async () => {
    warm.configure(plain)
    warm.prepare(0)
    await clock.advance(0)
    if (made[0]) made[0].signalingState = 'have-local-offer'
    expect(warm.take(plain)).toBeUndefined()
    expect(made[0]?.closed).toBe(true)
  })
})
