import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest'
import { buildPidf, pidfContentType } from '../contract/presence/pidf'
import { PresenceStatus } from '../contract/presence/status'
import type { Contact } from '../contract/schemas'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { screenshot } from './harness/artifacts'
import { hangUpEverything } from './harness/hang-up'
import { subscribeTaps } from './harness/pbx'
import { TestPeer } from './harness/peer'
import { textOf, ui } from './harness/ui'
import { eventually } from './harness/wait'
import { expectAppTalkingWith, expectPeersTalking } from './transfer-helpers'

// The operator's board through the real UI and the real Kamailio (presence, presence_dialoginfo,
// pua_dialoginfo): "Watch all" over an imported directory, and a call dropped on a colleague
// whose lamp says "In a call". Parley is 7321 (the operator); Erik 7322 is the colleague, Alice
// 7323 the caller, Bob 7324 the one Erik talks with; the directory lists Bob, 7325 and 7326.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
const appUser = '7321'
const appUri = `sip:${appUser}@${pbx.domain}`
let app: TestApp
let erik: TestPeer
let alice: TestPeer
let bob: TestPeer
const folder = mkdtempSync(join(tmpdir(), 'parley-e2e-board-'))

const erikContact: Contact = {
  id: 'e2e-board-erik',
  name: 'Erik Ek',
  company: 'Ek & Co',
  favourite: false,
  numbers: [{ kind: 'extension', value: '7322' }],
}

beforeAll(async () => {
  erik = await TestPeer.start('7322', pbx, baseUrl, 'Erik Ek')
  alice = await TestPeer.start('7323', pbx, baseUrl, 'Alice Aalto')
  bob = await TestPeer.start('7324', pbx, baseUrl, 'Bob Berg')
  app = await startApp('lamps-board', { user: appUser, displayName: 'Olivia Operator' })
  const saved = await app.main.dispatch('contacts:save', erikContact)
  expect(saved.ok, JSON.stringify(saved)).toBe(true)
  await app.load()
  await app.waitRegistered()
  await eventually(
    'Erik in the contact list',
    () => row('Erik Ek').count(),
    (n) => n === 1,
  )
})

afterAll(async () => {
  await app?.close()
  await erik?.close()
  await alice?.close()
  await bob?.close()
  rmSync(folder, { recursive: true, force: true })
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await screenshot(app.page, `lamps-board-${task.name.replace(/\W+/g, '-').slice(0, 50)}`)
  await hangUpEverything(app, [erik, alice, bob])
  await app.page.keyboard.press('Escape')
})

const contactList = (): Locator => app.page.getByRole('list', { name: 'Contact list' })
const row = (name: string): Locator => contactList().getByRole('listitem', { name })
const lampOf = (name: string): Locator => row(name).getByRole('img', { name: new RegExp(`^${name}: `) })
const busyDialog = (): Locator => app.page.getByRole('dialog', { name: 'Erik Ek is in a call' })

async function expectLamp(name: string, lamp: RegExp): Promise<void> {
  await eventually(
    `${name}'s lamp ${String(lamp)}`,
    async () => ((await lampOf(name).count()) ? ((await lampOf(name).getAttribute('aria-label')) ?? '') : ''),
    (label) => lamp.test(label.slice(name.length + 2)),
  )
}

/** What the PBX's presence server took from the app: "event user" for each initial SUBSCRIBE. */
const subscribedAtPbx = (): string[] =>
  subscribeTaps(readFileSync(pbx.logFile, 'utf8'))
    .filter((tap) => tap.fromUser === appUser && tap.initial)
    .map((tap) => `${tap.event} ${tap.ruriUser}`)

