import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest'
import type { HistoryEntry } from '../contract/schemas'
import { screenshot } from './harness/artifacts'
import { TestPeer } from './harness/peer'
import { runSipp } from './harness/sipp'
import { dial, textOf, ui } from './harness/ui'
import { eventually } from './harness/wait'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { hangUpEverything } from './harness/hang-up'
import { historyPathOf, storedHistory } from './history-app'
import { clippedTexts, historyUi, shownCount, shownLabels } from './history-ui'

// Call history through the real Kamailio and the real UI: what each kind of call leaves behind,
// calling back from it, the missed-call count, "via" from forwarding headers, surviving a
// restart and a damaged file, deleting and clearing. Tests build on each other's calls.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
const appUser = '4101'
const appUri = `sip:${appUser}@${pbx.domain}`
let app: TestApp
let bob: TestPeer
let carol: TestPeer

const bobParty = /^Call with (Bob Berg|4102)$/
const carolParty = /^Call with (Carol Dahl|4103)$/

beforeAll(async () => {
  bob = await TestPeer.start('4102', pbx, baseUrl, 'Bob Berg')
  carol = await TestPeer.start('4103', pbx, baseUrl, 'Carol Dahl')
  app = await startApp('history', { user: appUser, displayName: 'Alice Andersson' })
  await app.waitRegistered()
})

afterAll(async () => {
  await app?.close()
  await bob?.close()
  await carol?.close()
})

afterEach(() => hangUpEverything(app, [bob, carol]))

/** Waits until main holds `count` entries (each ended call is recorded asynchronously). */
async function waitForStored(count: number): Promise<HistoryEntry[]> {
  return eventually(
    'history entries in main',
    () => storedHistory(app),
    (entries) => entries.length === count,
  )
}

async function waitNoLiveCall(page: Page): Promise<void> {
  await expect.poll(() => ui.liveCall(page).count(), { timeout: 10_000 }).toBe(0)
}

/** An incoming call from `peer` ringing in the app; returns the peer's call id and the card. */
async function ringApp(peer: TestPeer, party: RegExp, extraHeaders: string[] = []) {
  const id = await peer.call(appUri, extraHeaders)
  const card = ui.liveCall(app.page, party)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
  return { id, card }
}

