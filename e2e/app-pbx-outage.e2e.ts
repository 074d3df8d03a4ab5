import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { TestPbx } from './harness/pbx'
import { TestPeer } from './harness/peer'
import { dial, textOf, ui } from './harness/ui'
import { eventually } from './harness/wait'

// The PBX disappears (killed, as in a crash) and comes back on the same address. Parley must
// notice, say so, and register again by itself; a call up at that moment must either carry on
// or end with a message, never leave a card that no longer does anything.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
const controller = new TestPbx(pbx)
const appUser = '6001'
let app: TestApp
let bob: TestPeer

const registrationText = () =>
  ui
    .registration(app.page)
    .textContent()
    .then((text) => text ?? '')

beforeAll(async () => {
  bob = await TestPeer.start('6002', pbx, baseUrl, 'Bob Berg')
  app = await startApp('outage', { user: appUser })
  await eventually('registered', registrationText, (text) => /^\s*Registered/.test(text))
})

afterAll(async () => {
  await app?.close()
  await bob?.close()
})

test('Kamailio killed and restarted while registered: the app says so and registers again by itself', async () => {
  await controller.kill()
  await expect.poll(registrationText, { timeout: 15_000 }).not.toMatch(/^\s*Registered/)
  await controller.start()
  await expect.poll(registrationText, { timeout: 30_000 }).toMatch(/^\s*Registered/)

  // Registered for real: the PBX routes a new call to it.
  await bob.reconnect()
  const id = await bob.call(`sip:${appUser}@${pbx.domain}`)
  const card = ui.liveCall(app.page, /^Call with (Bob Berg|6002)$/)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
  await bob.hangup(id)
  await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(0)
})

test('the PBX dies during a call: the call recovers or ends with a message, no stuck card', async () => {
  await bob.setAutoAnswer(true)
  await dial(app.page, '6002')
  const card = ui.liveCall(app.page, /^Call with (Bob Berg|6002)$/)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Connected/)
  await app.waitForMediaFlowing()

  await controller.kill()
  await controller.start()
  await bob.reconnect()
  await expect.poll(registrationText, { timeout: 30_000 }).toMatch(/^\s*Registered/)

  // Either way the user is never left with a dead card: it is gone, or media still flows and
  // "Hang up" ends it.
  const outcome = await eventually(
    'the call to settle',
    async () =>
      (await card.count()) === 0
        ? 'ended'
        : (await textOf(card)).includes('Connected')
          ? 'connected'
          : 'other',
    (state) => state !== 'other',
    30_000,
  )
  console.log(`[outage] the call after the PBX restart: ${outcome}`)
  if (outcome === 'connected') {
    // Audio runs peer to peer, so it may still flow while the app's recovery of the dialog is
    // under way; if that recovery fails the app ends the call itself. Either is fine, as long
    // as the card does not stay without media: it must go, by our "Hang up" or by the app.
    const flowing = await app.waitForMediaFlowing(5_000).then(
      () => true,
      () => false,
    )
    if (flowing)
      await card
        .getByRole('button', { name: 'Hang up' })
        .click({ timeout: 5_000 })
        .catch(() => undefined)
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(0)
  } else {
    const ended = await textOf(ui.call(app.page, /^Call with (Bob Berg|6002)$/).last())
    expect(ended === '' || /Ended/.test(ended)).toBe(true)
  }
})
