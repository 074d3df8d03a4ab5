import type { Locator } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest'
import type { Contact } from '../contract/schemas'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { screenshot } from './harness/artifacts'
import { hangUpEverything } from './harness/hang-up'
import { TestPeer } from './harness/peer'
import { textOf, ui } from './harness/ui'
import { eventually } from './harness/wait'
import type { PeerCallView } from './peer/peer'
import { expectAppTalkingWith, expectPeersTalking, recordCallStates } from './transfer-helpers'

// Transfers with three user agents through the real Kamailio: Parley (the operator, driven
// through its UI by mouse drag, buttons and keys), Alice (the caller) and Carol (the transfer
// target) as plain SIP.js phones, Bob as a third phone when someone else transfers. Every test
// ends by proving who talks to whom: the two calls' DTLS identities pair up and audio grows
// both ways on exactly those connections, and the app has no call left when it stepped out.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
const appUser = '5101'
const appUri = `sip:${appUser}@${pbx.domain}`
let app: TestApp
let alice: TestPeer
let carol: TestPeer
let bob: TestPeer

const aliceParty = /^Call with (Alice Aalto|5102)$/
const carolParty = /^Call with (Carol Dahl|5103)$/
const bobParty = /^Call with (Bob Berg|5104)$/

const carolContact: Contact = {
  id: 'e2e-carol',
  name: 'Carol Dahl',
  company: 'Dahl Logistics',
  favourite: false,
  numbers: [{ kind: 'work', value: '5103' }],
}

beforeAll(async () => {
  alice = await TestPeer.start('5102', pbx, baseUrl, 'Alice Aalto')
  carol = await TestPeer.start('5103', pbx, baseUrl, 'Carol Dahl')
  bob = await TestPeer.start('5104', pbx, baseUrl, 'Bob Berg')
  app = await startApp('transfer', { user: appUser, displayName: 'Olivia Operator' })
  // The contact through main's contacts IPC (as an import would store it), then a reload so
  // the panel lists it as it would after a restart.
  const saved = await app.main.dispatch('contacts:save', carolContact)
  expect(saved.ok, JSON.stringify(saved)).toBe(true)
  await app.load()
  await eventually(
    'registered',
    () => ui.registration(app.page).textContent(),
    (text) => /^\s*Registered/.test(text ?? ''),
  )
  await eventually(
    'Carol in the contact list',
    () => contactRow().count(),
    (count) => count === 1,
  )
})

afterAll(async () => {
  await app?.close()
  await alice?.close()
  await carol?.close()
  await bob?.close()
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') {
    await screenshot(app.page, `transfer-failed-${task.name.replace(/\W+/g, '-').slice(0, 60)}`)
    const alerts = await ui.alerts(app.page).allTextContents()
    console.error(
      `[transfer] failed: announcement "${await announcement()}", alerts ${JSON.stringify(alerts)}`,
    )
  }
  await hangUpEverything(app, [alice, carol, bob])
  // A finished or failed transfer leaves a note until dismissed; Escape clears it.
  await app.page.keyboard.press('Escape')
})

const contactRow = (): Locator =>
  app.page.getByRole('list', { name: 'Contact list' }).getByRole('listitem', { name: 'Carol Dahl' })
const searchField = (): Locator => app.page.getByLabel('Search contacts')
const announcement = () => textOf(app.page.getByRole('status', { name: 'Announcements' }))
const focusedId = () => app.page.evaluate(() => document.activeElement?.id ?? '')

/**
 * An ended call's card lingers a moment and then leaves, moving the cards below it: before a
 * drag, wait until only live cards remain so the mouse presses where the card still is.
 */
async function cardsSettled(): Promise<void> {
  await eventually(
    'no ended call card lingering',
    async () => [await ui.call(app.page).count(), await ui.liveCall(app.page).count()] as const,
    ([all, live]) => all === live,
  )
}

/** Alice calls the app, the operator answers by click, and they talk. */
async function aliceCallsApp(): Promise<{ aliceCall: number; card: Locator }> {
  const aliceCall = await alice.call(appUri)
  const card = ui.liveCall(app.page, aliceParty)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
  await card.getByRole('button', { name: 'Answer' }).click()
  await alice.waitForCall((c) => c.id === aliceCall && c.state === 'Established', 'alice answered by the app')
  await expect.poll(() => textOf(card)).toMatch(/Connected/)
  await expectAppTalkingWith(app, alice, aliceCall)
  return { aliceCall, card }
}

