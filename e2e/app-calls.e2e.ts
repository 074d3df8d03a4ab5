import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { screenshot } from './harness/artifacts'
import { hangUpEverything } from './harness/hang-up'
import { TestPeer } from './harness/peer'
import { dial, textOf, ui } from './harness/ui'
import { eventually } from './harness/wait'

// Calls between Parley (driven through its UI) and plain SIP.js phones, all through the real
// Kamailio. Media is proved by RTP byte counters growing on both ends.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
const appUser = '4001'
let app: TestApp
let bob: TestPeer
let carol: TestPeer

const appUri = `sip:${appUser}@${pbx.domain}`
// An outgoing card may name the number dialled or the name the callee's answer carried.
const bobParty = /^Call with (Bob Berg|4002)$/
const carolParty = /^Call with (Carol Dahl|4003)$/

beforeAll(async () => {
  bob = await TestPeer.start('4002', pbx, baseUrl, 'Bob Berg')
  carol = await TestPeer.start('4003', pbx, baseUrl, 'Carol Dahl')
  app = await startApp('calls', { user: appUser, displayName: 'Alice Andersson' })
  await app.waitRegistered()
})

afterAll(async () => {
  await app?.close()
  await bob?.close()
  await carol?.close()
})

afterEach(() => hangUpEverything(app, [bob, carol]))

test('outgoing call: the peer answers, media flows both ways, the app hangs up', async () => {
  const callsBefore = (await bob.calls()).length
  await dial(app.page, '4002')
  const ringing = await bob.waitForCall(
    (c) => c.direction === 'incoming' && c.state === 'Initial',
    'INVITE at bob',
  )
  expect((await bob.calls()).length).toBe(callsBefore + 1)
  expect(ringing.remoteUser).toBe(appUser)
  await expect.poll(() => textOf(ui.liveCall(app.page))).toMatch(/Calling…|Ringing/)

  await bob.answer(ringing.id)
  const card = ui.liveCall(app.page, bobParty)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Connected/)
  await app.waitForMediaFlowing()
  await bob.waitForMediaFlowing(ringing.id)
  await expect.poll(() => textOf(card), { timeout: 5_000 }).toMatch(/\d\d:\d\d/)
  await screenshot(app.page, 'in-call')

  await card.getByRole('button', { name: 'Hang up' }).click()
  await bob.waitForCall((c) => c.id === ringing.id && c.state === 'Terminated', 'BYE from the app')
})

test('incoming call: name shown, answered by click, media flows, the peer hangs up', async () => {
  const id = await bob.call(appUri)
  const card = ui.liveCall(app.page, bobParty)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
  expect(await textOf(card)).toContain('4002')
  await screenshot(app.page, 'ringing')

  await card.getByRole('button', { name: 'Answer' }).click()
  await bob.waitForCall((c) => c.id === id && c.state === 'Established', 'answer from the app')
  await expect.poll(() => textOf(card)).toMatch(/Connected/)
  await app.waitForMediaFlowing()
  await bob.waitForMediaFlowing(id)

  await bob.hangup(id)
  await expect.poll(() => card.getByRole('button', { name: 'Hang up' }).count(), { timeout: 10_000 }).toBe(0)
})

test('reject: the caller gets a final refusal and the card goes away', async () => {
  const id = await bob.call(appUri)
  const card = ui.liveCall(app.page, bobParty)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
  await card.getByRole('button', { name: 'Reject' }).click()
  const rejected = await bob.waitForCall((c) => c.id === id && c.state === 'Terminated', 'rejection at bob')
  expect(rejected.finalStatus).toBeGreaterThanOrEqual(400)
  await expect.poll(() => card.getByRole('button', { name: 'Answer' }).count()).toBe(0)
})

test('the caller is told when the peer rejects (busy)', async () => {
  // The last test's ended card stays a moment; the new call's card shows once its INVITE has
  // left, so without this wait the ended card below could be that one.
  await expect.poll(() => ui.call(app.page, bobParty).count(), { timeout: 5_000 }).toBe(0)
  await bob.setRejectIncoming(486)
  await dial(app.page, '4002')
  const ended = await eventually(
    'the ended card',
    () => textOf(ui.call(app.page, bobParty).last()),
    (text) => /Ended/.test(text),
  )
  expect(ended).toMatch(/Busy/)
})