test('"Watch all" over an imported directory watches every contact with an address, through the PBX', async () => {
  const file = join(folder, 'directory.csv')
  writeFileSync(
    file,
    [
      'Name,Company,Extension',
      'Åsa Lind,Parley AB,7325',
      'Per Berg,Parley AB,sip:7326@parley.test',
      'Bob Berg,Parley AB,7324',
      'Reception desk,Parley AB,',
    ].join('\r\n'),
  )
  await app.page.getByLabel('Contacts file').setInputFiles(file)
  await eventually(
    'the directory listed',
    () => row('Reception desk').count(),
    (n) => n === 1,
  )
  const directory = ['Åsa Lind', 'Per Berg', 'Bob Berg']
  // Imported is not watched: no lamp and no SUBSCRIBE for them yet.
  for (const name of directory) expect(await lampOf(name).count()).toBe(0)
  const before = subscribedAtPbx()
  expect(before.filter((s) => /73(24|25|26)$/.test(s))).toEqual([])

  await app.page.getByRole('button', { name: 'Watch all' }).click()
  for (const name of [...directory, 'Erik Ek']) await expectLamp(name, /^Available$/)
  for (const name of [...directory, 'Erik Ek'])
    expect(
      await row(name)
        .getByRole('button', { name: `Watch ${name}` })
        .getAttribute('aria-pressed'),
    ).toBe('true')
  // The contact without a number has no lamp and was not subscribed to.
  expect(await row('Reception desk').getByRole('img').count()).toBe(0)
  const taken = await eventually(
    'presence and dialog SUBSCRIBEs for the directory at the PBX',
    async () => subscribedAtPbx(),
    (all) =>
      ['7324', '7325', '7326'].every((u) => all.includes(`presence ${u}`) && all.includes(`dialog ${u}`)),
  )
  expect(
    taken.filter((s) => /^(presence|dialog) /.test(s) && !before.includes(s) && !/ 73(22|24|25|26)$/.test(s)),
  ).toEqual([])

  // Live subscriptions: a status Alice publishes for Per, and a real call to Bob, reach their lamps.
  expect(
    await alice.publish(
      'presence',
      pidfContentType,
      buildPidf(`sip:7326@${pbx.domain}`, { status: PresenceStatus.Meeting, note: 'Board meeting' }),
      `sip:7326@${pbx.domain}`,
    ),
  ).toBe('Published')
  await expectLamp('Per Berg', /^Meeting – Board meeting$/)
  await bob.setAutoAnswer(true)
  const toBob = await alice.call(bob.uri)
  await alice.waitForCall((c) => c.id === toBob && c.state === 'Established', 'bob answered alice')
  await expectLamp('Bob Berg', /^In a call$/)
  await alice.hangup(toBob)
  await expectLamp('Bob Berg', /^Available$/)
  await screenshot(app.page, 'lamps-board-watch-all')
})

/** Bob calls Erik, Erik answers: his lamp says "In a call". Returns Bob's call. */
async function erikInACall(): Promise<number> {
  if (
    (await row('Erik Ek').getByRole('button', { name: 'Watch Erik Ek' }).getAttribute('aria-pressed')) !==
    'true'
  )
    await row('Erik Ek').getByRole('button', { name: 'Watch Erik Ek' }).click()
  await expectLamp('Erik Ek', /^Available$/)
  await erik.setAutoAnswer(true)
  const bobCall = await bob.call(erik.uri)
  await bob.waitForCall((c) => c.id === bobCall && c.state === 'Established', 'erik talking with bob')
  await expectLamp('Erik Ek', /^In a call$/)
  return bobCall
}

/** Alice calls the operator, who answers by click; they talk. */
async function aliceCallsApp(): Promise<{ aliceCall: number; card: Locator }> {
  const aliceCall = await alice.call(appUri)
  const card = ui.liveCall(app.page, /^Call with (Alice Aalto|7323)$/)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
  await card.getByRole('button', { name: 'Answer' }).click()
  await alice.waitForCall((c) => c.id === aliceCall && c.state === 'Established', 'alice answered')
  await expectAppTalkingWith(app, alice, aliceCall)
  return { aliceCall, card }
}

/** A real mouse drag of the call card onto Erik's contact row; the question opens. */
async function dropOnErik(card: Locator): Promise<void> {
  await eventually(
    'no ended call card lingering',
    async () => [await ui.call(app.page).count(), await ui.liveCall(app.page).count()] as const,
    ([all, live]) => all === live,
  )
  const from = await card.boundingBox()
  const to = await row('Erik Ek').boundingBox()
  if (!from || !to) throw new Error('card or contact not on screen')
  await app.page.mouse.move(from.x + 20, from.y + 15)
  await app.page.mouse.down()
  await app.page.mouse.move(to.x + to.width / 2, to.y + 12, { steps: 12 })
  await app.page.mouse.up()
  await eventually(
    'the busy question',
    () => busyDialog().count(),
    (n) => n === 1,
  )
  expect(await textOf(busyDialog())).toMatch(/Erik Ek is in a call/)
  await screenshot(app.page, 'lamps-board-busy-drop')
}

