import type { Page } from 'playwright-core'
import { TestApp } from '../e2e/harness/app'
import type { TestBed } from '../e2e/harness/test-bed'
import { eventually } from '../e2e/harness/wait'
import { boardMarks, boardProbe, longestIn } from './presence-board/board-probe'
import { UdpPublisher } from './presence-board/udp-publisher'
import { heapAfterGc } from './page-probe'
import { closeAll, median, percentile, type BenchFigure } from './suite'

/**
 * Issue 10 item 5 in the real UI: Parley's built renderer in Chromium with its headless main
 * (as the e2e suite runs it), 500 colleagues imported from a CSV directory and watched by a
 * click on "Watch all" (presence + dialog: 1000 SUBSCRIBEs through Kamailio), their lamps on
 * the contact list. The colleagues' state comes from PUBLISHes over UDP into Kamailio, which
 * NOTIFYs the app (bench/presence-board/udp-publisher.ts); the page is read by an init script
 * (bench/presence-board/board-probe.ts). Figures:
 * - all subscriptions established: the click on "Watch all" to the 1000th dialog's first active
 *   NOTIFY received by the page; 503 answers counted from the page's WebSocket frames;
 * - lamp change → screen: the PUBLISH leaving Node to the end of the first frame after that
 *   lamp's words changed in the DOM, for lamps on screen (the list is virtualised: the rows
 *   shown are the ones a change can be seen on), one change at a time;
 * - 50 lamps at once: 50 colleagues' phones go "in a call" in one burst (dialog-info), then the
 *   whole board is scrolled through; the longest main-thread task of each, and of subscribing;
 * - heap growth: JS heap after a forced GC with the 500 contacts listed, before and after
 *   watching them all.
 */
const colleagues = 500
const operator = '7329'
const changes = 40
const burst = 50
const userOf = (i: number) => `7329${String(i).padStart(3, '0')}`
const nameOf = (i: number) => `Colleague ${String(i).padStart(3, '0')}`

const pidf = (user: string, domain: string, note: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" entity="sip:${user}@${domain}"><tuple id="t"><status><basic>open</basic></status></tuple><dm:person id="p"><rpid:activities><rpid:meeting/></rpid:activities><dm:note>${note}</dm:note></dm:person></presence>`

const inACall = (user: string, domain: string, version: number) =>
  `<?xml version="1.0"?><dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${version}" state="full" entity="sip:${user}@${domain}"><dialog id="d${version}" call-id="bench-${user}-${version}" local-tag="l" remote-tag="r" direction="recipient"><state>confirmed</state></dialog></dialog-info>`

export interface BoardUiFigures {
  establishMs: number
  answers503: number
  screenMedian: number
  screenP95: number
  burstScreenP95: number
  longestSubscribing: number
  longestBurst: number
  longestScroll: number
  longestPlainScroll: number
  heapGrowthMb: number
}

const activeCount = (page: Page) =>
  page.evaluate(() => {
    const marks = (window as unknown as { __parleyBoard: { activeAt: Record<string, number> } }).__parleyBoard
    const times = Object.values(marks.activeAt)
    return { count: times.length, last: Math.max(0, ...times) }
  })

/** When a lamp whose words contain `text` was first on screen after `since` (wall clock). */
const shownAt = (page: Page, text: string, since: number) =>
  page.evaluate(
    ([t, s]) => {
      const marks = (
        window as unknown as {
          __parleyBoard: { lamps: Array<{ label: string; domAt: number; frameAt: number }> }
        }
      ).__parleyBoard
      const found = marks.lamps.find((l) => l.domAt >= s && l.label.includes(t) && !Number.isNaN(l.frameAt))
      return found?.frameAt ?? 0
    },
    [text, since] as const,
  )

/** The colleagues whose lamps are on screen now (indexes into the directory). */
const lampsOnScreen = (page: Page): Promise<number[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-lamp]')].flatMap((lamp) => {
      const match = /^Colleague (\d{3}):/.exec(lamp.getAttribute('aria-label') ?? '')
      return match ? [Number(match[1])] : []
    }),
  )

/**
 * Scrolls the contact list by mouse wheel, 300 px a notch with a frame between notches, all
 * the way down (1) or up (-1): every row, and on the board every lamp, is rendered on the way.
 */
async function scrollBoard(page: Page, direction: 1 | -1): Promise<void> {
  // the list's scrolling viewport (the list itself is as tall as all 500 rows)
  const box = await page.getByRole('list', { name: 'Contact list' }).locator('xpath=..').boundingBox()
  if (!box) throw new Error('the contact list is not on screen')
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  for (let step = 0; step < 200; step++) {
    await page.mouse.wheel(0, 300 * direction)
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(undefined))))
  }
}

async function quiet(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)))
}