test('missed, answered, rejected and outgoing calls appear with outcome, direction, party and times', async () => {
  const page = app.page
  await expect.poll(() => shownCount(page)).toBe(0)

  // Missed: Bob gives up before anyone answers.
  const missedStart = Date.now()
  const missed = await ringApp(bob, bobParty)
  await bob.hangup(missed.id)
  await waitNoLiveCall(page)
  const missedEnd = Date.now()
  await waitForStored(1)

  // Answered: Carol talks until the app's call timer has shown three seconds.
  const answeredStart = Date.now()
  const answered = await ringApp(carol, carolParty)
  const answerClickedAt = Date.now()
  await answered.card.getByRole('button', { name: 'Answer' }).click()
  await carol.waitForCall((c) => c.id === answered.id && c.state === 'Established', 'answer from the app')
  const talkFrom = Date.now()
  await app.waitForMediaFlowing()
  await expect.poll(() => textOf(answered.card), { timeout: 15_000 }).toMatch(/00:0[3-9]/)
  const talkTo = Date.now()
  await carol.hangup(answered.id)
  await waitNoLiveCall(page)
  const answeredEnd = Date.now()
  await waitForStored(2)

  // Rejected in the app.
  const rejected = await ringApp(bob, bobParty)
  await rejected.card.getByRole('button', { name: 'Reject' }).click()
  const refused = await bob.waitForCall((c) => c.id === rejected.id && c.state === 'Terminated', 'rejection')
  expect(refused.finalStatus).toBeGreaterThanOrEqual(400)
  await waitNoLiveCall(page)
  await waitForStored(3)

  // Outgoing, answered by Bob, hung up by the app.
  await bob.setAutoAnswer(true)
  await dial(page, '4102')
  const outCard = ui.liveCall(page, bobParty)
  await expect.poll(() => textOf(outCard), { timeout: 15_000 }).toMatch(/Connected/)
  await outCard.getByRole('button', { name: 'Hang up' }).click()
  await waitNoLiveCall(page)

  const entries = await waitForStored(4)
  const [outgoing, rejectedEntry, answeredEntry, missedEntry] = entries as [
    HistoryEntry,
    HistoryEntry,
    HistoryEntry,
    HistoryEntry,
  ]
  expect(missedEntry).toMatchObject({
    direction: 'incoming',
    outcome: 'missed',
    remoteName: 'Bob Berg',
    remoteNumber: '4102',
    talkMs: 0,
  })
  expect(missedEntry.startedAt).toBeGreaterThanOrEqual(missedStart - 1000)
  expect(missedEntry.ringMs).toBeGreaterThan(0)
  expect(missedEntry.ringMs).toBeLessThanOrEqual(missedEnd - missedStart + 500)

  expect(answeredEntry).toMatchObject({
    direction: 'incoming',
    outcome: 'answered',
    remoteName: 'Carol Dahl',
    remoteNumber: '4103',
  })
  const talked = talkTo - talkFrom
  expect(talked).toBeGreaterThanOrEqual(2000)
  expect(answeredEntry.talkMs, `talked ${talked} ms`).toBeGreaterThanOrEqual(talked - 250)
  expect(answeredEntry.talkMs).toBeLessThanOrEqual(answeredEnd - answerClickedAt + 1000)
  expect(answeredEntry.ringMs).toBeGreaterThan(0)
  expect(answeredEntry.ringMs).toBeLessThanOrEqual(answerClickedAt - answeredStart + 1000)
  expect(answeredEntry.startedAt).toBeGreaterThanOrEqual(answeredStart - 1000)

  expect(rejectedEntry).toMatchObject({
    direction: 'incoming',
    outcome: 'rejected',
    remoteName: 'Bob Berg',
    remoteNumber: '4102',
    talkMs: 0,
  })
  expect(outgoing).toMatchObject({ direction: 'outgoing', outcome: 'answered', remoteNumber: '4102' })
  expect(outgoing.talkMs).toBeGreaterThan(0)
  expect(entries.map((e) => e.startedAt)).toEqual([...entries.map((e) => e.startedAt)].sort((a, b) => b - a))

  // The view: newest first, with outcome and direction in each entry's name and times as text.
  await expect.poll(() => shownCount(page)).toBe(4)
  const labels = await shownLabels(page)
  expect(labels).toHaveLength(4)
  expect(labels[0]).toMatch(/^(Bob Berg|4102), outgoing, Connected, /)
  expect(labels[1]).toMatch(/^Bob Berg, incoming, Rejected, /)
  expect(labels[2]).toMatch(/^Carol Dahl, incoming, Answered, /)
  expect(labels[3]).toMatch(/^Bob Berg, incoming, Missed, /)
  const answeredRow = historyUi.entry(page, /^Carol Dahl, incoming, Answered/)
  // The talk time as mm:ss, next to the time of day (also hh:mm, so compare the whole token).
  const talkSeconds = Math.floor(answeredEntry.talkMs / 1000)
  const talkShown = `${String(Math.floor(talkSeconds / 60)).padStart(2, '0')}:${String(talkSeconds % 60).padStart(2, '0')}`
  const tokens = [...(await textOf(answeredRow)).matchAll(/\b\d\d:\d\d\b/g)].map((m) => m[0])
  expect(tokens, await textOf(answeredRow)).toContain(talkShown)
  expect(await textOf(answeredRow)).toContain('4103')
  // Shown means readable at the window's default size, not only present in the DOM.
  expect(await clippedTexts(answeredRow)).toEqual([])
  await screenshot(page, 'history-view')

  // Filters.
  await historyUi.filter(page, 'Missed').click()
  await expect.poll(() => shownLabels(page)).toEqual([expect.stringMatching(/^Bob Berg, incoming, Missed/)])
  await historyUi.filter(page, 'Incoming').click()
  await expect
    .poll(() => shownLabels(page))
    .toEqual([
      expect.stringMatching(/^Bob Berg, incoming, Rejected/),
      expect.stringMatching(/^Carol Dahl, incoming, Answered/),
      expect.stringMatching(/^Bob Berg, incoming, Missed/),
    ])
  await historyUi.filter(page, 'Outgoing').click()
  await expect.poll(() => shownLabels(page)).toEqual([expect.stringMatching(/, outgoing, Connected/)])
  await screenshot(page, 'history-filter-outgoing')
  await historyUi.filter(page, 'All').click()
  await expect.poll(() => shownCount(page)).toBe(4)

  // Search by name (any case) and by number written differently.
  await historyUi.search(page).fill('carol')
  await expect
    .poll(() => shownLabels(page))
    .toEqual([expect.stringMatching(/^Carol Dahl, incoming, Answered/)])
  await historyUi.search(page).fill('41-03')
  await expect
    .poll(() => shownLabels(page))
    .toEqual([expect.stringMatching(/^Carol Dahl, incoming, Answered/)])
  await historyUi.search(page).fill('(41) 02')
  await expect.poll(() => shownCount(page)).toBe(3)
  expect((await shownLabels(page)).every((label) => !label.startsWith('Carol'))).toBe(true)
  await historyUi.search(page).fill('nobody here')
  await expect.poll(() => shownCount(page)).toBe(0)
  expect(await textOf(historyUi.region(page))).toContain('No calls match.')
  await historyUi.search(page).fill('')
  await expect.poll(() => shownCount(page)).toBe(4)
})

