import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { TestApp } from '../e2e/harness/app'
import { serveStatic } from '../e2e/harness/static-server'
import { startTestBed, type TestBed } from '../e2e/harness/test-bed'
import { recordTrace, type TraceEvent } from './chromium-trace'
import { copyDayData, writeDayData } from './day-data'
import { searchQueries, typeSearchQueries } from './day-use'
import { frameInterval, inertKeystrokes, pageProbe, type Keystroke } from './page-probe'
import { closeAll, percentile } from './suite'

/**
 * Where a keystroke in the contact search spends its time with 10,000 contacts (issue 14):
 * one page over a day's data, then
 * - the bench's typing (day-use.ts): list updated and next frame, p50/p95, by characters typed;
 * - the floor: the same typing into an inert field the bench adds (no app work), and the
 *   screen's frame interval, measured in the same page;
 * - `--trace`: main-thread time per keystroke by event kind (input dispatch, style, layout,
 *   paint…) from a Chromium trace;
 * (A CPU profile of the same typing: `bench/heap-breakdown.ts --profile`.)
 * `--compare <dir>`: a second page from another renderer build (e.g. main's), typing rounds
 *   alternating with this tree's, so both are measured in the same run.
 * `node --import tsx bench/search-profile.ts [--rounds N] [--compare dir] [--trace]`
 * A tool to find where the time goes, not a bench figure (those are cold-start's).
 */

const args = process.argv.slice(2)
const rounds = Number(args[args.indexOf('--rounds') + 1] ?? 0) || 4
const settleMs = args.includes('--settle') ? Number(args[args.indexOf('--settle') + 1]) : 0
const say = (label: string, values: number[]) => console.log(line(label, values))
const line = (label: string, values: number[]) =>
  `${label}: n ${values.length} p50 ${percentile(values, 0.5).toFixed(1)} p95 ${percentile(values, 0.95).toFixed(1)} max ${Math.max(...values).toFixed(1)} ms`

/**
 * A Chromium trace of one round of typing; per input event, CPU time (thread time, so a loaded
 * machine does not inflate it) of: the task that dispatched it (editing, the app's handlers and
 * microtasks), the input event's dispatch inside it, forced style/layout inside it, and the next
 * frame's main-thread lifecycle (style, layout, paint).
 */
type Costs = Map<string, number[]>