/** After the app handed Alice to Carol: Alice's new call and Carol's call with her. */
async function aliceAndCarolJoined(
  aliceCall: number,
): Promise<{ fromAlice: PeerCallView; atCarol: PeerCallView }> {
  // Blind: to Carol's number; attended: to her Contact (the Refer-To of REFER with Replaces).
  const fromAlice = await alice.waitForCall(
    (c) => c.id > aliceCall && c.direction === 'outgoing' && c.referredBy !== '' && c.state === 'Established',
    'alice’s new call to carol, placed on the app’s REFER',
    20_000,
  )
  expect(fromAlice.referredBy).toContain(appUser)
  const atCarol = await carol.waitForCall(
    (c) => c.direction === 'incoming' && c.remoteUser === '5102' && c.state === 'Established',
    'carol talking with alice',
    20_000,
  )
  await expectPeersTalking(alice, fromAlice.id, carol, atCarol.id)
  return { fromAlice, atCarol }
}

/** The app stepped out: Alice's call with it ended, and it has no live call left. */
async function appLeftEverything(aliceCall: number): Promise<void> {
  await alice.waitForCall((c) => c.id === aliceCall && c.state === 'Terminated', 'the app left alice’s call')
  await eventually(
    'no live call in the app',
    () => ui.liveCall(app.page).count(),
    (live) => live === 0,
  )
}

/** The operator clicks Carol's call button during Alice's call: Alice is held, Carol rings. */
async function consultCarol(
  aliceCard: Locator,
  aliceCall: number,
): Promise<{ consultCard: Locator; carolCall: number }> {
  await contactRow().getByRole('button', { name: 'Call Carol Dahl, work' }).click()
  const ringing = await carol.waitForCall(
    (c) => c.direction === 'incoming' && c.remoteUser === appUser && c.state === 'Initial',
    'consultation INVITE at carol',
  )
  await expect.poll(() => textOf(aliceCard), { timeout: 10_000 }).toMatch(/On hold/)
  await alice.waitForCall(
    (c) => c.id === aliceCall && /sendonly|inactive/.test(c.remoteDirection),
    'alice held by the app',
  )
  const consultCard = ui.liveCall(app.page, carolParty)
  await expect.poll(() => textOf(consultCard), { timeout: 10_000 }).toMatch(/has not answered yet/)
  return { consultCard, carolCall: ringing.id }
}

/** Carol takes the consultation call; she will also accept the INVITE with Replaces later. */
async function carolAnswers(consultCard: Locator, carolCall: number): Promise<void> {
  await carol.setAutoAnswer(true)
  await carol.answer(carolCall)
  await expect.poll(() => textOf(consultCard), { timeout: 10_000 }).toMatch(/Connected/)
  await expect.poll(() => consultCard.getByRole('button', { name: 'Complete transfer' }).count()).toBe(1)
  await expectAppTalkingWith(app, carol, carolCall)
}

test('blind transfer by dragging the call card onto a contact with the mouse', async () => {
  await carol.setAutoAnswer(true)
  const transferredEntries = () =>
    app.page
      .getByRole('region', { name: 'History' })
      .getByRole('listitem')
      .filter({ hasText: 'Transferred to Carol Dahl' })
      .count()
  const entriesBefore = await transferredEntries()
  const { aliceCall, card } = await aliceCallsApp()

  // A real mouse drag: press on the card, move over Carol's row, release.
  await cardsSettled()
  const from = await card.boundingBox()
  const to = await contactRow().boundingBox()
  if (!from || !to) throw new Error('card or contact not on screen')
  await app.page.mouse.move(from.x + 20, from.y + 15)
  await app.page.mouse.down()
  await app.page.mouse.move(to.x + to.width / 2, to.y + 12, { steps: 12 })
  await expect.poll(() => contactRow().locator('.drop-active').count()).toBeGreaterThan(0)
  await expect.poll(announcement).toMatch(/Moving the call with Alice Aalto/)
  await screenshot(app.page, 'transfer-drag-over-contact')
  await app.page.mouse.up()

  const { fromAlice } = await aliceAndCarolJoined(aliceCall)
  expect(fromAlice.remoteUser).toBe('5103')
  await appLeftEverything(aliceCall)
  await expect.poll(transferredEntries).toBe(entriesBefore + 1)
  await expect.poll(announcement).toMatch(/Transferred to Carol Dahl/)
})

