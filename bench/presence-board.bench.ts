import { join, resolve } from 'node:path'
import { build } from 'vite'
import { launchUserAgent } from '../e2e/harness/browser'
import { wsUrl } from '../e2e/harness/pbx'
import { TestPeer } from '../e2e/harness/peer'
import { serveStatic } from '../e2e/harness/static-server'
import { startTestBed } from '../e2e/harness/test-bed'
import { eventually } from '../e2e/harness/wait'
import type { SipAccount, WatchEvent } from '../renderer/sip/types'
import { heapAfterGc } from './page-probe'
import { boardUiFigures, measureBoardUi } from './presence-board-ui'
import { closeAll, median, percentile, type BenchFigure, type BenchSuite } from './suite'

/**
 * Issue 10's scale figures: an operator watching 500 colleagues (presence + dialog: 1000
 * subscriptions) against the real Kamailio (presence modules, e2e/pbx/kamailio.cfg), in
 * Chromium. First in Parley's real UI ("UI:" figures, presence-board-ui.ts); then, as the
 * reference the UI is compared with, through the SIP adapter alone ("no UI" figures below).
 * The page (bench/presence-board) has no UI: it turns each
 * NOTIFY into a lamp with the lamps code (parse, dialog book, lampOf) as the board's state does,
 * so "lamp change" below ends when that state is computed, not on screen.
 * - all subscriptions established: the first watch() call to the 1000th `active` watch-state;
 * - PBX answers 503: every SIP response the page received, counted by code (the adapter's trace);
 * - lamp change → state: a peer PUBLISHes a new status for one colleague (wall clock in Node just
 *   before the request) to the board's lamp for that colleague showing it (wall clock in the page),
 *   40 colleagues one after another;
 * - longest task: Long Tasks API in the page, while subscribing and while the lamps change;
 * - heap growth: JS heap after a forced GC, before watching and with all 1000 established.
 */
const colleagues = 500
const events: WatchEvent[] = ['presence', 'dialog']
const changes = 40
const operator = '4600'
const publisher = '4601'

interface Board {
  connect(account: SipAccount): Promise<void>
  watchAll(targets: string[], events: WatchEvent[]): number
  progress(): { active: number; watchStartedAt: number; lastActiveAt: number }
  answers(): Record<string, number>
  lampChanges(since: number): Array<{ target: string; note: string; at: number }>
  longTasks(since: number): Array<{ start: number; duration: number }>
}
type BoardWindow = { board: Board }

const pidf = (entity: string, note: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" entity="${entity}"><tuple id="t"><status><basic>open</basic></status></tuple><dm:person id="p"><rpid:activities><rpid:meeting/></rpid:activities><dm:note>${note}</dm:note></dm:person></presence>`

export const presenceBoardBench: BenchSuite = {
  name: 'presence board (500 colleagues, loopback)',
  async run(): Promise<BenchFigure[]> {
    const bed = await startTestBed(() => undefined)
    const closers: Array<() => Promise<unknown>> = [() => bed.stop()]
    try {
      if (bed.rendererBuildError) throw new Error(bed.rendererBuildError)
      const ui = boardUiFigures(await measureBoardUi(bed))
      const pbx = bed.pbx.info
      const outDir = join(bed.runDir, 'presence-board')
      await build({
        configFile: false,
        root: resolve(import.meta.dirname, 'presence-board'),
        base: './',
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true },
      })
      const served = await serveStatic({ '/': outDir })
      closers.unshift(() => new Promise((r) => served.server.close(() => r(undefined))))
      const ua = await launchUserAgent('bench-board')
      closers.unshift(() => ua.close())
      const page = ua.page
      await page.goto(`http://127.0.0.1:${served.port}/index.html`)
      await page.waitForFunction(() => 'board' in window)
      const peer = await TestPeer.start(publisher, pbx, bed.baseUrl)
      closers.unshift(() => peer.close())

      const account: SipAccount = {
        displayName: 'Operator',
        sipAddress: `${operator}@${pbx.domain}`,
        authUser: operator,
        password: pbx.password,
        wsServer: wsUrl(pbx),
        outboundProxy: '',
        iceServers: [],
      }
      await page.evaluate((a) => (window as unknown as BoardWindow).board.connect(a), account)
      const heapBefore = await heapAfterGc(page)
      const targets = Array.from(
        { length: colleagues },
        (_, i) => `sip:46-c${String(i + 1).padStart(3, '0')}@${pbx.domain}`,
      )
      await page.evaluate(([t, e]) => (window as unknown as BoardWindow).board.watchAll(t, e), [
        targets,
        events,
      ] as const)
      const wanted = colleagues * events.length
      const established = await eventually(
        `${wanted} subscriptions active`,
        () => page.evaluate(() => (window as unknown as BoardWindow).board.progress()),
        (p) => p.active >= wanted,
        120_000,
      )
      const establishMs = established.lastActiveAt - established.watchStartedAt
      const subscribeTasks = await page.evaluate(
        (since) => (window as unknown as BoardWindow).board.longTasks(since),
        established.watchStartedAt,
      )
      const heapAfter = await heapAfterGc(page)

      // Lamp changes: one colleague at a time, a new status published by a peer.
      const latencies: number[] = []
      const updatesFrom = Date.now()
      for (let i = 0; i < changes; i++) {
        const target = targets[(i * 12) % colleagues] as string
        const note = `bench ${i}`
        const sentAt = Date.now()
        await peer.publish('presence', 'application/pidf+xml', pidf(target, note), target)
        const seen = await eventually(
          `lamp ${note}`,
          () =>
            page.evaluate((since) => (window as unknown as BoardWindow).board.lampChanges(since), sentAt - 5),
          (list) => list.some((c) => c.target === target && c.note === note),
          15_000,
        )
        const at = seen.find((c) => c.target === target && c.note === note)?.at ?? Number.NaN
        latencies.push(at - sentAt)
      }
      const updateTasks = await page.evaluate(
        (since) => (window as unknown as BoardWindow).board.longTasks(since),
        updatesFrom,
      )
      const answers = await page.evaluate(() => (window as unknown as BoardWindow).board.answers())
      const longest = (tasks: Array<{ duration: number }>) => Math.max(0, ...tasks.map((t) => t.duration))
      return [
        ...ui,
        { name: `all ${wanted} subscriptions established`, ms: establishMs, target: 10_000 },
        { name: '503 answers from the PBX', ms: answers['503'] ?? 0, unit: '×', target: 0 },
        { name: 'lamp change → lamp state (no UI), median', ms: median(latencies) },
        { name: 'lamp change → lamp state (no UI), p95', ms: percentile(latencies, 0.95), target: 200 },
        { name: 'longest task while subscribing', ms: longest(subscribeTasks), target: 50 },
        { name: 'longest task while lamps change', ms: longest(updateTasks), target: 50 },
        { name: 'JS heap growth, 500 watched colleagues', ms: heapAfter - heapBefore, unit: 'MB', target: 5 },
      ]
    } finally {
      await closeAll(closers)
    }
  },
}
