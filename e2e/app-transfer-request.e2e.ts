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
let app: TestApp
let bob: TestPeer

beforeAll(async () => {
  bob = await TestPeer.start('8311', pbx, baseUrl, 'Bob Berg')
  app = await startApp('transfer-request', { user: appUser })
  await app.waitRegistered()
})

afterAll(async () => {
  await hangUpEverything(app, [bob])
  await bob?.close()
  await app?.close()
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
