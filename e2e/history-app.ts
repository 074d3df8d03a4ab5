import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { eventChannels, invokeChannels } from '../contract/ipc'
import type { HistoryEntry } from '../contract/schemas'
import { createHeadlessMain, type HeadlessMain } from '../main/headless'
import { historyFileName } from '../main/history/history-part'
import { accountFor, type TestAccount } from './harness/app'
import { launchUserAgent, pageMediaCounters, type UserAgentBrowser } from './harness/browser'
import { ui } from './harness/ui'
import { eventually } from './harness/wait'

/**
 * `window.parley` as preload shapes it, backed by Playwright's binding (same contract as the
 * harness's bridge: only contract channels pass, `on` returns its unsubscribe).
 */
function restartableBridge(channels: { invoke: string[]; events: string[] }): void {
  type Listener = (payload: unknown) => void
  const allowedInvoke = new Set(channels.invoke)
  const allowedEvents = new Set(channels.events)
  const listeners = new Map<string, Set<Listener>>()
  const w = window as unknown as {
    __historyInvoke(channel: string, request: unknown): Promise<unknown>
    __historyDeliver(event: string, payload: unknown): void
    parley: unknown
  }
  const api = {
    invoke(channel: string, request?: unknown) {
      if (!allowedInvoke.has(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'forbidden', message: `Unknown channel ${channel}` } })
      }
      return w.__historyInvoke(channel, request === undefined ? undefined : JSON.parse(JSON.stringify(request)))
    },
    on(event: string, listener: Listener) {
      if (!allowedEvents.has(event)) return () => undefined
      const set = listeners.get(event) ?? new Set<Listener>()
      listeners.set(event, set)
      set.add(listener)
      return () => void set.delete(listener)
    },
  }
  Object.defineProperty(w, '__historyDeliver', {
    value: (event: string, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) listener(payload)
    },
  })
  Object.defineProperty(w, 'parley', { value: Object.freeze(api), enumerable: true })
}

/**
 * The app under test whose headless main can be stopped and created again over the same data
 * folder (a restart of the app), while the page stays in the same browser and is reloaded.
 */
export class RestartableApp {
  private stopForwarding: () => void = () => undefined

  private constructor(
    readonly ua: UserAgentBrowser,
    private currentMain: HeadlessMain,
    readonly dataDir: string,
    private readonly url: string,
  ) {}

  /** Starts over `dataDir` (a fresh temp folder when omitted); `prepare` runs before main starts. */
  static async start(options: {
    name: string
    account: TestAccount
    dataDir?: string
    prepare?: (dataDir: string) => void
  }): Promise<RestartableApp> {
    expect(inject('rendererBuildError'), 'the renderer must build').toBe('')
    const baseUrl = inject('baseUrl')
    const pbx = inject('pbx')
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `parley-e2e-data-${options.name}-`))
    options.prepare?.(dataDir)
    const main = await createHeadlessMain({ dataDir, rendererUrl: `${baseUrl}/` })
    const saved = await main.dispatch('account:save', {
      account: accountFor(options.account, pbx),
      password: options.account.password ?? pbx.password,
    })
    if (!saved.ok) throw new Error(`could not store the test account: ${JSON.stringify(saved.error)}`)
    const ua = await launchUserAgent(options.name)
    const app = new RestartableApp(ua, main, dataDir, `${baseUrl}/index.html`)
    await ua.context.exposeBinding('__historyInvoke', async (source, channel: string, request: unknown) =>
      app.currentMain.dispatch(channel, request, {
        frameUrl: source.frame.url(),
        isMainFrame: source.frame === source.page.mainFrame(),
      }),
    )
    await ua.context.addInitScript(restartableBridge, {
      invoke: [...invokeChannels],
      events: [...eventChannels],
    })
    app.forwardEvents()
    await ua.page.goto(app.url)
    return app
  }

  get page(): Page {
    return this.ua.page
  }

  get main(): HeadlessMain {
    return this.currentMain
  }

  get historyPath(): string {
    return join(this.dataDir, historyFileName)
  }

  private forwardEvents(): void {
    this.stopForwarding = this.currentMain.events.onAny((event, payload) => {
      void this.page
        .evaluate(
          ([e, p]) =>
            (window as unknown as { __historyDeliver(e: string, p: unknown): void }).__historyDeliver(e, p),
          [event, payload] as const,
        )
        .catch(() => undefined)
    })
  }

  /** Stops main (as quitting the app does), creates it again over the same folder, reloads the page. */
  async restart(): Promise<void> {
    this.stopForwarding()
    await this.currentMain.stop()
    this.currentMain = await createHeadlessMain({ dataDir: this.dataDir, rendererUrl: `${inject('baseUrl')}/` })
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

  /** What main holds (newest first), for the numbers the UI shows rounded. */
  async storedEntries(): Promise<HistoryEntry[]> {
    const result = await this.currentMain.dispatch('history:query', { filter: 'all', search: '', offset: 0, limit: 1000 })
    if (!result.ok) throw new Error(`history:query failed: ${JSON.stringify(result.error)}`)
    return (result.value as { entries: HistoryEntry[] }).entries
  }

  /** Resolves once the app's audio bytes received and sent both grow. */
  async waitForMediaFlowing(): Promise<void> {
    const before = await pageMediaCounters(this.page)
    await eventually(
      'app media flowing both ways',
      () => pageMediaCounters(this.page),
      (now) => now.bytesReceived > before.bytesReceived && now.bytesSent > before.bytesSent,
    )
  }

  async close(options: { keepData?: boolean } = {}): Promise<void> {
    this.stopForwarding()
    await this.ua.close()
    await this.currentMain.stop()
    if (!options.keepData) rmSync(this.dataDir, { recursive: true, force: true })
  }
}