test('blind transfer by keyboard only: T, type the name, Enter; progress shown from the NOTIFYs', async () => {
  const { aliceCall, card } = await aliceCallsApp()

  await app.page.keyboard.press('t')
  await expect.poll(focusedId).toBe('contact-search')
  await app.page.keyboard.type('carol')
  expect(await searchField().inputValue()).toBe('carol')
  await expect
    .poll(() => app.page.getByRole('list', { name: 'Contact list' }).getByRole('listitem').count())
    .toBe(1)
  await screenshot(app.page, 'transfer-keyboard-choosing')
  await app.page.keyboard.press('Enter')

  // Carol's phone rings: Alice's phone reports 180 in a NOTIFY, the card and live region say so.
  const ringing = await carol.waitForCall(
    (c) => c.direction === 'incoming' && c.remoteUser === '5102' && c.state === 'Initial',
    'alice’s call ringing at carol',
  )
  await expect
    .poll(() => textOf(card), { timeout: 10_000 })
    .toMatch(/Transferring to Carol Dahl \(work\): ringing/)
  await expect.poll(announcement).toMatch(/Carol Dahl \(work\) is ringing/)
  await screenshot(app.page, 'transfer-blind-ringing')
  // No second transfer can start while this one runs: no "Transfer" button that would do nothing.
  expect(await card.getByRole('button', { name: 'Transfer', exact: true }).count()).toBe(0)
  await carol.answer(ringing.id)

  await aliceAndCarolJoined(aliceCall)
  await appLeftEverything(aliceCall)
})

test('attended transfer by the buttons: call the contact (caller held), then "Complete transfer"', async () => {
  const { aliceCall, card } = await aliceCallsApp()
  const { consultCard, carolCall } = await consultCarol(card, aliceCall)
  await screenshot(app.page, 'transfer-consult-ringing')
  await carolAnswers(consultCard, carolCall)
  await screenshot(app.page, 'transfer-consult-answered')

  await consultCard.getByRole('button', { name: 'Complete transfer' }).click()
  const { atCarol } = await aliceAndCarolJoined(aliceCall)
  expect(atCarol.incomingHeaders.Replaces).toBeTruthy()
  await carol.waitForCall((c) => c.id === carolCall && c.state === 'Terminated', 'consultation replaced')
  await appLeftEverything(aliceCall)
})

test('attended transfer by dragging the held call onto the consultation call', async () => {
  const { aliceCall, card } = await aliceCallsApp()
  const { consultCard, carolCall } = await consultCarol(card, aliceCall)
  await carolAnswers(consultCard, carolCall)

  await cardsSettled()
  await card.dragTo(consultCard)
  const { atCarol } = await aliceAndCarolJoined(aliceCall)
  expect(atCarol.incomingHeaders.Replaces).toBeTruthy()
  await carol.waitForCall((c) => c.id === carolCall && c.state === 'Terminated', 'consultation replaced')
  await appLeftEverything(aliceCall)
})

test('target busy: the call comes back off hold with a clear message', async () => {
  await carol.setRejectIncoming(486)
  const carolCallsBefore = (await carol.calls()).length
  const { aliceCall, card } = await aliceCallsApp()

  await card.getByRole('button', { name: 'Transfer', exact: true }).click()
  await expect.poll(focusedId).toBe('contact-search')
  await app.page.keyboard.type('Dahl')
  await app.page.keyboard.press('Enter')

  await alice.waitForCall(
    (c) => c.id > aliceCall && c.referredBy !== '' && c.remoteUser === '5103' && c.state === 'Terminated',
    'alice’s attempt to reach carol refused',
  )
  await carol.waitForCall(
    (c) =>
      c.id > carolCallsBefore &&
      c.direction === 'incoming' &&
      c.remoteUser === '5102' &&
      c.state === 'Terminated',
    'carol turned alice away (486)',
  )
  await expect
    .poll(async () => (await ui.alerts(app.page).allTextContents()).join(' | '), { timeout: 10_000 })
    .toMatch(/busy.*back on the line/i)
  await expect.poll(() => textOf(card)).toMatch(/busy/i)
  await expect.poll(() => textOf(card), { timeout: 10_000 }).toMatch(/Connected/)
  await alice.waitForCall((c) => c.id === aliceCall && c.remoteDirection === 'sendrecv', 'alice resumed')
  await screenshot(app.page, 'transfer-target-busy')
  await expectAppTalkingWith(app, alice, aliceCall)
  expect(await ui.liveCall(app.page).count()).toBe(1)
})