test('call back from history: a click, then Enter on a focused entry, rings the right peer', async () => {
  const page = app.page
  const before = (await storedHistory(app)).length
  const carolCallsBefore = (await carol.calls()).length

  await historyUi
    .entry(page, /^Carol Dahl, incoming, Answered/)
    .getByRole('button', { name: 'Call back' })
    .click()
  const atCarol = await carol.waitForCall(
    (c) => c.direction === 'incoming' && c.id > carolCallsBefore && c.state === 'Initial',
    'call back INVITE at carol',
  )
  expect(atCarol.remoteUser).toBe(appUser)
  const outCard = ui.liveCall(page, carolParty)
  await expect.poll(() => textOf(outCard), { timeout: 10_000 }).toMatch(/Calling…|Ringing/)
  await outCard.getByRole('button', { name: 'Hang up' }).click()
  await carol.waitForCall((c) => c.id === atCarol.id && c.state === 'Terminated', 'call back cancelled')
  await waitNoLiveCall(page)
  const afterClick = await waitForStored(before + 1)
  expect(afterClick[0]).toMatchObject({
    direction: 'outgoing',
    remoteNumber: '4103',
    remoteName: 'Carol Dahl',
  })
  await expect.poll(() => shownCount(page)).toBe(before + 1)

  // Keyboard: from the search field down the list to Bob's missed call, then Enter.
  const bobCallsBefore = (await bob.calls()).length
  await historyUi.search(page).focus()
  await page.keyboard.press('ArrowDown')
  const target = /^Bob Berg, incoming, Missed/
  await eventually(
    'focus on the missed call from Bob',
    async () => {
      const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')
      if (!target.test(label)) await page.keyboard.press('ArrowDown')
      return label
    },
    (label) => target.test(label),
    10_000,
  )
  await page.keyboard.press('Enter')
  const atBob = await bob.waitForCall(
    (c) => c.direction === 'incoming' && c.id > bobCallsBefore && c.state === 'Initial',
    'call back INVITE at bob',
  )
  expect(atBob.remoteUser).toBe(appUser)
  await bob.reject(atBob.id, 486)
  await waitNoLiveCall(page)
  const afterEnter = await waitForStored(before + 2)
  expect(afterEnter[0]).toMatchObject({ direction: 'outgoing', remoteNumber: '4102', outcome: 'busy' })
  // One Enter, one call.
  expect((await bob.calls()).length).toBe(bobCallsBefore + 1)
})

test('a missed call shows a count on the window and in the view, cleared once the history is seen', async () => {
  const page = app.page
  // Look at the list first so no older missed call counts, then move away from it.
  await historyUi.region(page).hover()
  await expect.poll(() => page.title()).toBe('Parley')
  await ui.dialField(page).click()
  await expect.poll(() => historyUi.badge(page).count()).toBe(0)

  const before = (await storedHistory(app)).length
  const missed = await ringApp(carol, carolParty)
  await carol.hangup(missed.id)
  await waitNoLiveCall(page)
  await waitForStored(before + 1)
  await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('Parley (1 missed)')
  await expect.poll(() => historyUi.badge(page).getAttribute('aria-label')).toBe('1 missed call')
  expect(await textOf(historyUi.badge(page))).toBe('1')
  await screenshot(page, 'history-missed-count')

  await historyUi.region(page).hover()
  await expect.poll(() => page.title()).toBe('Parley')
  await expect.poll(() => historyUi.badge(page).count()).toBe(0)
  const query = await app.main.dispatch('history:query', { filter: 'all', search: '', offset: 0, limit: 1 })
  expect(query.ok && (query.value as { missedUnseen: number }).missedUnseen).toBe(0)
})

