import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { TestBaresip } from './harness/baresip'
import { dial, textOf, ui } from './harness/ui'
import { eventually } from './harness/wait'
import { storedHistory } from './history-app'
import { historyUi } from './history-ui'

// Call quality on a real call: Parley calls baresip (a plain SIP phone on UDP) through Kamailio
// and rtpengine. On loopback nothing is lost, so the card must say "Good" (read from the
// peer connection's getStats every 2 s), and the history entry must keep the call's average
// MOS, shown in the history row.
const pbx = inject('pbx')
const appUser = '4903'
const deskUser = '4904'
let app: TestApp
let desk: TestBaresip

beforeAll(async () => {
  desk = await TestBaresip.start(deskUser, pbx)
  app = await startApp('call-quality', { user: appUser })
  await app.waitRegistered()
})

afterAll(async () => {
  await app?.close()
  await desk?.close()
})

test('a clean call through rtpengine shows "Good" on the card and keeps its MOS in the history', async () => {
  const since = desk.events.length
  await dial(app.page, deskUser)
  await desk.waitForEvent('CALL_INCOMING', 15_000, since)
  await desk.answer()
  const card = ui.liveCall(app.page)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Connected/)
  await app.waitForMediaFlowing()
  const quality = card.getByRole('status', { name: /^Call quality: / })
  await expect.poll(() => quality.getAttribute('aria-label'), { timeout: 15_000 }).toBe('Call quality: Good')
  // no hint on a good call ("Your network is losing packets" and the like)
  expect(await textOf(quality)).toMatch(/^\s*Call quality: Good\s*$/)

  await card.getByRole('button', { name: 'Hang up' }).click()
  await desk.waitForEvent('CALL_CLOSED', 10_000, since)
  const entries = await eventually(
    'the call in the history with a quality value',
    () => storedHistory(app),
    (list) => list.some((entry) => entry.remoteNumber === deskUser && entry.mos !== undefined),
  )
  const entry = entries.find((item) => item.remoteNumber === deskUser)
  expect(entry?.mos).toBeGreaterThanOrEqual(4)
  expect(entry?.mos).toBeLessThanOrEqual(4.5)

  // the history row (the wide window shows the History view beside the calls): the figure is in
  // the row's name; a good call is not flagged in the visible line (only fair or poor ones are)
  const row = historyUi.entry(app.page, new RegExp(`^${deskUser}, outgoing`))
  await expect
    .poll(() => row.getAttribute('aria-label'), { timeout: 10_000 })
    .toMatch(/quality Good \(MOS 4\.\d\)$/)
  expect(await textOf(row)).not.toMatch(/quality/)
})
