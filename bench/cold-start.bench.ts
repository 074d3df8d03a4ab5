import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { serveStatic } from '../e2e/harness/static-server'
import { startTestBed } from '../e2e/harness/test-bed'
import { coldLoad, gzipKb, harnessIpcRoundTrips, type ColdLoad, type Variant } from './cold-loads'
import { writeDayData } from './day-data'
import { measureDayUse } from './day-use'
import { mainLoadingMaxBlock } from './main-loading'
import { traceFigures } from './start-trace'
import { closeAll, median, percentile, type BenchFigure, type BenchSuite } from './suite'

/**
 * Issue 14: cold starts side by side in one run, on the same Kamailio. Each round loads, each in
 * a fresh Chromium profile: the minimal SIP.js page (bench/minimal-phone, built with the same
 * Vite), Parley's built renderer with its real headless main, and Parley over a day's data
 * (10,000 contacts + 50,000 calls in main's data folder). The first round warms the disk cache
 * and is not counted. The machine is shared, so absolute figures are noisy: the ratio against
 * the minimal page of the same run is the figure to read.
 */
const rounds = 11
/**
 * While working on start-up: PARLEY_COLD_ROUNDS=3 PARLEY_COLD_LOADS_ONLY=1 for a quick look at
 * the loads alone; PARLEY_COLD_TRACE_FILE=/tmp/t.json keeps every load's trace.
 */
const roundsRun = Number(process.env.PARLEY_COLD_ROUNDS) || rounds
const loadsOnly = process.env.PARLEY_COLD_LOADS_ONLY === '1'
const variants: Variant[] = ['minimal', 'parley', 'parley-data']
const labels: Record<Variant, string> = {
  minimal: 'minimal SIP.js page',
  parley: 'Parley',
  'parley-data': "Parley + a day's data",
}

async function buildMinimalPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: resolve(import.meta.dirname, 'minimal-phone'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  })
}

/**
 * Parley's main screen (the dial field) after "Registered" (issue 14): the main screen's own
 * cost, read apart from the time to register, and the longest task on its way.
 */
function dialFieldFigures(label: string, loads: ColdLoad[]): BenchFigure[] {
  const afterRegistered = loads.map((l) => l.dialReadyMs - l.registeredMs)
  return [
    { name: `page load → dial field shown, ${label}`, ms: median(loads.map((l) => l.dialReadyMs)) },
    { name: `Registered → dial field shown, ${label}`, ms: median(afterRegistered) },
    { name: `Registered → dial field shown, ${label}, p10`, ms: percentile(afterRegistered, 0.1) },
    { name: `Registered → dial field shown, ${label}, p90`, ms: percentile(afterRegistered, 0.9) },
    {
      name: `longest task Registered → dial field shown, ${label}`,
      ms: median(loads.map((l) => l.longestTaskToDialMs)),
      target: 50,
    },
  ]
}

function loadFigures(variant: Variant, loads: ColdLoad[]): BenchFigure[] {
  const label = labels[variant]
  const times = loads.map((l) => l.registeredMs)
  return [
    { name: `page load → Registered, ${label}`, ms: median(times) },
    { name: `page load → Registered, ${label}, p10`, ms: percentile(times, 0.1) },
    { name: `page load → Registered, ${label}, p90`, ms: percentile(times, 0.9) },
    ...(variant === 'minimal' ? [] : dialFieldFigures(label, loads)),
    {
      name: `longest task load → Registered, ${label}`,
      ms: median(loads.map((l) => l.longestTaskMs)),
      ...(variant === 'minimal' ? {} : { target: 50 }),
    },
    {
      name: `JS heap after GC, ${label}`,
      ms: median(loads.map((l) => l.heapMb)),
      unit: 'MB',
      ...(variant === 'parley-data' ? { target: 5 } : {}),
    },
  ]
}