test('Diversion shows "via" on the ringing call, the active call and the history entry', async () => {
  const page = app.page
  const before = (await storedHistory(app)).length
  const diversion = `Diversion: <sip:switchboard@${pbx.domain}>;reason=unconditional`
  const call = await ringApp(bob, bobParty, [diversion])
  await expect.poll(() => textOf(call.card)).toContain('via switchboard')
  await screenshot(page, 'via-ringing')
  await call.card.getByRole('button', { name: 'Answer' }).click()
  await bob.waitForCall((c) => c.id === call.id && c.state === 'Established', 'answered')
  await expect.poll(() => textOf(call.card), { timeout: 10_000 }).toMatch(/Connected/)
  expect(await textOf(call.card)).toContain('via switchboard')
  await screenshot(page, 'via-call')
  await call.card.getByRole('button', { name: 'Hang up' }).click()
  await waitNoLiveCall(page)
  const [entry] = await waitForStored(before + 1)
  expect(entry).toMatchObject({
    direction: 'incoming',
    outcome: 'answered',
    via: 'switchboard',
    remoteNumber: '4102',
  })
  const row = historyUi.entry(page, /^Bob Berg, incoming, Answered/).first()
  await expect.poll(() => textOf(row)).toContain('via switchboard')
  expect(await clippedTexts(row)).toEqual([])
  await screenshot(page, 'via-history')
})

test('P-Asserted-Identity names the caller over From', async () => {
  const page = app.page
  const before = (await storedHistory(app)).length
  const pai = `P-Asserted-Identity: "Reception Desk" <sip:4102@${pbx.domain}>`
  const call = await ringApp(bob, /^Call with Reception Desk$/, [pai])
  expect(await textOf(call.card)).not.toContain('Bob Berg')
  await call.card.getByRole('button', { name: 'Reject' }).click()
  await waitNoLiveCall(page)
  const [entry] = await waitForStored(before + 1)
  expect(entry).toMatchObject({ remoteName: 'Reception Desk', remoteNumber: '4102', outcome: 'rejected' })
  await expect.poll(() => historyUi.entry(page, /^Reception Desk, incoming, Rejected/).count()).toBe(1)
})

test('History-Info, P-Called-Party-ID and a twice-diverted call from SIPp show "via" when ringing and in history', async () => {
  const page = app.page
  const cases = [
    {
      header: `History-Info: <sip:700@${pbx.domain}>;index=1, <sip:${appUser}@${pbx.domain}>;index=1.1`,
      via: '700',
    },
    { header: `P-Called-Party-ID: <sip:800@${pbx.domain}>`, via: '800' },
    // Diversion lists the newest diversion first: "via" names the original (the switchboard).
    {
      header: `Diversion: <sip:600@${pbx.domain}>;reason=no-answer, <sip:switchboard@${pbx.domain}>;reason=unconditional`,
      via: 'switchboard',
    },
  ]
  for (const { header, via } of cases) {
    const before = (await storedHistory(app)).length
    const sipp = await runSipp(pbx, {
      scenario: 'invite-until-refused.xml',
      service: appUser,
      keys: { caller: 'sipp', display: 'Front Desk', extra: header },
    })
    try {
      const card = ui.liveCall(page, /^Call with Front Desk$/)
      await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
      expect(await textOf(card)).toContain(`via ${via}`)
      await card.getByRole('button', { name: 'Reject' }).click()
      const result = await sipp.done
      expect(result.code, result.output.slice(-2000)).toBe(0)
    } finally {
      sipp.stop()
    }
    await waitNoLiveCall(page)
    const [entry] = await waitForStored(before + 1)
    expect(entry).toMatchObject({ remoteName: 'Front Desk', remoteNumber: 'sipp', via, outcome: 'rejected' })
    await expect
      .poll(() => textOf(historyUi.entry(page, /^Front Desk, incoming, Rejected/).first()))
      .toContain(`via ${via}`)
  }
  // The number a call came through is searchable too.
  await historyUi.search(page).fill('7-00')
  await expect
    .poll(() => shownLabels(page))
    .toEqual([expect.stringMatching(/^Front Desk, incoming, Rejected/)])
  expect(await textOf(historyUi.list(page))).toContain('via 700')
  await historyUi.search(page).fill('')
})

