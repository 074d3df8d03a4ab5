import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { Page } from 'playwright-core'
import { eventChannels, invokeChannels } from '../../contract/ipc'
import { startUpChannels, startUpKeepMs } from '../../contract/channels'
import type { Account } from '../../contract/schemas'
import { createHeadlessMain, type HeadlessMain, type HeadlessMainOptions } from '../../main/headless'
import { launchUserAgent, pageMediaCounters, type MediaCounters, type UserAgentBrowser } from './browser'
import { wsUrl, type PbxInfo } from './pbx'
import { ui } from './ui'
import { TLS_HOST } from './certs'

type TlsTrust = { caFile: string; hosts: Record<string, string> }
import { eventually } from './wait'
import { startIpcSocket, type IpcSocket } from './ipc-socket'

/**
 * Runs in the app page before its scripts: `window.parley` exactly as preload shapes it (only
 * contract channels pass, `on` returns its unsubscribe, the start-up answers are asked at
 * once). In place of Electron's IPC: in the
 * main frame, one WebSocket to this process (ipc-socket.ts: invokes, answers and main's events
 * in one ordered stream, as Electron's IPC is); in sub-frames, Playwright's binding. Events
 * pushed by a test arrive through `__parleyDeliver`.
 */
function parleyBridge(channels: {
  invoke: string[]
  events: string[]
  startUp: readonly string[]
  startUpKeepMs: number
  socket: string
}): void {
  type Listener = (payload: unknown) => void
  const allowedInvoke = new Set(channels.invoke)
  const allowedEvents = new Set(channels.events)
  const listeners = new Map<string, Set<Listener>>()
  // Each invoke's round trip in the page's clock, for the bench's start-up trace.
  const ipcTimes: Array<{ channel: string; sent: number; answered: number }> = []
  Object.defineProperty(window, '__parleyIpcTimes', { value: ipcTimes })
  const w = window as unknown as {
    __parleyInvoke(channel: string, request: unknown): Promise<unknown>
    __parleyDeliver(event: string, payload: unknown): void
    parley: unknown
  }
  const deliver = (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload)
  }
  let viaSocket: ((channel: string, request: unknown) => Promise<unknown>) | null = null
  if (window === window.top) {
    // Opened as the document starts, as Electron's IPC is there before the page's scripts.
    const socket = new WebSocket(channels.socket)
    const waiting = new Map<number, { resolve(answer: unknown): void; reject(error: Error): void }>()
    const unsent: string[] = []
    let nextId = 1
    socket.onopen = () => unsent.splice(0).forEach((message) => socket.send(message))
    socket.onmessage = (message: MessageEvent<string>) => {
      const data = JSON.parse(message.data) as {
        id?: number
        answer?: unknown
        event?: string
        payload?: unknown
      }
      if (data.id === undefined) deliver(data.event ?? '', data.payload)
      else {
        waiting.get(data.id)?.resolve(data.answer)
        waiting.delete(data.id)
      }
    }
    socket.onclose = () => {
      for (const call of waiting.values()) call.reject(new Error('IPC closed'))
      waiting.clear()
    }
    viaSocket = (channel, request) =>
      new Promise((resolve, reject) => {
        const id = nextId++
        waiting.set(id, { resolve, reject })
        const message = JSON.stringify({ id, channel, request })
        if (socket.readyState === WebSocket.OPEN) socket.send(message)
        else unsent.push(message)
      })
  }
  const invokeMain = (channel: string, request?: unknown) => {
    const sent = performance.now()
    const copy = request === undefined ? undefined : JSON.parse(JSON.stringify(request))
    // The answer as Electron's IPC hands it over, a fresh copy: Playwright's transport builds
    // every array by push (17 slots for a contact's 2 numbers), which alone added 0.8 MB to the
    // heap of a window holding 10,000 contacts (bench/heap-breakdown.ts).
    const answer = viaSocket
      ? viaSocket(channel, copy)
      : w.__parleyInvoke(channel, copy).then((value) => structuredClone(value))
    return answer.then((value) => {
      ipcTimes.push({ channel, sent, answered: performance.now() })
      return value
    })
  }
  // As preload/index.ts does, in the main frame (the only one preload runs in): the contract's
  // start-up answers asked as the document starts, each handed to the first ask of its channel
  // (with no request) until the page asks main anything itself or startUpKeepMs has passed.
  // Kept as outcomes (a refusal is no unhandled rejection while it waits); one nobody took is
  // reported once on the console when dropped.
  type Outcome = { value: unknown } | { error: unknown }
  const startUpAnswers = new Map<string, Promise<Outcome>>()
  const dropStartUpAnswers = () => {
    for (const [channel, answer] of startUpAnswers)
      void answer.then((outcome) => {
        if ('error' in outcome)
          console.warn(`preload: main did not answer ${channel} at start`, outcome.error)
      })
    startUpAnswers.clear()
  }
  if (viaSocket) {
    for (const channel of channels.startUp) {
      startUpAnswers.set(
        channel,
        invokeMain(channel).then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        ),
      )
    }
    setTimeout(dropStartUpAnswers, channels.startUpKeepMs)
  }
  const api = {
    invoke(channel: string, request?: unknown) {
      if (!allowedInvoke.has(channel)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'forbidden', message: `Unknown channel ${channel}` },
        })
      }
      const kept = request === undefined ? startUpAnswers.get(channel) : undefined
      if (kept) {
        startUpAnswers.delete(channel)
        return kept.then((outcome) => ('error' in outcome ? Promise.reject(outcome.error) : outcome.value))
      }
      dropStartUpAnswers()
      return invokeMain(channel, request)
    },
    on(event: string, listener: Listener) {
      if (!allowedEvents.has(event)) return () => undefined
      const set = listeners.get(event) ?? new Set<Listener>()
      listeners.set(event, set)
      set.add(listener)
      return () => void set.delete(listener)
    },
  }
  Object.defineProperty(w, '__parleyDeliver', { value: deliver })
  Object.defineProperty(w, 'parley', { value: Object.freeze(api), enumerable: true })
}