test('a drop on a colleague in a call asks; "Transfer anyway" hands the caller to him (blind)', async () => {
  const bobCall = await erikInACall()
  const { aliceCall } = await aliceCallsApp()
  const erikCallsBefore = (await erik.calls()).length

  await dropOnErik(ui.liveCall(app.page, /^Call with (Alice Aalto|7323)$/))
  // Nothing is sent while the operator decides.
  expect((await erik.calls()).length).toBe(erikCallsBefore)
  await busyDialog().getByRole('button', { name: 'Transfer anyway' }).click()

  const fromAlice = await alice.waitForCall(
    (c) => c.id > aliceCall && c.direction === 'outgoing' && c.referredBy !== '' && c.state === 'Established',
    'alice’s call to erik, placed on the app’s REFER',
    20_000,
  )
  expect(fromAlice.referredBy).toContain(appUser)
  expect(fromAlice.remoteUser).toBe('7322')
  const atErik = await erik.waitForCall(
    (c) => c.direction === 'incoming' && c.remoteUser === '7323' && c.state === 'Established',
    'erik talking with alice',
    20_000,
  )
  await expectPeersTalking(alice, fromAlice.id, erik, atErik.id)
  await alice.waitForCall((c) => c.id === aliceCall && c.state === 'Terminated', 'the app left alice')
  await eventually(
    'no live call in the app',
    () => ui.liveCall(app.page).count(),
    (n) => n === 0,
  )
  // Erik's first call is still there: the transfer came as a second call.
  expect((await bob.calls()).find((c) => c.id === bobCall)?.state).toBe('Established')
})

test('a drop on a colleague in a call asks; "Announce first" holds the caller and calls him', async () => {
  await erikInACall()
  const { aliceCall, card } = await aliceCallsApp()

  await dropOnErik(card)
  await erik.setAutoAnswer(false)
  await busyDialog().getByRole('button', { name: 'Announce first' }).click()

  const consultation = await erik.waitForCall(
    (c) => c.direction === 'incoming' && c.remoteUser === appUser && c.state === 'Initial',
    'the consultation INVITE from the app at erik',
  )
  await alice.waitForCall(
    (c) => c.id === aliceCall && /sendonly|inactive/.test(c.remoteDirection),
    'alice held by the app',
  )
  // Alice was not sent anywhere: no REFER, her call with the app stays.
  expect((await alice.calls()).filter((c) => c.id > aliceCall)).toEqual([])
  const consultCard = ui.liveCall(app.page, /^Call with (Erik Ek|7322)$/)
  await expect.poll(() => textOf(card), { timeout: 10_000 }).toMatch(/On hold/)

  // Erik takes the consultation, the operator announces, then completes the transfer.
  await erik.setAutoAnswer(true)
  await erik.answer(consultation.id)
  await expect.poll(() => textOf(consultCard), { timeout: 10_000 }).toMatch(/Connected/)
  await expectAppTalkingWith(app, erik, consultation.id)
  await consultCard.getByRole('button', { name: 'Complete transfer' }).click()
  const atErik = await erik.waitForCall(
    (c) => c.direction === 'incoming' && c.remoteUser === '7323' && c.state === 'Established',
    'erik talking with alice after the attended transfer',
    20_000,
  )
  expect(atErik.incomingHeaders.Replaces).toBeTruthy()
  const fromAlice = await alice.waitForCall(
    (c) => c.id > aliceCall && c.direction === 'outgoing' && c.state === 'Established',
    'alice’s call replacing the consultation',
  )
  await expectPeersTalking(alice, fromAlice.id, erik, atErik.id)
  await eventually(
    'no live call in the app',
    () => ui.liveCall(app.page).count(),
    (n) => n === 0,
  )
})
