import type { Page } from 'playwright-core'
import { until } from './page-probe'
import { median, type BenchFigure } from './suite'

/**
 * Where a cold start's time goes (issue 14), read the same way from Parley and the minimal
 * SIP.js page. An init script (runs before the page's scripts) watches the page's WebSocket:
 * created, open, each REGISTER sent, each answer to REGISTER; and the first animation frame
 * after "Registered" is in the DOM (the frame that paints it). The document and every script
 * come from Resource Timing; the account IPC round trips from the harness's bridge
 * (`__parleyIpcTimes`, Parley only); code evaluation from the renderer's own User Timing marks
 * (`parley:*`, Parley only). All times are ms from the page's navigation start.
 */
export interface StartTrace {
  htmlReceived: number
  /** Each script or style fetched before "Registered": file name, request start, response end. */
  files: Array<{ name: string; start: number; end: number }>
  /** Each IPC invoke before "Registered" (Parley): channel, sent, answered. */
  ipc: Array<{ channel: string; sent: number; answered: number }>
  /** User Timing marks (Parley's renderer: parley:entry, parley:boot, …). */
  marks: Record<string, number>
  wsCreated: number
  wsOpen: number
  /** Each REGISTER sent and each final or challenge answer to one, in order. */
  registerSent: number[]
  registerAnswered: Array<{ status: number; at: number }>
  registeredDom: number
  registeredFrame: number
  /** Main-thread tasks over 50 ms before "Registered" (from page-probe.ts, when it runs). */
  longTasks: Array<{ start: number; duration: number }>
}

interface TraceMarks {
  wsCreated: number
  wsOpen: number
  registerSent: number[]
  registerAnswered: Array<{ status: number; at: number }>
  registeredFrame: number
}

/**
 * The trace's init script. It costs the page only while the page starts: once the frame that
 * paints "Registered" is seen it lets go of what it holds (the observer is disconnected, later
 * sockets are the page's own WebSocket again, the first socket's messages are no longer read),
 * so the heap and the timings the bench reads after "Registered" are the page's, not the
 * probe's. The trace is read with plain evaluations (readStartTrace) for the same reason.
 */
export function startTraceProbe(): void {
  const trace: TraceMarks = {
    wsCreated: Number.NaN,
    wsOpen: Number.NaN,
    registerSent: [],
    registerAnswered: [],
    registeredFrame: Number.NaN,
  }
  const NativeWebSocket = window.WebSocket
  let release = () => {}
  let tracing = true
  class TracedWebSocket extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      if (Number.isNaN(trace.wsCreated)) {
        trace.wsCreated = performance.now()
        const opened = () => (trace.wsOpen = performance.now())
        const answered = (event: MessageEvent) => {
          const text = typeof event.data === 'string' ? event.data : ''
          const status = /^SIP\/2\.0 (\d{3})/.exec(text)
          if (status && /\r\nCSeq:\s*\d+\s+REGISTER\r\n/i.test(text))
            trace.registerAnswered.push({ status: Number(status[1]), at: performance.now() })
        }
        this.addEventListener('open', opened, { once: true })
        this.addEventListener('message', answered)
        release = () => {
          this.removeEventListener('open', opened)
          this.removeEventListener('message', answered)
        }
      }
    }
    override send(data: Parameters<WebSocket['send']>[0]): void {
      if (tracing && typeof data === 'string' && data.startsWith('REGISTER '))
        trace.registerSent.push(performance.now())
      super.send(data)
    }
  }
  window.WebSocket = TracedWebSocket
  const watch = new MutationObserver(() => {
    const status = document.querySelector('[role="status"][aria-label="Registration"]')
    if (!status?.textContent?.trim().startsWith('Registered')) return
    watch.disconnect()
    requestAnimationFrame(() => {
      trace.registeredFrame = performance.now()
      tracing = false
      release()
      release = () => {}
      if (window.WebSocket === TracedWebSocket) window.WebSocket = NativeWebSocket
    })
  })
  watch.observe(document, { subtree: true, childList: true, characterData: true })
  Object.defineProperty(window, '__parleyStartTrace', { value: trace })
}

/** The trace of the page's start, once "Registered" was shown at `registeredMs` (page clock). */
export async function readStartTrace(page: Page, registeredMs: number): Promise<StartTrace> {
  // Polled with plain evaluations, not page.waitForFunction: that loads Playwright's injected
  // script (its selector engine, ~0.5 MB of heap) into the page, and the heap is read after.
  await until(
    'the frame that paints "Registered"',
    async () =>
      (await page.evaluate(
        () =>
          !Number.isNaN(
            (window as unknown as { __parleyStartTrace: TraceMarks }).__parleyStartTrace.registeredFrame,
          ),
      )) || undefined,
  )
  return page.evaluate((registeredDom) => {
    const w = window as unknown as {
      __parleyStartTrace: TraceMarks
      __parleyIpcTimes?: Array<{ channel: string; sent: number; answered: number }>
      __parleyBench?: { longTasks: Array<{ start: number; duration: number }> }
    }
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
    const files = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.startTime <= registeredDom && /\.(js|css)$/.test(new URL(entry.name).pathname))
      .map((entry) => ({
        name: new URL(entry.name).pathname.split('/').at(-1) ?? '',
        start: entry.startTime,
        end: entry.responseEnd,
      }))
    const marks: Record<string, number> = {}
    for (const mark of performance.getEntriesByType('mark'))
      if (mark.name.startsWith('parley:')) marks[mark.name] = mark.startTime
    return {
      ...w.__parleyStartTrace,
      htmlReceived: navigation?.responseEnd ?? Number.NaN,
      files,
      ipc: (w.__parleyIpcTimes ?? []).filter((call) => call.sent <= registeredDom),
      marks,
      registeredDom,
      longTasks: (w.__parleyBench?.longTasks ?? []).filter((task) => task.start < registeredDom),
    }
  }, registeredMs)
}