export interface TestAccount {
  user: string
  /** The server address; the test PBX's ws:// one when omitted. */
  wsServer?: string
  displayName?: string
  password?: string
}

export interface TestAppOptions {
  name: string
  baseUrl: string
  pbx: PbxInfo
  /** Stored before the page loads (as if the user had signed in before); omitted: login screen. */
  account?: TestAccount
  /** The browser trusts the test PBX's CA and resolves its host name (for wss://). */
  trustTestCa?: boolean
  /** Runs on the fresh data folder before main starts (e.g. to plant a damaged file). */
  prepare?: (dataDir: string) => void
  /** Main writes its log file (parley.log) in a folder of its own under this one. */
  logRoot?: string
  /** Runs on the fresh browser before the page loads (e.g. the bench's own init scripts). */
  beforeLoad?: (ua: UserAgentBrowser) => Promise<unknown>
  /** The browser's language (navigator.language); English when omitted. */
  locale?: string
  /** The admin policy headless main reads (as policy.json would give it); omitted: none. */
  policy?: HeadlessMainOptions['policy']
}

/** What main is created from, again on each restart. */
interface MainSetup {
  baseUrl: string
  logDir: string | undefined
  systemLocales: readonly string[]
  tls: TlsTrust | undefined
  policy: HeadlessMainOptions['policy']
}

/**
 * The app under test: the built renderer in Chromium, with `window.parley` backed by the real
 * main-process handlers (createHeadlessMain) running in this Node process. `restart()` stops
 * main and creates it again over the same data folder, as quitting and starting the app does.
 */
export class TestApp {
  private stopForwarding: () => void = () => undefined

  private constructor(
    readonly ua: UserAgentBrowser,
    /** Main as it is now (replaced by restart()); the IPC socket reads it on each call. */
    private readonly mainNow: { main: HeadlessMain },
    readonly dataDir: string,
    private readonly setup: MainSetup,
    private readonly ipc: IpcSocket,
  ) {}

  private get currentMain(): HeadlessMain {
    return this.mainNow.main
  }

  /** Main's log folder (parley.log, sip-trace.log): headless main's default when no logRoot. */
  get logFolder(): string {
    return this.setup.logDir ?? join(this.dataDir, 'logs')
  }

  /** Where "Save diagnostics…" writes (the app asks with a save dialog instead). */
  get diagnosticsPath(): string {
    return join(this.dataDir, 'diagnostics.txt')
  }

  private static createMain(dataDir: string, setup: MainSetup): Promise<HeadlessMain> {
    const { baseUrl, logDir, systemLocales, tls, policy } = setup
    return createHeadlessMain({
      dataDir,
      // The computer's language: Electron's main and window both read it from the OS.
      systemLocales,
      ...(tls ? { tls } : {}),
      rendererUrl: `${baseUrl}/`,
      diagnosticsPath: join(dataDir, 'diagnostics.txt'),
      ...(logDir ? { logDir } : {}),
      ...(policy ? { policy } : {}),
    })
  }

