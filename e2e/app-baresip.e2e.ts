import type { Preferences } from '../contract/schemas'
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
/** The mailbox: a baresip registered as 555, the voicemail number our users dial. */
let mailbox: TestBaresip

beforeAll(async () => {
  desk = await TestBaresip.start('6002', pbx)
  mailbox = await TestBaresip.start('555', pbx)
  app = await startApp('baresip', { user: appUser, displayName: 'Alice Andersson' })
  await app.waitRegistered()
})

afterAll(async () => {
  await app?.close()
  await desk?.close()
  await mailbox?.close()
})

afterEach(async () => {
  await desk.hangup().catch(() => undefined)
  await mailbox.hangup().catch(() => undefined)
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
  // rtpengine logs an event once it has ended (its end packets relayed), after baresip heard
  // it begin: the last digit's line may come a tone's length after baresip has all four.
  const relayed = () =>
    relayedDtmf(rtpengine)
      .slice(relayedBefore)
      .map((event) => event.digit)
      .join('')
  await expect.poll(relayed, { timeout: 5_000 }).toBe('2580')
  await desk.hangup()
})

test('keypad tones go as SIP INFO when the user chose it in Settings, even where RFC 4733 would do', async () => {
  await app.page.getByRole('button', { name: 'Settings' }).click()
  const settings = app.page.getByRole('dialog', { name: 'Settings' })
  await settings
    .getByRole('combobox', { name: 'Keypad tones' })
    .selectOption({ label: 'As SIP messages (SIP INFO)' })
  await expect
    .poll(async () => {
      const result = await app.main.dispatch('preferences:get', undefined)
      return result.ok ? (result.value as Preferences).dtmfMethod : ''
    })
    .toBe('info')
  await settings.getByRole('button', { name: 'Close' }).click()
  try {
    const since = desk.events.length
    const relayedBefore = relayedDtmf(rtpengine).length
    await deskCallsApp(since)
    await app.waitForMediaFlowing()
    await pressKeys('47#')
    await expect.poll(() => desk.receivedDigits(since), { timeout: 10_000 }).toBe('47#')
    expect(relayedDtmf(rtpengine).length).toBe(relayedBefore)
    await desk.hangup()
  } finally {
    await app.main.dispatch('preferences:update', { dtmfMethod: 'auto' })
  }
})

test('a call to voicemail (555) shows the keys the mailbox understands; pressing them reaches it', async () => {
  const since = mailbox.events.length
  await app.page.getByRole('button', { name: 'Voicemail (555)' }).click()
  await mailbox.waitForEvent('CALL_INCOMING', 15_000, since)
  await mailbox.answer()
  const card = ui.liveCall(app.page)
  const keys = card.getByRole('region', { name: 'Voicemail keys' })
  await expect.poll(() => textOf(keys), { timeout: 15_000 }).toContain('2: Saved messages')
  expect(await textOf(keys)).toContain('7: Delete message')

  await keys
    .getByRole('group', { name: 'In the menu' })
    .getByRole('button', { name: '2: Saved messages' })
    .click()
  await keys
    .getByRole('group', { name: 'While a message plays' })
    .getByRole('button', { name: '3: Next message' })
    .click()
  await keys.getByRole('button', { name: '*: End' }).click()
  await expect.poll(() => mailbox.receivedDigits(since), { timeout: 10_000 }).toBe('23*')
  await mailbox.hangup()
})

test('a call to an ordinary number shows no voicemail keys', async () => {
  const since = desk.events.length
  const card = await appCallsDesk(since)
  expect(await card.getByRole('region', { name: 'Voicemail keys' }).count()).toBe(0)
  await desk.hangup()
})
