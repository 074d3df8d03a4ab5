import type { Page } from 'playwright-core'
import { TestApp } from '../e2e/harness/app'
import { TestPeer } from '../e2e/harness/peer'
import type { TestPbx } from '../e2e/harness/pbx'
import { dial, ui } from '../e2e/harness/ui'
import { copyDayData } from './day-data'
import {
  frameInterval,
  inertKeystrokes,
  longestTask,
  pageMarks,
  pageProbe,
  typeInto,
  until,
  type Keystroke,
} from './page-probe'
import { closeAll, median, percentile } from './suite'

/**
 * Parley with a day's data in use, after it registered: search as you type over 10,000
 * contacts, then calls. Times:
 * - keystroke → list updated / next frame: measured in the page by the probe (page-probe.ts),
 *   with the floor beside them: the same typing into a field no app code listens to, and the
 *   screen's frame interval;
 * - dial click → INVITE on the wire: the click (the page's wall clock) to Kamailio's
 *   "PARLEY-TAP rx INVITE" log line; the first call of the page on its own line;
 * - dial click → call card shown: the click to "Calling…" in the Calls list (the card shows
 *   once the INVITE has left, at the latest 50 ms after the click: renderer/sip/outgoing.ts);
 * - INVITE in → ringing visible: Kamailio's "PARLEY-TAP tx INVITE" to "Incoming call" in the DOM;
 * - the longest main-thread task from the first dial to the last hang-up.
 */
export interface DayUse {
  keystrokeListP95: number
  keystrokeFrameP95: number
  /** The same keystrokes as timed up to session 10 (see Keystroke.asBefore). */
  keystrokeListP95AsBefore: number
  keystrokeFrameP95AsBefore: number
  /** The floor: next frame after a keystroke in a field no app code listens to, same page. */
  inertFrameP95: number
  /** The screen's refresh interval in the same page (median gap between animation frames). */
  frameIntervalMs: number
  firstDialToInvite: number
  dialToInvite: number
  firstDialToCard: number
  dialToCard: number
  inviteToRinging: number
  longestTaskInCalls: number
}

const appUser = '7211'
const calleeUser = '7212'
const callerUser = '7213'
export const searchQueries = ['ostlund', 'åsa ö', '+46 8-12', 'nyström 4']
const typingRounds = 4
const callRuns = 10

type Probe = { clickAt: Array<{ at: number; label: string }> }
const lastCallClick = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { __parleyTest: Probe }).__parleyTest.clickAt
        .filter((c) => c.label === 'Call')
        .at(-1)?.at ?? Number.NaN,
  )

/** Types the bench's queries into the contact search `rounds` times; each typed character's timings. */
export async function typeSearchQueries(page: Page, rounds = typingRounds): Promise<Keystroke[]> {
  const before = (await pageMarks(page)).keystrokes.length
  await typeInto(page, '#contact-search', searchQueries, rounds)
  // Clearing the field is an input too; only the typed characters count.
  return (await pageMarks(page)).keystrokes.slice(before).filter((k) => k.value !== '')
}

async function dialToInvite(page: Page, pbx: TestPbx): Promise<{ invite: number; card: number }> {
  const shownBefore = (await pageMarks(page)).callingAt.length
  await dial(page, calleeUser)
  const clickAt = await lastCallClick(page)
  const tap = await until('INVITE tap', async () =>
    pbx.inviteTaps().find((t) => t.way === 'rx' && t.fromUser === appUser && t.at >= clickAt - 1),
  )
  const cardAt = await until('call card', async () => (await pageMarks(page)).callingAt[shownBefore])
  await ui.call(page).getByRole('button', { name: 'Hang up' }).click()
  await ui.call(page).getByRole('button', { name: 'Hang up' }).waitFor({ state: 'detached' })
  return { invite: tap.at - clickAt, card: cardAt - clickAt }
}

async function inviteToRinging(page: Page, pbx: TestPbx, caller: TestPeer): Promise<number> {
  const shownBefore = (await pageMarks(page)).incomingAt.length
  const startedAt = Date.now()
  const id = await caller.call(`sip:${appUser}@${pbx.info.domain}`)
  const shownAt = await until('ringing', async () => (await pageMarks(page)).incomingAt[shownBefore])
  const tap = await until('INVITE tap', async () =>
    pbx.inviteTaps().find((t) => t.way === 'tx' && t.fromUser === callerUser && t.at >= startedAt - 1),
  )
  await caller.hangup(id)
  await ui.call(page).getByRole('button', { name: 'Answer' }).waitFor({ state: 'detached' })
  return shownAt - tap.at
}

export async function measureDayUse(
  bed: { pbx: TestPbx; baseUrl: string },
  dayData: string,
): Promise<DayUse> {
  const closers: Array<() => Promise<void>> = []
  try {
    const callee = await TestPeer.start(calleeUser, bed.pbx.info, bed.baseUrl)
    closers.unshift(() => callee.close())
    await callee.setAutoAnswer(true)
    const caller = await TestPeer.start(callerUser, bed.pbx.info, bed.baseUrl)
    closers.unshift(() => caller.close())
    const app = await TestApp.start({
      name: 'bench-day',
      baseUrl: bed.baseUrl,
      pbx: bed.pbx.info,
      account: { user: appUser },
      prepare: (dir) => copyDayData(dayData, dir),
      beforeLoad: (ua) => ua.context.addInitScript(pageProbe),
    })
    closers.unshift(() => app.close())
    const page = app.page
    await app.waitRegistered()
    await page.getByRole('list', { name: 'Contact list' }).getByRole('listitem').first().waitFor()

    const keystrokes = await typeSearchQueries(page)
    const inert = await inertKeystrokes(page, searchQueries, typingRounds)
    const frameIntervalMs = await frameInterval(page)
    const callsFrom = await page.evaluate(() => performance.now())
    const firstDial = await dialToInvite(page, bed.pbx)
    const dials: Array<{ invite: number; card: number }> = []
    for (let i = 0; i < callRuns; i++) dials.push(await dialToInvite(page, bed.pbx))
    const ringing: number[] = []
    for (let i = 0; i <= callRuns; i++) {
      const ms = await inviteToRinging(page, bed.pbx, caller)
      if (i > 0) ringing.push(ms)
    }
    return {
      keystrokeListP95: percentile(
        keystrokes.map((k) => k.listMs),
        0.95,
      ),
      keystrokeFrameP95: percentile(
        keystrokes.map((k) => k.frameMs),
        0.95,
      ),
      keystrokeListP95AsBefore: percentile(
        keystrokes.map((k) => k.asBefore.listMs),
        0.95,
      ),
      keystrokeFrameP95AsBefore: percentile(
        keystrokes.map((k) => k.asBefore.frameMs),
        0.95,
      ),
      inertFrameP95: percentile(
        inert.map((k) => k.frameMs),
        0.95,
      ),
      frameIntervalMs,
      firstDialToInvite: firstDial.invite,
      dialToInvite: median(dials.map((d) => d.invite)),
      firstDialToCard: firstDial.card,
      dialToCard: median(dials.map((d) => d.card)),
      inviteToRinging: median(ringing),
      longestTaskInCalls: await longestTask(page, callsFrom),
    }
  } finally {
    await closeAll(closers)
  }
}