async function trace(page: Page, type: () => Promise<unknown>, rows: Costs): Promise<void> {
  const events = await recordTrace(page, 'toplevel,devtools.timeline,blink', type)
  const main = events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input')?.tid
  const spans = events.filter((e) => e.tid === main && e.ph === 'X' && e.dur).sort((a, b) => a.ts - b.ts)
  const end = (e: TraceEvent) => e.ts + (e.dur ?? 0)
  const cpu = (e: TraceEvent | undefined) => (e?.tdur ?? 0) / 1000
  const inside = (outer: TraceEvent, names: string[]) =>
    spans
      .filter((e) => names.includes(e.name) && e.ts >= outer.ts && end(e) <= end(outer))
      .reduce((sum, e) => sum + cpu(e), 0)
  const add = (key: string, ms: number) => rows.set(key, [...(rows.get(key) ?? []), ms])
  for (const input of spans.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input')) {
    const task = spans
      .filter((t) => t.name === 'ThreadControllerImpl::RunTask' && t.ts <= input.ts && end(t) >= end(input))
      .at(-1)
    if (!task) continue
    const frameCpu = cpu(
      spans.find((e) => e.name === 'WebFrameWidgetImpl::UpdateLifecycle' && e.ts >= end(task)),
    )
    add('input task + next frame', cpu(task) + frameCpu)
    add('input task', cpu(task))
    add('  input event dispatch (app handlers + microtasks)', cpu(input))
    add('  forced style + layout in the task', inside(task, ['UpdateLayoutTree', 'Layout']))
    add('    of which style', inside(task, ['UpdateLayoutTree']))
    const frame = spans.find((e) => e.name === 'WebFrameWidgetImpl::UpdateLifecycle' && e.ts >= end(task))
    add('next frame lifecycle (style, layout, paint)', cpu(frame))
    if (frame)
      for (const name of ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize'])
        add(`  ${name}`, inside(frame, [name]))
  }
}

function printCosts(label: string, rows: Costs): void {
  console.log(`${label}: trace, CPU per input event: mean / p50 / p95 ms`)
  for (const [key, values] of rows)
    console.log(
      `  ${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(2).padStart(6)} ${percentile(values, 0.5).toFixed(2).padStart(6)} ${percentile(values, 0.95).toFixed(2).padStart(6)}  ${key}`,
    )
}

async function openApp(bed: TestBed, dayData: string, name: string, user: string, baseUrl: string) {
  const app = await TestApp.start({
    name,
    baseUrl,
    pbx: bed.pbx.info,
    account: { user },
    prepare: (dir: string) => copyDayData(dayData, dir),
    beforeLoad: (ua) => ua.context.addInitScript(pageProbe),
  })
  await app.waitRegistered()
  await app.page.getByRole('list', { name: 'Contact list' }).getByRole('listitem').first().waitFor()
  // As the bench does (day-use.ts): typing starts as soon as the first contact is listed.
  await app.page.waitForTimeout(settleMs)
  // How long each input event waited before the page's first listener ran.
  await app.page.evaluate(() => {
    const waits: number[] = []
    ;(window as unknown as { __waits: typeof waits }).__waits = waits
    window.addEventListener('input', (event) => waits.push(performance.now() - event.timeStamp), {
      capture: true,
    })
  })
  return app
}

function report(label: string, keys: Keystroke[]): void {
  console.log(`${label}:`)
  const changed = keys.filter((k) => k.listChanged)
  const unchanged = keys.filter((k) => !k.listChanged)
  const rows: Array<[string, number[]]> = [
    ['keystroke → list updated', keys.map((k) => k.listMs)],
    ['  list changed', changed.map((k) => k.listMs)],
    ["  list unchanged (end of the app's handling)", unchanged.map((k) => k.listMs)],
    ['keystroke → next frame', keys.map((k) => k.frameMs)],
    ['as timed before: list updated', keys.map((k) => k.asBefore.listMs)],
    ['as timed before: next frame', keys.map((k) => k.asBefore.frameMs)],
  ]
  for (const [name, values] of rows) say(`  ${name}`, values)
  const perRound = keys.length / rounds
  const byRound = (pick: (k: Keystroke) => number) =>
    Array.from({ length: rounds }, (_, r) =>
      percentile(
        keys.slice(Math.round(r * perRound), Math.round((r + 1) * perRound)).map(pick),
        0.95,
      ).toFixed(1),
    ).join(' ')
  console.log(`  list p95 by round: ${byRound((k) => k.listMs)}`)
  console.log(`  next frame p95 by round: ${byRound((k) => k.frameMs)}`)
  console.log(`  next frame by keystroke: ${keys.map((k) => k.frameMs.toFixed(0)).join(' ')}`)
  const byLength = new Map<number, number[]>()
  for (const k of keys) byLength.set(k.value.length, [...(byLength.get(k.value.length) ?? []), k.listMs])
  console.log(
    '  list p50 by characters typed: ' +
      [...byLength]
        .sort((a, b) => a[0] - b[0])
        .map(([length, ms]) => `${length}: ${percentile(ms, 0.5).toFixed(1)}`)
        .join('  '),
  )
}

const bed = await startTestBed(() => undefined)
const closers: Array<() => Promise<unknown>> = [() => bed.stop()]
try {
  if (bed.rendererBuildError) throw new Error(bed.rendererBuildError)
  const dayData = join(bed.runDir, 'day-data')
  mkdirSync(dayData)
  writeDayData(dayData)
  const apps: Array<{ label: string; app: TestApp; keys: Keystroke[] }> = []
  const app = await openApp(bed, dayData, 'search-profile', '3401', bed.baseUrl)
  closers.unshift(() => app.close())
  apps.push({ label: 'this tree', app, keys: [] })
  const compareDir = args.includes('--compare') ? args[args.indexOf('--compare') + 1] : undefined
  if (compareDir) {
    const other = await serveStatic({ '/': compareDir })
    closers.unshift(() => new Promise((r) => other.server.close(() => r(undefined))))
    const otherApp = await openApp(bed, dayData, 'search-compare', '3402', `http://127.0.0.1:${other.port}`)
    closers.unshift(() => otherApp.close())
    apps.push({ label: compareDir, app: otherApp, keys: [] })
  }
  // Rounds alternate between the pages, so a busy spell of the machine hits both alike.
  for (let round = 0; round < rounds; round++)
    for (const entry of apps) entry.keys.push(...(await typeSearchQueries(entry.app.page, 1)))
  for (const { label, app, keys } of apps) {
    report(label, keys)
    const page = app.page
    const waits = await page.evaluate(() => (window as unknown as { __waits: number[] }).__waits)
    say('  input event timeStamp → first listener', waits)
  }
  const page = app.page
  const inert = await inertKeystrokes(page, searchQueries, rounds)
  const floor: Array<[string, number[]]> = [
    ['inert field: keystroke → next frame', inert.map((k) => k.frameMs)],
    ['inert field: as timed before: next frame', inert.map((k) => k.asBefore.frameMs)],
  ]
  for (const [name, values] of floor) say(name, values)
  console.log(`frame interval: median ${(await frameInterval(page)).toFixed(2)} ms`)
  if (args.includes('--trace')) {
    // Traced rounds alternate between the pages too.
    const costs = apps.map(() => new Map() as Costs)
    for (let round = 0; round < rounds; round++)
      for (const [i, { app }] of apps.entries())
        await trace(app.page, () => typeSearchQueries(app.page, 1), costs[i] as Costs)
    for (const [i, { label }] of apps.entries()) printCosts(label, costs[i] as Costs)
    const inertCosts: Costs = new Map()
    await trace(page, () => inertKeystrokes(page, searchQueries, 1), inertCosts)
    printCosts('inert field', inertCosts)
  }
} finally {
  await closeAll(closers)
}
