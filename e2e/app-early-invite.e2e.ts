import type { Route } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { TestBaresip } from './harness/baresip'
import { dial, textOf, ui } from './harness/ui'

// Issue 14: only registration's code is in the window before "Registered"; the code for calls
// (renderer/sip/phone-calls.ts, a chunk of its own) loads after. A call that arrives before that
// code is in must still ring and be answered. Here its file is held back by the test until
// baresip, a plain SIP phone, has called right after "Registered": the INVITE arrives while the
// calls code is not in the window, and must wait for it, not be lost or left unanswered.
const pbx = inject('pbx')
const appUser = '3821'
let app: TestApp
let desk: TestBaresip
let callsCode: Route | undefined
let releaseCallsCode: () => void = () => undefined
const callsCodeHeld = new Promise<void>((resolve) => (releaseCallsCode = resolve))

beforeAll(async () => {
  desk = await TestBaresip.start('3822', pbx)
  app = await startApp(
    'early-invite',
    { user: appUser, displayName: 'Alice Andersson' },
    {
      beforeLoad: (ua) =>
        ua.context.route(/\/assets\/phone-calls-[^/]*\.js$/, async (route) => {
          callsCode = route
          await callsCodeHeld
          await route.continue()
        }),
    },
  )
})

afterAll(async () => {
  releaseCallsCode()
  await app?.close()
  await desk?.close()
})

test('a call that arrives before the calls code is in rings once it is, is answered, and media flows', async () => {
  await app.waitRegistered()
  // the window asked for the calls code after "Registered", and it is held back
  await expect.poll(() => callsCode !== undefined, { timeout: 10_000 }).toBe(true)
  const since = desk.events.length
  await desk.dial(`sip:${appUser}@${pbx.domain}`)
  // SIP.js in the window answered 100 and 180 at once: the caller hears ringing, nothing is lost
  await desk.waitForEvent('CALL_RINGING', 10_000, since)
  expect(await ui.liveCall(app.page).count()).toBe(0)

  releaseCallsCode()
  const card = ui.liveCall(app.page)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
  await card.getByRole('button', { name: 'Answer' }).click()
  await desk.waitForEvent('CALL_ESTABLISHED', 10_000, since)
  await app.waitForMediaFlowing()
  await desk.waitForMediaFlowing()

  await desk.hangup()
  await expect.poll(() => ui.liveCall(app.page).count(), { timeout: 10_000 }).toBe(0)
})

test('after that, dialling works as usual: the INVITE reaches baresip and it is answered', async () => {
  const since = desk.events.length
  await dial(app.page, '3822')
  await desk.waitForEvent('CALL_INCOMING', 15_000, since)
  await desk.answer()
  await desk.waitForEvent('CALL_ESTABLISHED', 10_000, since)
  await app.waitForMediaFlowing()
  await desk.hangup()
  await expect.poll(() => ui.liveCall(app.page).count(), { timeout: 10_000 }).toBe(0)
})