test('history and an unseen missed count survive a restart of main over the same data folder', async () => {
  const page = app.page
  await ui.dialField(page).click()
  const missedBefore = (await storedHistory(app)).length
  const missed = await ringApp(carol, carolParty)
  await carol.hangup(missed.id)
  await waitNoLiveCall(page)
  await waitForStored(missedBefore + 1)
  await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('Parley (1 missed)')

  const before = await storedHistory(app)
  expect(before.length).toBeGreaterThanOrEqual(8)
  const labelsBefore = await shownLabels(page)
  await app.restart()
  await app.waitRegistered()
  await expect.poll(() => shownCount(page), { timeout: 10_000 }).toBe(before.length)
  expect(await shownLabels(page)).toEqual(labelsBefore)
  expect((await storedHistory(app)).map((e) => e.id)).toEqual(before.map((e) => e.id))
  // Only the call missed since the list was last seen counts, after the restart too.
  await expect.poll(() => page.title()).toBe('Parley (1 missed)')
  await historyUi.region(page).hover()
  await expect.poll(() => page.title()).toBe('Parley')
})

test('a damaged history file: a notice in the History view, the readable calls kept', async () => {
  const good = (id: string, name: string, number: string, startedAt: number) =>
    JSON.stringify({
      id,
      direction: 'incoming',
      outcome: 'answered',
      remoteName: name,
      remoteNumber: number,
      via: '',
      transferredTo: '',
      startedAt,
      ringMs: 2000,
      talkMs: 61_000,
    })
  const now = Date.now()
  const damaged = await startApp(
    'history-damaged',
    { user: '4104' },
    {
      prepare: (dir) =>
        writeFileSync(
          join(dir, 'history.jsonl'),
          `${good('old-1', 'Yann Older', '5551', now - 7_200_000)}\n` +
            '\u0000\u0000garbage{{ not json at all\n' +
            `${good('old-2', 'Zoe Old', '5552', now - 3_600_000)}\n`,
        ),
    },
  )
  try {
    const page = damaged.page
    const notice = historyUi.region(page).getByRole('alert')
    await expect.poll(() => textOf(notice), { timeout: 15_000 }).toMatch(/damaged .*line 2.*kept as/s)
    await expect
      .poll(() => shownLabels(page))
      .toEqual([
        expect.stringMatching(/^Zoe Old, incoming, Answered/),
        expect.stringMatching(/^Yann Older, incoming, Answered/),
      ])
    await screenshot(page, 'history-damaged-file')
    const keptAside = readdirSync(damaged.dataDir).filter(
      (f) => f !== 'history.jsonl' && f.startsWith('history'),
    )
    expect(keptAside.length, readdirSync(damaged.dataDir).join(', ')).toBe(1)
    expect(readFileSync(join(damaged.dataDir, keptAside[0] ?? ''), 'utf8')).toContain('garbage{{ not json')
    expect(existsSync(historyPathOf(damaged))).toBe(true)
    // The notice stays until dismissed.
    await notice.getByRole('button', { name: 'Dismiss' }).click()
    await expect.poll(() => notice.count()).toBe(0)
  } finally {
    await damaged.close()
  }
})

test('delete one entry, then clear all with confirmation', async () => {
  const page = app.page
  const before = await storedHistory(app)
  const first = before[0] as HistoryEntry
  expect(await shownCount(page)).toBe(before.length)

  const firstRow = historyUi.list(page).locator('[data-history-index="0"]')
  await firstRow.getByRole('button', { name: 'Delete entry' }).click()
  await expect.poll(() => shownCount(page)).toBe(before.length - 1)
  const afterDelete = await storedHistory(app)
  expect(afterDelete.map((e) => e.id)).toEqual(before.slice(1).map((e) => e.id))
  expect(afterDelete.some((e) => e.id === first.id)).toBe(false)

  const region = historyUi.region(page)
  await region.getByRole('button', { name: 'Clear history' }).click()
  const confirm = region.getByRole('alertdialog')
  await expect.poll(() => textOf(confirm)).toMatch(/cannot be undone/)
  await confirm.getByRole('button', { name: 'Keep' }).click()
  await expect.poll(() => confirm.count()).toBe(0)
  expect((await storedHistory(app)).length).toBe(before.length - 1)

  await region.getByRole('button', { name: 'Clear history' }).click()
  await region.getByRole('alertdialog').getByRole('button', { name: 'Clear all' }).click()
  await expect.poll(() => shownCount(page)).toBe(0)
  expect(await textOf(region)).toContain('No calls yet.')
  expect(await storedHistory(app)).toEqual([])

  // Cleared stays cleared after a restart.
  await app.restart()
  await app.waitRegistered()
  await expect.poll(() => textOf(historyUi.region(page))).toContain('No calls yet.')
  expect(await storedHistory(app)).toEqual([])
  expect(await page.title()).toBe('Parley')
})