export async function measureBoardUi(bed: TestBed): Promise<BoardUiFigures> {
  const closers: Array<() => Promise<unknown>> = []
  try {
    const pbx = bed.pbx.info
    const publisher = await UdpPublisher.open(pbx.udpPort, pbx.domain)
    closers.unshift(() => publisher.close())
    const app = await TestApp.start({
      name: 'bench-board-ui',
      baseUrl: bed.baseUrl,
      pbx,
      account: { user: operator },
      beforeLoad: (ua) => ua.context.addInitScript(boardProbe),
    })
    closers.unshift(() => app.close())
    const csv = ['Name,Company,Extension']
    for (let i = 1; i <= colleagues; i++) csv.push(`${nameOf(i)},Parley AB,${userOf(i)}`)
    const imported = await app.main.dispatch('contacts:import', { format: 'csv', text: csv.join('\r\n') })
    if (!imported.ok) throw new Error(`import: ${JSON.stringify(imported)}`)
    await app.load()
    await app.waitRegistered()
    const page = app.page
    await page.getByRole('list', { name: 'Contact list' }).getByRole('listitem').first().waitFor()
    // The same list scrolled through before anyone is watched: the reference for the board's.
    await quiet(page)
    const plainScrollFrom = Date.now()
    await scrollBoard(page, 1)
    await scrollBoard(page, -1)
    await quiet(page)
    const longestPlainScroll = longestIn(await boardMarks(page), plainScrollFrom)
    const heapBefore = await heapAfterGc(page)
    const { count: activeBefore } = await activeCount(page)

    const clickAt = await page.evaluate(() => performance.timeOrigin + performance.now())
    await page.getByRole('button', { name: 'Watch all' }).click()
    const wanted = activeBefore + colleagues * 2
    const established = await eventually(
      `${colleagues * 2} subscriptions active`,
      () => activeCount(page),
      (p) => p.count >= wanted,
      120_000,
    )
    await quiet(page)
    const heapAfter = await heapAfterGc(page)
    let marks = await boardMarks(page)
    const longestSubscribing = longestIn(marks, clickAt)

    // One lamp at a time, on screen: a new note published for that colleague.
    const visible = await lampsOnScreen(page)
    if (visible.length === 0) throw new Error('no lamp on screen')
    const latencies: number[] = []
    for (let i = 0; i < changes; i++) {
      const who = visible[i % visible.length] as number
      const note = `bench change ${i}`
      const sentAt = Date.now()
      const status = await publisher.publish(
        userOf(who),
        'presence',
        'application/pidf+xml',
        pidf(userOf(who), pbx.domain, note),
      )
      if (status !== 200) throw new Error(`PUBLISH answered ${status}`)
      const at = await eventually(
        `lamp "${note}"`,
        () => shownAt(page, note, sentAt - 5),
        (t) => t > 0,
      )
      latencies.push(at - sentAt)
    }

    // 50 phones go "in a call" at once (the shown ones among them), then the board is scrolled.
    await quiet(page)
    const burstFrom = Date.now()
    const who = [
      ...visible,
      ...Array.from({ length: colleagues }, (_, i) => i + 1).filter((i) => !visible.includes(i)),
    ].slice(0, burst)
    const sent = who.map((i) =>
      publisher.publish(
        userOf(i),
        'dialog',
        'application/dialog-info+xml',
        inACall(userOf(i), pbx.domain, 1),
      ),
    )
    const burstScreen: number[] = []
    for (const i of visible) {
      const at = await eventually(
        `${nameOf(i)} in a call`,
        () => shownAt(page, `${nameOf(i)}: In a call`, burstFrom - 5),
        (t) => t > 0,
      )
      burstScreen.push(at - burstFrom)
    }
    const statuses = await Promise.all(sent)
    if (statuses.some((s) => s !== 200)) throw new Error(`PUBLISH answers ${statuses.join(',')}`)
    await quiet(page)
    const scrollFrom = Date.now()
    await scrollBoard(page, 1)
    await eventually(
      'the last colleague on screen',
      () => lampsOnScreen(page),
      (shown) => shown.includes(colleagues),
    )
    await quiet(page)
    marks = await boardMarks(page)
    return {
      establishMs: established.last - clickAt,
      answers503: marks.answers['503'] ?? 0,
      screenMedian: median(latencies),
      screenP95: percentile(latencies, 0.95),
      burstScreenP95: percentile(burstScreen, 0.95),
      longestSubscribing,
      longestBurst: longestIn(marks, burstFrom, scrollFrom),
      longestScroll: longestIn(marks, scrollFrom),
      longestPlainScroll,
      heapGrowthMb: heapAfter - heapBefore,
    }
  } finally {
    await closeAll(closers)
  }
}

export function boardUiFigures(ui: BoardUiFigures): BenchFigure[] {
  const wanted = colleagues * 2
  return [
    {
      name: `UI: all ${wanted} subscriptions established (Watch all → last active NOTIFY)`,
      ms: ui.establishMs,
      target: 10_000,
    },
    { name: 'UI: 503 answers from the PBX', ms: ui.answers503, unit: '×', target: 0 },
    { name: 'UI: lamp change → screen, median', ms: ui.screenMedian },
    { name: 'UI: lamp change → screen, p95', ms: ui.screenP95, target: 200 },
    { name: `UI: ${burst} lamps at once → screen, p95`, ms: ui.burstScreenP95, target: 200 },
    { name: 'UI: longest task, Watch all → all established', ms: ui.longestSubscribing, target: 50 },
    { name: `UI: longest task, ${burst} lamps changing at once`, ms: ui.longestBurst, target: 50 },
    {
      name: `UI: longest task, scrolling the board of ${colleagues} lamps`,
      ms: ui.longestScroll,
      target: 50,
    },
    {
      name: `UI: longest task, scrolling the same ${colleagues} contacts unwatched (reference)`,
      ms: ui.longestPlainScroll,
    },
    {
      name: `UI: JS heap growth, ${colleagues} watched colleagues`,
      ms: ui.heapGrowthMb,
      unit: 'MB',
      target: 5,
    },
  ]
}
