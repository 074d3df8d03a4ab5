import { readFileSync, existsSync } from 'node:fs'
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
import { TestPeer } from './harness/peer'
import { textOf } from './harness/ui'
import { eventually } from './harness/wait'
import { expectAppTalkingWith } from './transfer-helpers'

// Colleagues' lamps through the real Kamailio (presence, presence_xml, presence_dialoginfo and
// pua_dialoginfo): Parley (4800, the operator) watches Erik (4802) by the star on his contact
// row; Alice (4801) calls Erik. Both are plain SIP.js phones; Erik publishes his status as PIDF.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
let app: TestApp
let alice: TestPeer
let erik: TestPeer

const erikContact: Contact = {
  id: 'e2e-erik',
  name: 'Erik Ek',
  company: 'Ek & Co',
  favourite: false,
  numbers: [{ kind: 'extension', value: '4802' }],
}

beforeAll(async () => {
  alice = await TestPeer.start('4801', pbx, baseUrl, 'Alice Aalto')
  erik = await TestPeer.start('4802', pbx, baseUrl, 'Erik Ek')
  app = await startApp('lamps', { user: '4800', displayName: 'Olivia Operator' })
  const saved = await app.main.dispatch('contacts:save', erikContact)
  expect(saved.ok, JSON.stringify(saved)).toBe(true)
  await app.load()
  await app.waitRegistered()
  await eventually(
    'Erik in the contact list',
    () => erikRow().count(),
    (count) => count === 1,
  )
  // The star: watched from now on (presence and dialog subscriptions through Kamailio).
  await erikRow().getByRole('button', { name: 'Watch Erik Ek' }).click()
  await expectLamp(/^Erik Ek: Available$/)
})

afterAll(async () => {
  await app?.close()
  await alice?.close()
  await erik?.close()
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await screenshot(app.page, `lamps-${task.name.replace(/\W+/g, '-').slice(0, 50)}`)
  await hangUpEverything(app, [alice, erik])
  await erik.setAutoAnswer(false)
})

const erikRow = (): Locator =>
  app.page.getByRole('list', { name: 'Contact list' }).getByRole('listitem', { name: 'Erik Ek' })
const lamp = (): Locator => erikRow().getByRole('img', { name: /^Erik Ek: / })

async function expectLamp(name: RegExp, timeoutMs = 15_000): Promise<void> {
  await eventually(
    `Erik's lamp ${String(name)}`,
    async () => ((await lamp().count()) ? ((await lamp().getAttribute('aria-label')) ?? '') : ''),
    (label) => name.test(label),
    timeoutMs,
  )
}

async function publishStatus(body: string): Promise<void> {
  expect(await erik.publish('presence', pidfContentType, body)).toBe('Published')
}

test('a colleague’s lamp goes ringing → in a call → available during a real call', async () => {
  const aliceCall = await alice.call(erik.uri)
  await erik.waitForCall((c) => c.direction === 'incoming' && c.state === 'Initial', 'ringing at erik')
  await expectLamp(/^Erik Ek: Ringing$/)
  expect(await lamp().getAttribute('data-lamp')).toBe('ringing')
  await erik.answer()
  await alice.waitForCall((c) => c.id === aliceCall && c.state === 'Established', 'erik answered')
  await expectLamp(/^Erik Ek: In a call$/)
  await alice.hangup(aliceCall)
  await expectLamp(/^Erik Ek: Available$/)
})

test('a colleague’s published status shows on the lamp with its until time and note', async () => {
  const until = new Date(Date.now() + 3 * 3600_000)
  until.setSeconds(0, 0)
  await publishStatus(
    buildPidf(erik.uri, { status: PresenceStatus.Lunch, until: until.toISOString(), note: 'Back soon' }),
  )
  const hhmm = `${String(until.getHours()).padStart(2, '0')}:${String(until.getMinutes()).padStart(2, '0')}`
  // today: "until 13:00"; after midnight the date is named too
  await expectLamp(new RegExp(`^Erik Ek: Lunch until .*${hhmm}.* – Back soon$`))
  expect(await textOf(lamp())).toMatch(/Lunch until .* – Back soon/)
  await publishStatus(buildPidf(erik.uri, { status: PresenceStatus.Available }))
  await expectLamp(/^Erik Ek: Available$/)
})

test('a hostile, a malformed and a huge presence document are survived: text only, lamp kept, logged', async () => {
  const dialogs: string[] = []
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const hostile = '<img src=x onerror=alert(1)>'
  await publishStatus(buildPidf(erik.uri, { status: PresenceStatus.Meeting, note: hostile }))
  await expectLamp(/^Erik Ek: Meeting – <img src=x onerror=alert\(1\)>$/)
  expect(await erikRow().locator('img').count()).toBe(0)

  const open = `<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" entity="${erik.uri}">`
  // Well-formed for the PBX, refused by Parley: a DOCTYPE with entities (no expansion here).
  const withDoctype = `<?xml version="1.0"?><!DOCTYPE presence [<!ENTITY a "lunchlunchlunch">]>${open}<tuple id="t"><status><basic>open</basic></status><note>&a;</note></tuple></presence>`
  await publishStatus(withDoctype)
  // An element bomb: 2500 empty elements in 10 KB (small for the PBX), too many for Parley to read.
  await publishStatus(
    `${open}<tuple id="t"><status><basic>open</basic></status>${'<e/>'.repeat(2500)}</tuple></presence>`,
  )
  const log = join(app.logFolder, 'parley.log')
  await eventually(
    'the unreadable documents in the log',
    async () => (existsSync(log) ? readFileSync(log, 'utf8') : ''),
    (text) => (text.match(/presence NOTIFY not readable/g) ?? []).length >= 2,
  )
  // the lamp kept what it knew, the page is intact and still follows Erik
  await expectLamp(/^Erik Ek: Meeting – /)
  await publishStatus(buildPidf(erik.uri, { status: PresenceStatus.Available }))
  await expectLamp(/^Erik Ek: Available$/)
  expect(dialogs).toEqual([])
  expect(app.ua.pageErrors).toEqual([])
})

test('pickup: a click on the ringing lamp answers Alice’s call to Erik here, and they talk', async () => {
  const ringingAtErik = await alice.call(erik.uri)
  await erik.waitForCall((c) => c.direction === 'incoming' && c.state === 'Initial', 'ringing at erik')
  await expectLamp(/^Erik Ek: Ringing$/)
  await erikRow().getByRole('button', { name: 'Pick up the call ringing at Erik Ek' }).click()
  // Alice's phone got our INVITE with Replaces naming her ringing call, took it, cancelled that one
  const pickedUp = await alice.waitForCall(
    (c) => c.direction === 'incoming' && c.remoteUser === '4800' && c.state === 'Established',
    'alice talking with the app after the pickup',
    20_000,
  )
  expect(pickedUp.incomingHeaders.Replaces).toMatch(/;early-only/)
  await alice.waitForCall(
    (c) => c.id === ringingAtErik && c.state === 'Terminated',
    'the call to erik cancelled',
  )
  await erik.waitForCall((c) => c.direction === 'incoming' && c.state === 'Terminated', 'erik stops ringing')
  await expectAppTalkingWith(app, alice, pickedUp.id)
  await expectLamp(/^Erik Ek: Available$/)
})