const medianOf = (traces: readonly StartTrace[], read: (trace: StartTrace) => number | undefined) =>
  median(traces.map(read).filter((value): value is number => value !== undefined && Number.isFinite(value)))

/** A built file's name without its content hash: boot-Cq3x9aZ1.js → boot.js. */
const unhashed = (name: string) => name.replace(/-[\w-]{8}\.(js|css)$/, '.$1')

const accountChannels = new Set(['account:get', 'account:password'])

/**
 * The trace's stages as bench figures (medians over the loads, ms from navigation start unless
 * the name says "→" or "round trip"), under stable names: "start trace, <page>: <stage>".
 */
export function traceFigures(label: string, traces: readonly StartTrace[]): BenchFigure[] {
  const at = (stage: string, read: (trace: StartTrace) => number | undefined): BenchFigure => ({
    name: `start trace, ${label}: ${stage}`,
    ms: medianOf(traces, read),
  })
  const lastScript = (trace: StartTrace) =>
    Math.max(...trace.files.filter((file) => file.name.endsWith('.js')).map((file) => file.end))
  const registered = (t: StartTrace) => t.registerAnswered.find((answer) => answer.status === 200)?.at
  const figures = [at('HTML received', (t) => t.htmlReceived)]
  const files = new Map<string, number>()
  for (const trace of traces)
    for (const file of trace.files) files.set(unhashed(file.name), (files.get(unhashed(file.name)) ?? 0) + 1)
  for (const [file, loads] of files)
    if (loads * 2 > traces.length)
      figures.push(at(`${file} received`, (t) => t.files.find((f) => unhashed(f.name) === file)?.end))
  figures.push(at('all scripts received', lastScript))
  const account = (t: StartTrace) => t.ipc.filter((call) => accountChannels.has(call.channel))
  if (traces.some((t) => account(t).length > 0)) {
    figures.push(
      at('entry evaluated (parley:entry)', (t) => t.marks['parley:entry']),
      at('account IPC sent', (t) => account(t)[0]?.sent),
      at('account IPC answered', (t) => Math.max(...account(t).map((call) => call.answered))),
      at('account IPC round trip', (t) => Math.max(...account(t).map((call) => call.answered - call.sent))),
      at('IPC invokes before Registered', (t) => t.ipc.length),
      at('phone evaluated (parley:phone-evaluated)', (t) => t.marks['parley:phone-evaluated']),
      at('start view evaluated (parley:start-view-evaluated)', (t) => t.marks['parley:start-view-evaluated']),
      at('start view mounted (parley:start-view-mounted)', (t) => t.marks['parley:start-view-mounted']),
      at('renderer evaluated (parley:boot-evaluated)', (t) => t.marks['parley:boot-evaluated']),
      at('state started (parley:started)', (t) => t.marks['parley:started']),
      at('window mounted (parley:mounted)', (t) => t.marks['parley:mounted']),
    )
  }
  figures.push(
    at('WebSocket created', (t) => t.wsCreated),
    at('WebSocket open', (t) => t.wsOpen),
    at('first REGISTER sent', (t) => t.registerSent[0]),
    at('REGISTER 200 OK received', registered),
    at('Registered in the DOM', (t) => t.registeredDom),
    at('Registered painted (its frame)', (t) => t.registeredFrame),
    at('WebSocket created → Registered in the DOM', (t) => t.registeredDom - t.wsCreated),
    // what the page does with the answer before the user sees it (issue 14)
    at('REGISTER 200 OK → Registered in the DOM', (t) => t.registeredDom - (registered(t) ?? NaN)),
    at('REGISTER 200 OK → Registered painted', (t) => t.registeredFrame - (registered(t) ?? NaN)),
  )
  return figures
}

/**
 * The harness's IPC round trip in one idle Parley page, both ways it has (median of `times`
 * invokes of `preferences:get` each, alternated): the page's socket (what window.parley
 * uses in the main frame, see e2e/harness/ipc-socket.ts) and Playwright's binding (used before,
 * and still by sub-frames). Electron's IPC takes ~1 ms for the same.
 */
export async function ipcRoundTrips(page: Page, times = 21): Promise<{ socket: number; binding: number }> {
  return page.evaluate(async (count) => {
    const w = window as unknown as {
      parley: { invoke(channel: string, request?: unknown): Promise<unknown> }
      __parleyInvoke(channel: string, request: unknown): Promise<unknown>
    }
    // Alternated, so both ways see the page in the same state (it may still be settling).
    const socket: number[] = []
    const binding: number[] = []
    const time = async (samples: number[], invoke: () => Promise<unknown>) => {
      const started = performance.now()
      await invoke()
      samples.push(performance.now() - started)
    }
    for (let i = 0; i < count; i++) {
      await time(socket, () => w.parley.invoke('preferences:get'))
      await time(binding, () => w.__parleyInvoke('preferences:get', undefined))
    }
    const middle = (samples: number[]) => samples.sort((a, b) => a - b)[Math.floor(count / 2)] as number
    return { socket: middle(socket), binding: middle(binding) }
  }, times)
}
