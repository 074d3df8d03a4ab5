import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { parsePidf } from '../contract/presence/pidf'
import type { HistoryPage } from '../contract/ipc'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { TestPeer } from './harness/peer'
import { eventually } from './harness/wait'

// "My status" through the real UI and the real Kamailio (presence, presence_xml): what the
// person sets in the header is PUBLISHed as PIDF and reaches a SIP.js colleague watching their
// presence as NOTIFY (activity, note, until); a scheduled status ends by itself and the
// colleague sees Available again; Do not disturb still turns a caller away with 486 (missed).
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
let app: TestApp
let colleague: TestPeer
const me = `sip:4701@${pbx.domain}`

beforeAll(async () => {
  app = await startApp('status', { user: '4701', displayName: 'Status Test' })
  colleague = await TestPeer.start('4702', pbx, baseUrl)
  await app.waitRegistered()
  await colleague.subscribe(me, 'presence')
})

afterAll(async () => {
  await colleague?.close()
  await app?.close()
})

/** How many NOTIFYs the colleague has so far: `seen` looks only at those that come after. */
const mark = async () => (await colleague.notifies()).length

/** The first presence NOTIFY for Parley's presentity after `since` that `matches` (read with the lamps' parser). */
async function seen(
  what: string,
  matches: (parsed: NonNullable<ReturnType<typeof parsePidf>>) => boolean,
  since = 0,
) {
  const ours = (all: Awaited<ReturnType<TestPeer['notifies']>>) =>
    all.slice(since).filter((n) => n.event === 'presence' && n.target === me)
  const found = (all: Awaited<ReturnType<TestPeer['notifies']>>) =>
    ours(all).find((n) => {
      const parsed = parsePidf(n.body)
      return parsed !== undefined && matches(parsed)
    })
  const notifies = await eventually(
    `NOTIFY with ${what}`,
    () => colleague.notifies(),
    (all) => !!found(all),
    20_000,
  )
  const notify = found(notifies)
  return { body: notify?.body ?? '', at: notify?.at ?? 0 }
}

const panel = () => app.page.getByRole('dialog', { name: 'Set my status' })
const statusButton = () => app.page.getByRole('button', { name: /^My status:/ })

async function openPanel() {
  if (!(await panel().isVisible())) await statusButton().click()
  await panel().waitFor()
}

test('"Lunch until 13:00 · note" set in the header reaches a watching colleague as PIDF', async () => {
  await seen('Available first', (p) => p.status === 'available' && p.open)
  const before = await mark()
  await openPanel()
  await panel().getByLabel('Until').selectOption('time')
  await panel().getByLabel('Until what time').fill('13:00')
  await panel().getByLabel('Note (optional)').fill('Kantinen <b>plan 2</b>')
  await panel().getByRole('button', { name: 'Lunch' }).click()
  await expect
    .poll(() => statusButton().textContent())
    .toMatch(/Lunch until .*13:00.*Kantinen <b>plan 2<\/b>/)

  // the until the UI meant: 13:00 in the window's time zone, today or (when past) tomorrow
  const until = await app.page.evaluate(() => {
    const at = new Date()
    at.setHours(13, 0, 0, 0)
    if (at.getTime() <= Date.now()) at.setDate(at.getDate() + 1)
    return at.toISOString()
  })
  const { body } = await seen(
    'lunch, its note and until',
    (p) => p.status === 'lunch' && p.until === until,
    before,
  )
  expect(parsePidf(body)).toMatchObject({
    status: 'lunch',
    until,
    note: 'Kantinen <b>plan 2</b>',
    open: true,
  })
  expect(body).toContain('rpid:lunch')
  expect(body).toContain('Kantinen &')
})

test('a scheduled status starts and ends by itself: the colleague sees Available again', async () => {
  const cleared = await mark()
  await openPanel()
  await panel().getByRole('button', { name: 'Back to Available' }).click()
  await panel().waitFor({ state: 'hidden' })
  await seen('Available after clearing', (p) => p.status === 'available', cleared)

  // a slot from this minute to the next one (or the one after, so it lasts long enough to be seen)
  const slot = await app.page.evaluate(() => {
    const now = new Date()
    const clock = (at: Date) =>
      `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`
    const end = new Date(now.getTime() + (now.getSeconds() > 40 ? 2 : 1) * 60_000)
    return { start: clock(now), end: clock(end), day: now.getDay(), endsAt: end.setSeconds(0, 0) }
  })
  await openPanel()
  await panel().getByRole('button', { name: 'Schedule…' }).click()
  const schedule = app.page.getByRole('dialog', { name: 'Status schedule' })
  await schedule.getByRole('button', { name: 'Add' }).click()
  await schedule.getByLabel('Status').selectOption('meeting')
  await schedule.getByLabel('From').fill(slot.start)
  await schedule.getByLabel('To').fill(slot.end)
  await schedule.getByLabel('Note (optional)').fill('Veckomöte')
  for (const day of ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']) await schedule.getByLabel(day).check()
  await schedule.getByRole('button', { name: 'Save schedule' }).click()
  await schedule.waitFor({ state: 'hidden' })

  const meeting = await seen(
    'the scheduled meeting',
    (p) => p.status === 'meeting' && p.note === 'Veckomöte',
    cleared,
  )
  expect(parsePidf(meeting.body)?.until).toBe(new Date(slot.endsAt).toISOString())
  await expect.poll(() => statusButton().textContent()).toMatch(/Meeting until/)
  const scheduled = await mark()
  // nobody touches anything: at the slot's end the status goes back by itself
  await eventually(
    'the slot to end',
    async () => Date.now(),
    (now) => now >= slot.endsAt,
    150_000,
  )
  const ended = await seen('Available after the slot', (p) => p.status === 'available', scheduled)
  expect(ended.at).toBeGreaterThanOrEqual(slot.endsAt)
  await expect.poll(() => statusButton().textContent()).toMatch(/Available/)
}, 240_000)

test('Do not disturb as a status: published, and a caller gets 486 and is recorded as missed', async () => {
  const before = await mark()
  await openPanel()
  await panel().getByRole('button', { name: 'Do not disturb' }).click()
  await panel().waitFor({ state: 'hidden' })
  await seen('do not disturb', (p) => p.status === 'do-not-disturb', before)
  await expect.poll(() => app.page.getByRole('switch', { name: 'Do not disturb' }).isChecked()).toBe(true)

  const id = await colleague.call(me)
  const call = await colleague.waitForCall((c) => c.id === id && c.state === 'Terminated', 'turned away')
  expect(call.finalStatus).toBe(486)
  const history = await eventually(
    'the missed call in the history',
    async () => {
      const page = await app.main.dispatch('history:query', {})
      return page.ok ? (page.value as HistoryPage).entries : []
    },
    (entries) => entries.some((entry) => entry.remoteNumber.includes('4702')),
  )
  expect(history.find((entry) => entry.remoteNumber.includes('4702'))?.outcome).toBe('missed')

  // switched off in the header: the status follows (one owner of the rule: the DND switch)
  const switchedOff = await mark()
  await app.page.getByRole('switch', { name: 'Do not disturb' }).uncheck()
  await seen('Available after DND off', (p) => p.status === 'available', switchedOff)
  await expect.poll(() => statusButton().textContent()).toMatch(/Available/)
})
