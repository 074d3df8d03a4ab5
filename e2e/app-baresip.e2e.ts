import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { TestBaresip } from './harness/baresip'
import { relayedDtmf } from './harness/rtpengine'
import { dial, textOf, ui } from './harness/ui'
import { eventually } from './harness/wait'

// Calls between Parley (through its UI) and baresip, a plain SIP phone on UDP whose media is
// RTP: Kamailio anchors the call in rtpengine, which turns WebRTC media into RTP and back.
// Media is proved by RTP counters on both ends (the app's getStats and baresip's callstat).
const pbx = inject('pbx')
const rtpengine = inject('rtpengine')
const appUser = '6001'
let app: TestApp
let desk: TestBaresip

beforeAll(async () => {
  desk = await TestBaresip.start('6002', pbx)
  app = await startApp('baresip', { user: appUser, displayName: 'Alice Andersson' })
  await app.waitRegistered()
})

afterAll(async () => {
  await app?.close()
  await desk?.close()
})

afterEach(async () => {
  await desk.hangup().catch(() => undefined)
  await eventually(
    'no live call cards',
    () => ui.liveCall(app.page).count(),
    (live) => live === 0,
  )
})

/** Parley dials baresip, baresip answers; resolves with the app's card once Connected. */
async function appCallsDesk(since: number) {
  await dial(app.page, '6002')
  await desk.waitForEvent('CALL_INCOMING', 15_000, since)
  await desk.answer()
  await desk.waitForEvent('CALL_ESTABLISHED', 10_000, since)
  const card = ui.liveCall(app.page)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Connected/)
  return card
}

/** baresip dials Parley, the user answers by click; resolves once baresip has the call up. */
async function deskCallsApp(since: number) {
  await desk.dial(`sip:${appUser}@${pbx.domain}`)
  const card = ui.liveCall(app.page)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
  await card.getByRole('button', { name: 'Answer' }).click()
  await desk.waitForEvent('CALL_ESTABLISHED', 10_000, since)
  return card
}

/** Presses the keys on the dialpad one by one (each a click, as a user would). */
async function pressKeys(keys: string): Promise<void> {
  const pad = ui.dialpad(app.page)
  for (const key of keys) await pad.getByRole('button', { name: key, exact: true }).click()
}

test('Parley calls baresip through rtpengine: media flows both ways on both ends', async () => {
  const since = desk.events.length
  const card = await appCallsDesk(since)
  await app.waitForMediaFlowing()
  await desk.waitForMediaFlowing()

  await card.getByRole('button', { name: 'Hang up' }).click()
  await desk.waitForEvent('CALL_CLOSED', 10_000, since)
})

test('baresip calls Parley: answered by click, media flows both ways, baresip hangs up', async () => {
  const since = desk.events.length
  await deskCallsApp(since)
  await app.waitForMediaFlowing()
  await desk.waitForMediaFlowing()

  await desk.hangup()
  await expect.poll(() => ui.liveCall(app.page).count(), { timeout: 10_000 }).toBe(0)
})

test('keypad tones reach baresip when it answered Opus with telephone-event/8000 only (sent as SIP INFO)', async () => {
  const since = desk.events.length
  const relayedBefore = relayedDtmf(rtpengine).length
  await appCallsDesk(since)
  await app.waitForMediaFlowing()

  await pressKeys('159*#')
  await expect.poll(() => desk.receivedDigits(since), { timeout: 10_000 }).toBe('159*#')
  // Not as RFC 4733 events at a clock rate baresip cannot place: the relay saw none.
  expect(relayedDtmf(rtpengine).length).toBe(relayedBefore)
  await desk.hangup()
})

test('keypad tones reach baresip in-band (RFC 4733 through rtpengine) on a PCMU call', async () => {
  const since = desk.events.length
  const relayedBefore = relayedDtmf(rtpengine).length
  // baresip offers PCMU first with telephone-event/8000: a clock-rate match.
  await deskCallsApp(since)
  await app.waitForMediaFlowing()

  await pressKeys('2580')
  await expect.poll(() => desk.receivedDigits(since), { timeout: 10_000 }).toBe('2580')
  const relayed = relayedDtmf(rtpengine)
    .slice(relayedBefore)
    .map((event) => event.digit)
  expect(relayed.join('')).toBe('2580')
  await desk.hangup()
})