export const coldStartBench: BenchSuite = {
  name: 'cold start (loopback)',
  async run(): Promise<BenchFigure[]> {
    const bed = await startTestBed(() => undefined)
    const closers: Array<() => Promise<void>> = [() => bed.stop()]
    try {
      if (bed.rendererBuildError) throw new Error(bed.rendererBuildError)
      const minimalDir = join(bed.runDir, 'minimal')
      await buildMinimalPage(minimalDir)
      const minimal = await serveStatic({ '/': minimalDir })
      closers.unshift(() => new Promise((r) => minimal.server.close(() => r())))
      const dayData = join(bed.runDir, 'day-data')
      mkdirSync(dayData)
      writeDayData(dayData)
      const setup = {
        baseUrl: bed.baseUrl,
        minimalUrl: `http://127.0.0.1:${minimal.port}/index.html`,
        pbx: bed.pbx.info,
        dayData,
      }

      const loads: Record<Variant, ColdLoad[]> = { minimal: [], parley: [], 'parley-data': [] }
      for (let round = 0; round <= roundsRun; round++) {
        for (const variant of variants) {
          const load = await coldLoad(variant, setup, round)
          if (round > 0) loads[variant].push(load)
        }
      }
      const registered = (variant: Variant) => median(loads[variant].map((l) => l.registeredMs))
      const rendererDir = join(bed.runDir, 'renderer')
      const loadFiguresAll: BenchFigure[] = [
        ...variants.flatMap((variant) => loadFigures(variant, loads[variant])),
        {
          name: 'ratio page load → Registered, Parley / minimal',
          ms: registered('parley') / registered('minimal'),
          unit: '×',
          target: 1,
        },
        {
          name: "ratio page load → Registered, Parley + a day's data / minimal",
          ms: registered('parley-data') / registered('minimal'),
          unit: '×',
          target: 1,
        },
        {
          name: 'renderer gzip loaded before Registered, Parley',
          ms: gzipKb(rendererDir, loads.parley[0]?.fetched ?? []),
          unit: 'kB',
          target: 150,
        },
        {
          name: 'gzip loaded before Registered, minimal SIP.js page',
          ms: gzipKb(minimalDir, loads.minimal[0]?.fetched ?? []),
          unit: 'kB',
        },
      ]
      const ipc = await harnessIpcRoundTrips(setup)
      const traces = variants.flatMap((variant) =>
        traceFigures(
          labels[variant],
          loads[variant].map((load) => load.trace),
        ),
      )
      // Every load's whole trace, for reading one start from end to end.
      const traceFile = process.env.PARLEY_COLD_TRACE_FILE
      if (traceFile) writeFileSync(traceFile, JSON.stringify(loads, null, 1))
      const ipcFigures: BenchFigure[] = [
        { name: 'harness IPC round trip, idle page, socket (window.parley)', ms: ipc.socket },
        { name: "harness IPC round trip, idle page, Playwright's binding (before)", ms: ipc.binding },
      ]
      if (loadsOnly) return [...loadFiguresAll, ...traces, ...ipcFigures]
      const day = await measureDayUse(bed, dayData)
      const mainBlockMs = await mainLoadingMaxBlock(dayData)

      return [
        ...loadFiguresAll,
        {
          name: `contact search (10,000) keystroke → list updated, p95`,
          ms: day.keystrokeListP95,
          target: 8,
        },
        {
          name: `contact search (10,000) keystroke → next frame, p95`,
          ms: day.keystrokeFrameP95,
          target: 16,
        },
        {
          name: 'contact search (10,000) keystroke → next frame, p95, a field no app code listens to (floor)',
          ms: day.inertFrameP95,
        },
        { name: 'screen frame interval, same page', ms: day.frameIntervalMs },
        {
          name: 'contact search (10,000) keystroke → list updated, p95, as timed up to session 10',
          ms: day.keystrokeListP95AsBefore,
        },
        {
          name: 'contact search (10,000) keystroke → next frame, p95, as timed up to session 10',
          ms: day.keystrokeFrameP95AsBefore,
        },
        { name: "INVITE in → ringing visible, a day's data", ms: day.inviteToRinging, target: 10 },
        {
          name: "dial → INVITE on the wire, first call, a day's data",
          ms: day.firstDialToInvite,
          target: 30,
        },
        { name: "dial → INVITE on the wire, later calls, a day's data", ms: day.dialToInvite, target: 30 },
        { name: "dial → call card shown, first call, a day's data", ms: day.firstDialToCard },
        { name: "dial → call card shown, later calls, a day's data", ms: day.dialToCard },
        { name: "longest task during calls, a day's data", ms: day.longestTaskInCalls, target: 50 },
        {
          name: 'main event loop max block, loading 50,000 calls + 10,000 contacts',
          ms: mainBlockMs,
          target: 50,
        },
        ...traces,
        ...ipcFigures,
      ]
    } finally {
      await closeAll(closers)
    }
  },
}

export default coldStartBench
