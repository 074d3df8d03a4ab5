import { beforeEach, describe, expect, it } from 'vitest'
import { SipPhone } from './phone'
import { FakeClock, flush } from '../testing/fake-clock'
import { FakeAudioElement, FakeMediaDevices, type FakeTrack } from '../testing/media'
import { type FakeSdh, FakeSession, FakeStack } from '../testing/sip-stack'
import type { SipSession } from './stack'
import { CallPhase, type CallSnapshot } from './types'
import { render } from '../../contract/i18n'
import { WARM_DELAY_MS } from './warm-peer'
import { aliceSipAccount } from '../testing/sip-account'

/** What is got ready ahead of a call, and the order things happen in when one is dialled. */

const account = aliceSipAccount

let stack: FakeStack
let clock: FakeClock
let phone: SipPhone
let devices: FakeMediaDevices
let outgoing: FakeSession[]
let ended: CallSnapshot[]
let logged: string[]

beforeEach(async () => {
  stack = new FakeStack()
  clock = new FakeClock()
  devices = new FakeMediaDevices()
  outgoing = []
  ended = []
  logged = []
  stack.createInviterSession = () => {
    const session = new FakeSession()
    outgoing.push(session)
    return session
  }
  phone = new SipPhone({
    stack,
    mediaDevices: devices,
    createAudioElement: () => new FakeAudioElement(),
    clock,
    random: () => 0.5,
    log: (line) => logged.push(line),
  })
  phone.on('call-ended', (call) => ended.push(call))
  await phone.connect(account)
})

const source = () => {
  if (!stack.localMedia) throw new Error('no media handler factory yet')
  return stack.localMedia
}

async function dialled(): Promise<{ id: string; session: FakeSession }> {
  const id = await phone.dial('1001')
  const session = outgoing.at(-1)
  if (!id || !session) throw new Error('dial refused')
  return { id, session }
}

describe('a connection made ahead of the next call', () => {
  it('is made a moment after registering, with a candidate pool and the account ICE servers', async () => {
    expect(stack.pooledConnections).toHaveLength(0)
    await clock.advance(WARM_DELAY_MS)
    expect(stack.pooledConnections).toHaveLength(1)
    expect(stack.pooledConnections[0]).toMatchObject({
      configuration: { iceServers: [] },
      candidatePoolSize: 1,
      closed: false,
    })
    expect(source().takePeerConnection?.({ iceServers: [] })).toBe(stack.pooledConnections[0])
  })

  it('is not made during a call, and is made again once the last call is over', async () => {
    await clock.advance(WARM_DELAY_MS)
    const { session } = await dialled()
    source().takePeerConnection?.({ iceServers: [] })
    phone.prepareToDial()
    await clock.advance(WARM_DELAY_MS)
    expect(stack.pooledConnections).toHaveLength(1)
    session.setState('Terminated')
    await clock.advance(WARM_DELAY_MS)
    expect(stack.pooledConnections).toHaveLength(2)
  })

  it('is made at once when the user is about to dial and none is ready', async () => {
    await clock.advance(WARM_DELAY_MS)
    source().takePeerConnection?.({ iceServers: [] })
    phone.prepareToDial()
    await clock.advance(0)
    expect(stack.pooledConnections).toHaveLength(2)
  })

  it('its pooled candidates, all delivered when the offer is set, end gathering 3 ms after the first', async () => {
    stack.handlersTakeReadyConnections = true
    await clock.advance(WARM_DELAY_MS)
    const factory = stack.lastUa.options.sessionDescriptionHandlerFactory as unknown as (
      s: unknown,
      o: unknown,
    ) => FakeSdh
    const sdh = factory(new FakeSession(), {})
    expect(sdh.peerConnection).toBe(stack.pooledConnections[0])
    sdh.peerConnectionDelegate?.onicecandidate?.({
      candidate: { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host' },
    })
    await clock.advance(2)
    expect(sdh.gatheringCompleted).toBe(0)
    await clock.advance(1)
    expect(sdh.gatheringCompleted).toBe(1)
  })

  it('is dropped when the connection to the server is lost (the network may have changed)', async () => {
    await clock.advance(WARM_DELAY_MS)
    stack.lastUa.reachable = false
    stack.lastUa.drop()
    await flush()
    expect(stack.pooledConnections[0]?.closed).toBe(true)
    expect(source().takePeerConnection?.({ iceServers: [] })).toBeUndefined()
  })

  it('is dropped on sign-out', async () => {
    await clock.advance(WARM_DELAY_MS)
    await phone.disconnect()
    expect(stack.pooledConnections[0]?.closed).toBe(true)
  })
})

describe('dialling', () => {
  it('starts the INVITE before the UI hears of the call', async () => {
    const invitesWhenAnnounced: number[] = []
    phone.on('call-added', () => invitesWhenAnnounced.push(outgoing.at(-1)?.initialInvites.length ?? -1))
    await dialled()
    await flush()
    expect(invitesWhenAnnounced).toEqual([1])
  })

  it('ends the call with a reason when the microphone fails after the INVITE went out', async () => {
    const { id, session } = await dialled()
    const inUse = Object.assign(new Error('Could not start audio source'), { name: 'NotReadableError' })
    source().failedAfterOffer(session as unknown as SipSession, inUse)
    await flush()
    expect(ended).toHaveLength(1)
    expect(ended[0]).toMatchObject({ id, endReason: 'failed', phase: CallPhase.Ended })
    // worded by the error's name; the browser's own English goes to the log only
    const reason = ended[0]?.message
    expect(reason ? render('sv', reason) : '').toBe(
      'Samtalet avslutades: mikrofonen används av ett annat program eller fungerar inte',
    )
    expect(logged.join('\n')).toContain('Could not start audio source')
    expect(session.state).toBe('Terminated')
  })

  it('a microphone that opens after the user muted the call comes muted', async () => {
    const { id, session } = await dialled()
    phone.setMuted(id, true)
    const stream = await source().open(session as unknown as SipSession)
    const tracks = stream.getAudioTracks() as unknown as FakeTrack[]
    expect(tracks.length).toBeGreaterThan(0)
    expect(tracks.every((track) => !track.enabled)).toBe(true)
    expect(devices.requests).toHaveLength(1)
  })
})