test('hold and resume change the media direction at both ends', async () => {
  await bob.setAutoAnswer(true)
  await dial(app.page, '4002')
  const card = ui.liveCall(app.page, bobParty)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Connected/)
  const call = await bob.waitForCall((c) => c.state === 'Established', 'established at bob')
  await bob.waitForMediaFlowing(call.id)

  await card.getByRole('button', { name: 'Hold' }).click()
  await expect.poll(() => textOf(card), { timeout: 10_000 }).toMatch(/On hold/)
  await bob.waitForCall(
    (c) => c.id === call.id && /sendonly|inactive/.test(c.remoteDirection),
    'hold offer at bob',
  )
  await expect.poll(async () => (await app.media()).direction).toMatch(/sendonly|inactive/)
  // The held side answered recvonly, so no audio comes back to the app while it holds.
  await app.waitForNoIncomingMedia()
  await screenshot(app.page, 'on-hold')

  await card.getByRole('button', { name: 'Resume' }).click()
  await expect.poll(() => textOf(card), { timeout: 10_000 }).toMatch(/Connected/)
  await bob.waitForCall((c) => c.id === call.id && c.remoteDirection === 'sendrecv', 'resume offer at bob')
  await expect.poll(async () => (await app.media()).direction).toBe('sendrecv')
  await bob.waitForMediaFlowing(call.id)

  await card.getByRole('button', { name: 'Hang up' }).click()
})

test('DTMF from the dialpad reaches the other side as SIP INFO when it has no telephone-event', async () => {
  await bob.setStripTelephoneEvent(true)
  await bob.setAutoAnswer(true)
  await dial(app.page, '4002')
  const card = ui.liveCall(app.page, bobParty)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Connected/)
  const call = await bob.waitForCall((c) => c.state === 'Established', 'established at bob')
  const pad = ui.dialpad(app.page)
  for (const key of ['1', '5', '#']) await pad.getByRole('button', { name: key, exact: true }).click()
  await bob.waitForCall((c) => c.id === call.id && c.infoDtmf === '15#', 'INFO digits 15# at bob')
  await card.getByRole('button', { name: 'Hang up' }).click()
})

test('DTMF goes in-band (RFC 4733) when the peer negotiated telephone-event', async () => {
  await bob.setAutoAnswer(true)
  await dial(app.page, '4002')
  const card = ui.liveCall(app.page, bobParty)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Connected/)
  const call = await bob.waitForCall((c) => c.state === 'Established', 'established at bob')
  const sentBefore = await app.page.evaluate(
    () => (window as unknown as { __parleyTest: { dtmfTones: string } }).__parleyTest.dtmfTones,
  )
  // Keys typed while the call card has focus go to the call too.
  await card.focus()
  await app.page.keyboard.type('4*')
  await expect
    .poll(() =>
      app.page.evaluate(
        () => (window as unknown as { __parleyTest: { dtmfTones: string } }).__parleyTest.dtmfTones,
      ),
    )
    .toBe(`${sentBefore}4*`)
  expect((await bob.calls()).find((c) => c.id === call.id)?.infoDtmf).toBe('')
  await card.getByRole('button', { name: 'Hang up' }).click()
})

test('call waiting: a second call rings while in a call; answering it holds the first', async () => {
  await bob.setAutoAnswer(true)
  await dial(app.page, '4002')
  const bobCard = ui.liveCall(app.page, bobParty)
  await expect.poll(() => textOf(bobCard), { timeout: 15_000 }).toMatch(/Connected/)
  const bobCall = await bob.waitForCall((c) => c.state === 'Established', 'established at bob')

  const carolId = await carol.call(appUri)
  const carolCard = ui.liveCall(app.page, carolParty)
  await expect.poll(() => textOf(carolCard), { timeout: 15_000 }).toMatch(/Incoming call/)
  expect(await textOf(bobCard)).toMatch(/Connected/)

  await carolCard.getByRole('button', { name: 'Answer' }).click()
  await carol.waitForCall((c) => c.id === carolId && c.state === 'Established', 'carol answered')
  await expect.poll(() => textOf(bobCard), { timeout: 10_000 }).toMatch(/On hold/)
  await expect.poll(() => textOf(carolCard)).toMatch(/Connected/)
  await bob.waitForCall((c) => c.id === bobCall.id && /sendonly|inactive/.test(c.remoteDirection), 'bob held')
  await carol.waitForMediaFlowing(carolId)

  // The held caller hangs up: only Carol's call stays.
  await bob.hangup(bobCall.id)
  await expect.poll(() => bobCard.getByRole('button').count(), { timeout: 10_000 }).toBe(0)
  await carolCard.getByRole('button', { name: 'Hang up' }).click()
  await carol.waitForCall((c) => c.id === carolId && c.state === 'Terminated', 'carol hung up by the app')
})

test('a caller named <img src=x onerror=alert(1)> is shown as text and runs no script', async () => {
  const hostileName = '<img src=x onerror=alert(1)>'
  const dialogs: string[] = []
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const mallory = await TestPeer.start('4666', pbx, baseUrl, hostileName)
  try {
    const id = await mallory.call(appUri)
    const card = ui.liveCall(app.page, hostileName)
    await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
    expect(await textOf(card)).toContain(hostileName)
    expect(await ui.calls(app.page).locator('img').count()).toBe(0)
    await card.getByRole('button', { name: 'Reject' }).click()
    await mallory.waitForCall((c) => c.id === id && c.state === 'Terminated', 'rejected')
    expect(dialogs).toEqual([])
    expect(app.ua.pageErrors).toEqual([])
  } finally {
    await mallory.close()
  }
})
