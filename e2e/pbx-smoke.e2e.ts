import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { TestPbx } from './harness/pbx'
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

test('blind transfer: REFER passes the PBX and the transferee calls the target', async () => {
  const carol = await TestPeer.start('smoke-carol', pbx, baseUrl)
  try {
    await bob.setAutoAnswer(true)
    await carol.setAutoAnswer(true)
    const id = await alice.call(bob.uri)
    await alice.waitForCall((c) => c.id === id && c.state === 'Established', 'alice–bob established')
    await alice.blindTransfer(id, carol.uri)
    const atCarol = await carol.waitForCall((c) => c.state === 'Established', 'bob–carol established')
    expect(atCarol.remoteUser).toBe('smoke-bob')
    await carol.waitForMediaFlowing(atCarol.id)
    await alice.hangup(id).catch(() => undefined)
    await carol.hangup(atCarol.id)
  } finally {
    await carol.close()
  }
})

test('attended transfer: INVITE with Replaces to an aliased .invalid contact is routed', async () => {
  const carol = await TestPeer.start('smoke-carol2', pbx, baseUrl)
  try {
    await bob.setAutoAnswer(true)
    await carol.setAutoAnswer(true)
    const held = await alice.call(bob.uri)
    await alice.waitForCall((c) => c.id === held && c.state === 'Established', 'alice–bob established')
    await alice.hold(held, true)
    const consult = await alice.call(carol.uri)
    await alice.waitForCall((c) => c.id === consult && c.state === 'Established', 'alice–carol established')
    const carolCallsBefore = (await carol.calls()).length
    await alice.attendedTransfer(held, consult)
    // Carol's new call (from Bob, replacing Alice's) arrives without ringing anew and has media.
    const replaced = await carol.waitForCall(
      (c) => c.id > carolCallsBefore && c.remoteUser === 'smoke-bob' && c.state === 'Established',
      'bob–carol established via Replaces',
    )
    expect(replaced.incomingHeaders.Replaces).toBeTruthy()
    await carol.waitForMediaFlowing(replaced.id)
    await alice.waitForCall((c) => c.id === consult && c.state === 'Terminated', 'consultation replaced')
    await carol.hangup(replaced.id)
  } finally {
    await carol.close()
  }
})

test('Kamailio can be killed and restarted from a test; phones register again', async () => {
  const controller = new TestPbx(pbx)
  await controller.kill()
  await controller.start()
  const dave = await TestPeer.start('smoke-dave', pbx, baseUrl)
  try {
    await dave.setAutoAnswer(true)
    const erin = await TestPeer.start('smoke-erin', pbx, baseUrl)
    try {
      const id = await erin.call(dave.uri)
      await erin.waitForCall((c) => c.id === id && c.state === 'Established', 'call after restart')
      await erin.waitForMediaFlowing(id)
      await erin.hangup(id)
    } finally {
      await erin.close()
    }
  } finally {
    await dave.close()
  }
})