test('consultation cancelled with Escape: back to the caller in one action, audio again', async () => {
  const { aliceCall, card } = await aliceCallsApp()
  const { consultCard, carolCall } = await consultCarol(card, aliceCall)
  await carolAnswers(consultCard, carolCall)

  await app.page.keyboard.press('Escape')
  await carol.waitForCall((c) => c.id === carolCall && c.state === 'Terminated', 'consultation hung up')
  await expect.poll(() => textOf(card), { timeout: 10_000 }).toMatch(/Connected/)
  await alice.waitForCall((c) => c.id === aliceCall && c.remoteDirection === 'sendrecv', 'alice resumed')
  await expectAppTalkingWith(app, alice, aliceCall)
  await eventually(
    'only alice’s call left',
    () => ui.liveCall(app.page).count(),
    (n) => n === 1,
  )
  await screenshot(app.page, 'transfer-consult-cancelled')
})

test('the app is transferred (incoming REFER): it calls the target and shows who transferred it', async () => {
  await carol.setAutoAnswer(true)
  const { aliceCall } = await aliceCallsApp()

  await alice.blindTransfer(aliceCall, carol.uri)
  const carolCard = ui.liveCall(app.page, carolParty)
  await expect.poll(() => textOf(carolCard), { timeout: 15_000 }).toMatch(/transferred by Alice Aalto/)
  const atCarol = await carol.waitForCall(
    (c) => c.direction === 'incoming' && c.remoteUser === appUser && c.state === 'Established',
    'the app’s new call at carol',
  )
  await expect.poll(() => textOf(carolCard), { timeout: 10_000 }).toMatch(/Connected/)
  await alice.waitForCall((c) => c.id === aliceCall && c.state === 'Terminated', 'the app left alice')
  await expectAppTalkingWith(app, carol, atCarol.id)
  await eventually(
    'only carol’s call left',
    () => ui.liveCall(app.page).count(),
    (n) => n === 1,
  )
  await screenshot(app.page, 'transfer-transferred-by')
})

test('the app as attended-transfer target (INVITE with Replaces): no ringing, the caller takes over', async () => {
  await bob.setAutoAnswer(true)
  const aliceToBob = await alice.call(bob.uri)
  await alice.waitForCall((c) => c.id === aliceToBob && c.state === 'Established', 'alice talking with bob')
  const bobWithAlice = await bob.waitForCall(
    (c) => c.direction === 'incoming' && c.remoteUser === '5102' && c.state === 'Established',
    'bob talking with alice',
  )
  await bob.hold(bobWithAlice.id, true)

  // Bob consults the operator, who answers by click.
  const bobToApp = await bob.call(appUri)
  const bobCard = ui.liveCall(app.page, bobParty)
  await expect.poll(() => textOf(bobCard), { timeout: 15_000 }).toMatch(/Incoming call/)
  await bobCard.getByRole('button', { name: 'Answer' }).click()
  await bob.waitForCall((c) => c.id === bobToApp && c.state === 'Established', 'bob talking with the app')
  await expectAppTalkingWith(app, bob, bobToApp)

  const seen = await recordCallStates(app.page)
  await bob.attendedTransfer(bobWithAlice.id, bobToApp)

  const aliceToApp = await alice.waitForCall(
    (c) =>
      c.id > aliceToBob && c.direction === 'outgoing' && c.remoteUser !== '5104' && c.state === 'Established',
    'alice’s INVITE with Replaces answered by the app',
  )
  const aliceCard = ui.liveCall(app.page, aliceParty)
  await expect.poll(() => textOf(aliceCard), { timeout: 10_000 }).toMatch(/Connected/)
  await bob.waitForCall(
    (c) => c.id === bobToApp && c.state === 'Terminated',
    'bob’s call with the app replaced',
  )
  await expectAppTalkingWith(app, alice, aliceToApp.id)
  await eventually(
    'only alice’s call left',
    () => ui.liveCall(app.page).count(),
    (n) => n === 1,
  )
  const states = await seen()
  expect(states.filter((s) => aliceParty.test(s.split(':')[0] ?? '') && /Incoming call/.test(s))).toEqual([])
  await screenshot(app.page, 'transfer-replaced')
})

test('target not answering yet: "Transfer now" hands the caller over without announcing', async () => {
  const { aliceCall, card } = await aliceCallsApp()
  const { consultCard, carolCall } = await consultCarol(card, aliceCall)
  // Carol takes the next call (Alice's) at once; the consultation keeps ringing meanwhile.
  await carol.setAutoAnswer(true)

  await consultCard.getByRole('button', { name: 'Transfer now' }).click()
  await carol.waitForCall((c) => c.id === carolCall && c.state === 'Terminated', 'consultation cancelled')
  const { fromAlice } = await aliceAndCarolJoined(aliceCall)
  expect(fromAlice.remoteUser).toBe('5103')
  await appLeftEverything(aliceCall)
})

