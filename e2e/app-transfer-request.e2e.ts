import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { screenshot } from './harness/artifacts'
import { hangUpEverything } from './harness/hang-up'
import { TestPeer } from './harness/peer'
import { textOf, ui } from './harness/ui'
import { eventually } from './harness/wait'

// A transfer we are asked to follow is checked first: a REFER towards another domain (a premium
// number, say) is not dialled by itself; the user is asked on the call card, and Decline answers
// the REFER with 603 (seen by the transferring phone). Same-domain REFERs are followed at once
// (app-transfer.e2e.ts).
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
const appUser = '8301'
/** A second app whose admin allows one partner domain (policy `transferAllowlist`). */
const trustingUser = '8302'
let app: TestApp
let trusting: TestApp
let bob: TestPeer
let dana: TestPeer
let mallory: TestPeer

beforeAll(async () => {
  bob = await TestPeer.start('8311', pbx, baseUrl, 'Bob Berg')
  dana = await TestPeer.start('8312', pbx, baseUrl, 'Dana Dahl')
  mallory = await TestPeer.start('8313', pbx, baseUrl, 'Mallory')
  app = await startApp('transfer-request', { user: appUser })
  trusting = await startApp(
    'transfer-request-allowlist',
    { user: trustingUser },
    { policy: { json: { transferAllowlist: ['partner.example'] } } },
  )
  await app.waitRegistered()
  await trusting.waitRegistered()
})

afterAll(async () => {
  await hangUpEverything(app, [bob])
  await hangUpEverything(trusting, [dana])
  await bob?.close()
  await dana?.close()
  await mallory?.close()
  await app?.close()
  await trusting?.close()
})

test('a REFER to a number outside our domain asks first; Decline answers 603 and the call stays', async () => {
  const bobCall = await bob.call(`sip:${appUser}@${pbx.domain}`)
  const card = ui.liveCall(app.page, /^Call with (Bob Berg|8311)$/)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
  await card.getByRole('button', { name: 'Answer' }).click()
  await bob.waitForCall((c) => c.id === bobCall && c.state === 'Established', 'bob answered by the app')

  const referAnswer = bob.blindTransfer(bobCall, 'sip:+19005550100@premium.example')
  const request = card.getByRole('group', { name: 'Transfer request' })
  await expect
    .poll(() => textOf(request), { timeout: 10_000 })
    .toMatch(/wants to transfer you to \+19005550100/)
  // nothing dialled meanwhile
  expect(await ui.liveCall(app.page).count()).toBe(1)
  await screenshot(app.page, 'transfer-request')
  await request.getByRole('button', { name: 'Decline transfer' }).click()
  expect(await referAnswer).toBe(603)

  await expect.poll(() => request.count()).toBe(0)
  expect(await textOf(card)).toMatch(/Connected/)
  const live = await eventually(
    'the call with bob still up',
    () => bob.calls(),
    (calls) => calls.some((c) => c.id === bobCall && c.state === 'Established'),
  )
  expect(live.filter((c) => c.direction === 'outgoing' && c.id !== bobCall)).toEqual([])
  expect(await ui.liveCall(app.page).count()).toBe(1)
})

test("a REFER into a domain on the admin's allowlist is followed without asking (202 at once)", async () => {
  const danaCall = await dana.call(`sip:${trustingUser}@${pbx.domain}`)
  const card = ui.liveCall(trusting.page, /^Call with (Dana Dahl|8312)$/)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
  await card.getByRole('button', { name: 'Answer' }).click()
  await dana.waitForCall((c) => c.id === danaCall && c.state === 'Established', 'dana answered by the app')

  // asked instead, nobody would answer: the REFER would end with 603 after 25 s, not with 202
  expect(await dana.blindTransfer(danaCall, 'sip:+19005550100@partner.example')).toBe(202)
  expect(await trusting.page.getByRole('group', { name: 'Transfer request' }).count()).toBe(0)
})

test("an INVITE with Replaces from a stranger to the call (not the replaced dialog's peer) gets 403; the call stays", async () => {
  await hangUpEverything(app, [bob]) // the call the first test kept up
  const bobCall = await bob.call(`sip:${appUser}@${pbx.domain}`)
  const card = ui.liveCall(app.page, /^Call with (Bob Berg|8311)$/)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
  await card.getByRole('button', { name: 'Answer' }).click()
  await bob.waitForCall((c) => c.id === bobCall && c.state === 'Established', 'bob answered by the app')
  const ids = await bob.dialogIds(bobCall)
  if (!ids) throw new Error('bob has no dialog for the call')
  // as the app sees the dialog: its tag is Bob's remote tag, Bob's is the from-tag
  const replaces = `Replaces: ${ids.callId};to-tag=${ids.remoteTag};from-tag=${ids.localTag}`
  const intruder = await mallory.call(`sip:${appUser}@${pbx.domain}`, [replaces])
  const refused = await eventually(
    'mallory refused',
    () => mallory.calls(),
    (calls) => calls.some((c) => c.id === intruder && c.finalStatus !== null),
  )
  expect(refused.find((c) => c.id === intruder)?.finalStatus).toBe(403)
  const live = await bob.calls()
  expect(live.find((c) => c.id === bobCall)?.state).toBe('Established')
  await bob.hangup(bobCall)
})
