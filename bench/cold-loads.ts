import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { TestApp } from '../e2e/harness/app'
import { launchUserAgent } from '../e2e/harness/browser'
import { wsUrl, type PbxInfo } from '../e2e/harness/pbx'
import { copyDayData } from './day-data'
import {
  contactListShown,
  fetchedBefore,
  heapAfterGc,
  loadToDialReady,
  loadToRegistered,
  longestTask,
  pageProbe,
} from './page-probe'
import { ipcRoundTrips, readStartTrace, startTraceProbe, type StartTrace } from './start-trace'

/**
 * One cold start: a fresh Chromium profile (empty HTTP cache, no compiled code) loads the page
 * and the bench waits for "Registered". Parley runs with its real headless main over a fresh
 * data folder (with or without a day's data); the minimal page is one SIP.js UserAgent +
 * Registerer. After "Registered" the page is left to settle before the heap is read.
 */
export interface ColdLoad {
  /** page navigation start → "Registered" shown. */
  registeredMs: number
  /** page navigation start → the dial field shown (Parley's main screen); NaN for the minimal page. */
  dialReadyMs: number
  /** Longest main-thread task from navigation start to "Registered" (0: none over 50 ms). */
  longestTaskMs: number
  /** Longest main-thread task from "Registered" to the dial field shown (0: none over 50 ms; NaN: minimal page). */
  longestTaskToDialMs: number
  heapMb: number
  /** URL paths fetched before "Registered" (document, scripts, styles). */
  fetched: string[]
  /** Where the time to "Registered" went (see start-trace.ts). */
  trace: StartTrace
}

export type Variant = 'parley' | 'parley-data' | 'minimal'

export interface ColdLoadSetup {
  baseUrl: string
  minimalUrl: string
  pbx: PbxInfo
  /** Folder holding the day's contacts.json and history.jsonl (see day-data.ts). */
  dayData: string
}

const users: Record<Variant, string> = { parley: '7201', 'parley-data': '7202', minimal: '7203' }
/** Time given to the page after "Registered" (contacts and history arrive) before the heap is read. */
const settleMs = 700

/**
 * With a day's data the heap is read once the address book is listed (loaded and indexed), not
 * at a fixed time: on a busy machine the contacts were still arriving 700 ms after
 * "Registered", and a heap read mid-load understated the day's heap by several MB.
 */
const dataShown = (page: Page) => contactListShown(page)

async function measure(
  page: Page,
  options: { loaded?: (page: Page) => Promise<void>; hasDialField: boolean },
): Promise<ColdLoad> {
  const registeredMs = await loadToRegistered(page)
  const longestTaskMs = await longestTask(page, 0, registeredMs)
  const fetched = await fetchedBefore(page, registeredMs)
  const trace = await readStartTrace(page, registeredMs)
  const dialReadyMs = options.hasDialField ? await loadToDialReady(page) : Number.NaN
  // A task that began before the dial field was in the document and ran on is counted whole.
  const longestTaskToDialMs = options.hasDialField
    ? await longestTask(page, registeredMs, dialReadyMs)
    : Number.NaN
  await options.loaded?.(page)
  await page.waitForTimeout(settleMs)
  return {
    registeredMs,
    dialReadyMs,
    longestTaskMs,
    longestTaskToDialMs,
    heapMb: await heapAfterGc(page),
    fetched,
    trace,
  }
}

export async function coldLoad(variant: Variant, setup: ColdLoadSetup, round: number): Promise<ColdLoad> {
  const name = `cold-${variant}-${round}`
  if (variant === 'minimal') {
    const ua = await launchUserAgent(name)
    try {
      await ua.context.addInitScript(pageProbe)
      await ua.context.addInitScript(startTraceProbe)
      const query = new URLSearchParams({
        ws: wsUrl(setup.pbx),
        user: users.minimal,
        domain: setup.pbx.domain,
        password: setup.pbx.password,
      })
      await ua.page.goto(`${setup.minimalUrl}?${query.toString()}`)
      return await measure(ua.page, { hasDialField: false })
    } finally {
      await ua.close()
    }
  }
  const app = await TestApp.start({
    name,
    baseUrl: setup.baseUrl,
    pbx: setup.pbx,
    account: { user: users[variant] },
    ...(variant === 'parley-data' ? { prepare: (dir: string) => copyDayData(setup.dayData, dir) } : {}),
    beforeLoad: async (ua) => {
      await ua.context.addInitScript(pageProbe)
      await ua.context.addInitScript(startTraceProbe)
    },
  })
  try {
    return await measure(app.page, {
      hasDialField: true,
      ...(variant === 'parley-data' ? { loaded: dataShown } : {}),
    })
  } finally {
    await app.close()
  }
}

/** Gzip size in kB of the fetched files that exist under `root` (what loaded before "Registered"). */
export function gzipKb(root: string, paths: readonly string[]): number {
  let bytes = 0
  for (const path of new Set(paths)) {
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path)
    try {
      bytes += gzipSync(readFileSync(file)).length
    } catch {
      // not one of our files (e.g. favicon): nothing to count
    }
  }
  return bytes / 1024
}

/** The harness's IPC round trips (socket vs Playwright's binding) in one registered, idle Parley. */
export async function harnessIpcRoundTrips(
  setup: ColdLoadSetup,
): Promise<{ socket: number; binding: number }> {
  const app = await TestApp.start({
    name: 'ipc-round-trips',
    baseUrl: setup.baseUrl,
    pbx: setup.pbx,
    account: { user: users.parley },
  })
  try {
    await app.waitRegistered()
    return await ipcRoundTrips(app.page)
  } finally {
    await app.close()
  }
}