test('target refuses the consultation: the caller is taken off hold with a message', async () => {
  const { aliceCall, card } = await aliceCallsApp()
  const { carolCall } = await consultCarol(card, aliceCall)

  await carol.reject(carolCall, 603)
  await expect
    .poll(async () => (await ui.alerts(app.page).allTextContents()).join(' | '), { timeout: 10_000 })
    .toMatch(/Carol Dahl.*did not take the call/)
  await expect.poll(() => textOf(card), { timeout: 10_000 }).toMatch(/Connected/)
  await alice.waitForCall((c) => c.id === aliceCall && c.remoteDirection === 'sendrecv', 'alice resumed')
  await expectAppTalkingWith(app, alice, aliceCall)
  await eventually(
    'only alice’s call left',
    () => ui.liveCall(app.page).count(),
    (n) => n === 1,
  )
})

test('the caller hangs up while held: the consultation stays and the operator is told', async () => {
  const { aliceCall, card } = await aliceCallsApp()
  const { consultCard, carolCall } = await consultCarol(card, aliceCall)
  await carolAnswers(consultCard, carolCall)

  await alice.hangup(aliceCall)
  await expect
    .poll(async () => (await ui.alerts(app.page).allTextContents()).join(' | '), { timeout: 10_000 })
    .toMatch(/hung up while on hold/)
  await eventually(
    'only carol’s call left',
    () => ui.liveCall(app.page).count(),
    (n) => n === 1,
  )
  expect(await textOf(consultCard)).toMatch(/Connected/)
  expect(await consultCard.getByRole('button', { name: 'Complete transfer' }).count()).toBe(0)
  await expectAppTalkingWith(app, carol, carolCall)
})

test('attended transfer by keyboard only: T, type, Shift+Enter calls first, Ctrl+Enter completes', async () => {
  const { aliceCall, card } = await aliceCallsApp()

  await app.page.keyboard.press('t')
  await expect.poll(focusedId).toBe('contact-search')
  await app.page.keyboard.type('dahl logistics')
  await app.page.keyboard.press('Shift+Enter')
  const ringing = await carol.waitForCall(
    (c) => c.direction === 'incoming' && c.remoteUser === appUser && c.state === 'Initial',
    'consultation INVITE at carol',
  )
  await expect.poll(() => textOf(card), { timeout: 10_000 }).toMatch(/On hold/)
  await carolAnswers(ui.liveCall(app.page, carolParty), ringing.id)

  await app.page.keyboard.press('Control+Enter')
  const { atCarol } = await aliceAndCarolJoined(aliceCall)
  expect(atCarol.incomingHeaders.Replaces).toBeTruthy()
  await appLeftEverything(aliceCall)
})

test('blind transfer by dropping the call on a number typed into the contact search', async () => {
  await carol.setAutoAnswer(true)
  const { aliceCall, card } = await aliceCallsApp()

  await searchField().fill('5103')
  const typedRow = app.page
    .getByRole('region', { name: 'Contacts' })
    .getByRole('button', { name: 'Call 5103' })
  await expect.poll(() => typedRow.count()).toBe(1)
  await cardsSettled()
  await card.dragTo(searchField())
  const { fromAlice } = await aliceAndCarolJoined(aliceCall)
  expect(fromAlice.remoteUser).toBe('5103')
  await appLeftEverything(aliceCall)
})

test('the app is transferred to a busy target: it says so and keeps talking with the transferor', async () => {
  await carol.setRejectIncoming(486)
  const { aliceCall, card } = await aliceCallsApp()

  const seen = await recordCallStates(app.page)
  await alice.blindTransfer(aliceCall, carol.uri)
  const endedAttempt = await eventually(
    'the ended attempt to reach carol',
    async () =>
      (await seen()).find((entry) => carolParty.test(entry.split(':')[0] ?? '') && /Ended/.test(entry)),
    (entry) => entry !== undefined,
  )
  expect(endedAttempt).toMatch(/Busy/)
  expect(endedAttempt).toMatch(/transferred by Alice Aalto/)
  await expect.poll(() => textOf(card)).toMatch(/Connected/)
  expect((await alice.calls()).find((c) => c.id === aliceCall)?.state).toBe('Established')
  await expectAppTalkingWith(app, alice, aliceCall)
  await eventually(
    'only alice’s call left',
    () => ui.liveCall(app.page).count(),
    (n) => n === 1,
  )
})
