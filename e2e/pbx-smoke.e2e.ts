import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { TestPeer } from './harness/peer'

// The test bed itself, without Parley: two plain SIP.js phones register at the real Kamailio
// (digest auth), call each other through it and exchange audio. If this fails, the app tests
// below it cannot be trusted either.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
let alice: TestPeer
let bob: TestPeer

beforeAll(async () => {
  alice = await TestPeer.start('smoke-alice', pbx, baseUrl)
  bob = await TestPeer.start('smoke-bob', pbx, baseUrl)
})

afterAll(async () => {
  await alice?.close()
  await bob?.close()
})

test('two peers call each other through the PBX and media flows both ways', async () => {
  await bob.setAutoAnswer(true)
  const id = await alice.call(bob.uri)
  await alice.waitForCall((c) => c.id === id && c.state === 'Established', 'call established')
  await bob.waitForCall((c) => c.state === 'Established', 'call established at bob')
  const aliceMedia = await alice.waitForMediaFlowing(id)
  const bobMedia = await bob.waitForMediaFlowing()
  expect(aliceMedia.after.bytesReceived).toBeGreaterThan(aliceMedia.before.bytesReceived)
  expect(bobMedia.after.bytesReceived).toBeGreaterThan(bobMedia.before.bytesReceived)

  await alice.sendDtmfInfo(id, '12#')
  await bob.waitForCall((c) => c.infoDtmf === '12#', 'INFO DTMF 12#')

  await alice.hold(id, true)
  await bob.waitForCall((c) => c.remoteDirection === 'sendonly', 'hold offer seen by bob')
  await alice.hold(id, false)
  await bob.waitForCall((c) => c.remoteDirection === 'sendrecv', 'resume offer seen by bob')

  await bob.hangup()
  await alice.waitForCall((c) => c.id === id && c.state === 'Terminated', 'BYE from bob ends alice call')
})