  static async start(options: TestAppOptions): Promise<TestApp> {
    const dataDir = mkdtempSync(join(tmpdir(), `parley-e2e-data-${options.name}-`))
    options.prepare?.(dataDir)
    const logDir = options.logRoot ? join(options.logRoot, basename(dataDir)) : undefined
    const systemLocales = [options.locale ?? 'en-GB']
    const caFile = options.pbx.tls?.caFile
    // Main trusts what the test browser trusts and reaches the test host name as it does.
    const tls = options.trustTestCa && caFile ? { caFile, hosts: { [TLS_HOST]: '127.0.0.1' } } : undefined
    const setup: MainSetup = { baseUrl: options.baseUrl, logDir, systemLocales, tls, policy: options.policy }
    const main = await TestApp.createMain(dataDir, setup)
    if (options.account) {
      const saved = await main.dispatch('account:save', {
        account: accountFor(options.account, options.pbx),
        password: options.account.password ?? options.pbx.password,
      })
      if (!saved.ok) throw new Error(`could not store the test account: ${JSON.stringify(saved.error)}`)
    }
    const ua = await launchUserAgent(options.name, {
      ...(options.trustTestCa && caFile ? { trustCaFile: caFile } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    })
    const mainNow = { main }
    const socket = await startIpcSocket((channel, request, sender) =>
      mainNow.main.dispatch(channel, request, sender),
    )
    const app = new TestApp(ua, mainNow, dataDir, setup, socket)
    await ua.context.exposeBinding('__parleyInvoke', async (source, channel: string, request: unknown) =>
      app.currentMain.dispatch(channel, request, {
        frameUrl: source.frame.url(),
        isMainFrame: source.frame === source.page.mainFrame(),
      }),
    )
    await ua.context.addInitScript(parleyBridge, {
      invoke: [...invokeChannels],
      events: [...eventChannels],
      startUp: startUpChannels,
      startUpKeepMs,
      socket: socket.url,
    })
    app.forwardEvents()
    await options.beforeLoad?.(ua)
    await app.load()
    return app
  }

  get main(): HeadlessMain {
    return this.currentMain
  }

  private forwardEvents(): void {
    // Main's events take the page's IPC socket once it is open, in order with invoke answers.
    this.stopForwarding = this.currentMain.events.onAny((event, payload) => {
      if (!this.ipc.send(event, payload)) void this.deliver(event, payload)
    })
  }

  /** Stops main (as quitting the app does), creates it again over the same folder, reloads the page. */
  async restart(): Promise<void> {
    this.stopForwarding()
    await this.currentMain.stop()
    this.mainNow.main = await TestApp.createMain(this.dataDir, this.setup)
    this.forwardEvents()
    await this.page.reload()
  }

  async waitRegistered(): Promise<void> {
    await eventually(
      'registered',
      () => ui.registration(this.page).textContent(),
      (text) => /^\s*Registered/.test(text ?? ''),
    )
  }

  get page(): Page {
    return this.ua.page
  }

  async load(): Promise<void> {
    await this.page.goto(`${this.setup.baseUrl}/index.html`)
  }

  /** Pushes a main-process event to the page (as webContents.send would). */
  async deliver(event: string, payload: unknown): Promise<void> {
    await this.page
      .evaluate(
        ([e, p]) =>
          (window as unknown as { __parleyDeliver(e: string, p: unknown): void }).__parleyDeliver(e, p),
        [event, payload] as const,
      )
      .catch(() => undefined)
  }

  media(): Promise<MediaCounters> {
    return pageMediaCounters(this.page)
  }

  /** Resolves once the app's audio bytes received and sent both grow. */
  async waitForMediaFlowing(timeoutMs = 15_000): Promise<{ before: MediaCounters; after: MediaCounters }> {
    const before = await this.media()
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const after = await this.media()
      if (after.bytesReceived > before.bytesReceived && after.bytesSent > before.bytesSent)
        return { before, after }
      if (Date.now() > deadline)
        throw new Error(`app media not flowing: ${JSON.stringify({ before, after })}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }

  /**
   * Resolves once no audio packet arrived during a whole `quietMs` window (e.g. while the
   * other side holds or is held with recvonly); throws if audio keeps arriving.
   */
  async waitForNoIncomingMedia(quietMs = 400, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    let last = (await this.media()).packetsReceived
    for (;;) {
      await new Promise((r) => setTimeout(r, quietMs))
      const now = (await this.media()).packetsReceived
      if (now === last) return
      if (Date.now() > deadline)
        throw new Error(`app still receives audio (${now - last} packets in ${quietMs} ms)`)
      last = now
    }
  }

  async close(): Promise<void> {
    this.stopForwarding()
    await this.ua.close()
    await this.ipc.close()
    await this.currentMain.stop()
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}

export function accountFor(account: TestAccount, pbx: PbxInfo): Account {
  return {
    displayName: account.displayName ?? account.user,
    sipAddress: `${account.user}@${pbx.domain}`,
    authUser: '',
    wsServer: account.wsServer ?? wsUrl(pbx),
    outboundProxy: '',
    iceServers: [],
    voicemailNumber: '555',
    region: 'SE',
  }
}
