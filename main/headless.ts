import { startSourceImportWorker } from './testing/source-import-worker'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EventChannel, EventMap } from '../contract/ipc'
import type { Result } from '../contract/result'
import { ClickToCall } from './app/click-to-call'
import { createMainServices, type MainServices } from './compose'
import type { SafeStorageAdapter } from './credentials/safe-storage'
import { FakeSafeStorage } from './testing/fake-safe-storage'
import { createDispatcher } from './ipc/dispatcher'
import { EventBus } from './ipc/event-bus'
import type { IpcSender } from './ipc/handlers'
import { createTrustedSenderCheck } from './ipc/trusted-sender'
import { FileLogger } from './log/file-logger'
import { MemoryLogger, type LevelledLogger } from './log/logger'
import { Redactor } from './log/redact'
import { runtimeVersions } from './log/versions'
import { sharedParts, type PartFactory } from './parts'
import { loadPolicy, parsePolicy, type PolicyLoad } from './policy/admin-policy'
import { JsonFileSettingsBackend, settingsFileName } from './settings/backend'
import { openSettings } from './settings/open-settings'
import { nodeTlsExplain } from './tls/node-tls'

export interface HeadlessMainOptions {
  /** Folder for settings.json and credentials.json (a fresh temp dir per test). */
  dataDir: string
  /** Defaults to FakeSafeStorage(true): reversible, not plain text, not real encryption. */
  safeStorage?: SafeStorageAdapter
  /**
   * Admin policy: a path to a policy.json file, or its JSON text as an object (validated the
   * same way as the file). Omitted: no policy.
   */
  policy?: { file: string } | { json: unknown }
  /** For `tls:explain`: an extra CA to trust and host names to reach at other addresses (e2e). */
  tls?: { caFile?: string; hosts?: Record<string, string> }
  /**
   * URL the renderer is served from (e2e: the 127.0.0.1 server). Requests whose sender frame
   * is on another origin are refused, as in Electron. Default http://127.0.0.1/.
   */
  rendererUrl?: string
  /** Parts to run; defaults to sharedParts (main/parts.ts). */
  parts?: readonly PartFactory[]
  /** Where lines go when there is no logDir; defaults to a MemoryLogger. */
  logger?: LevelledLogger
  /** Write a real log file here (parley.log, debug level), as the app does in its log folder. */
  logDir?: string
  /** Where "Save diagnostics…" writes (the app asks with a save dialog). Default: in dataDir. */
  diagnosticsPath?: string
  /** The OS locales main's texts follow when the language preference is "system". Default: none (English). */
  systemLocales?: readonly string[]
}

export interface HeadlessMain {
  /**
   * The real dispatcher: channel, payload, and the sending frame (defaults to the renderer's
   * main frame at rendererUrl). Always resolves to a Result, never rejects.
   */
  dispatch(channel: string, payload?: unknown, sender?: IpcSender): Promise<Result<unknown>>
  events: {
    on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void
    /** Every event, for forwarding to a page: (event, payload). */
    onAny(listener: <E extends EventChannel>(event: E, payload: EventMap[E]) => void): () => void
    emit<E extends EventChannel>(event: E, payload: EventMap[E]): void
  }
  /**
   * What the OS does when the user clicks a tel:/sip:/callto: link: the real parser runs and a
   * valid link emits 'dial-request'. Returns false (and emits nothing) for a refused link.
   */
  openLink(link: string): boolean
  /** Times the window was asked to show ('window:show', or a click-to-call link). */
  readonly windowShowCount: number
  services: MainServices
  logger: LevelledLogger
  settingsPath: string
  stop(): Promise<void>
}

function resolvePolicy(option: HeadlessMainOptions['policy']): PolicyLoad {
  if (!option) return { status: 'absent', path: '(none)', policy: { values: {}, locked: [] } }
  if ('file' in option) return loadPolicy(option.file, { readFile: (path) => readFileSync(path, 'utf8') })
  return parsePolicy(JSON.stringify(option.json), '(test policy)')
}

/**
 * Main without Electron: the same services, handlers and dispatcher as main/index.ts, on
 * Node-only backends. The e2e harness backs `window.parley` with `dispatch` and `events`.
 */
export async function createHeadlessMain(options: HeadlessMainOptions): Promise<HeadlessMain> {
  const file = options.logDir ? new FileLogger({ dir: options.logDir, level: 'debug' }) : null
  file?.start()
  const logger = file ?? options.logger ?? new MemoryLogger()
  const redactor = file?.redactor ?? new Redactor()
  const rendererUrl = options.rendererUrl ?? 'http://127.0.0.1/'
  const settingsPath = join(options.dataDir, settingsFileName)
  const settings = openSettings(settingsPath, () => new JsonFileSettingsBackend(settingsPath), logger)
  const events = new EventBus(logger)
  let windowShowCount = 0
  const services = createMainServices({
    dataDir: options.dataDir,
    systemLocales: () => options.systemLocales ?? [],
    settingsBackend: settings.backend,
    settingsNotices: settings.notices,
    safeStorage: options.safeStorage ?? new FakeSafeStorage(true),
    policy: resolvePolicy(options.policy),
    events,
    logger,
    redactor,
    logDir: options.logDir ?? join(options.dataDir, 'logs'),
    diagnostics: {
      chooseTarget: async (name) => options.diagnosticsPath ?? join(options.dataDir, name),
      versions: () => runtimeVersions('headless'),
      logFiles: () => file?.files() ?? [],
    },
    window: {
      show: () => {
        windowShowCount++
        return true
      },
    },
    tls: nodeTlsExplain(options.tls),
    parts: options.parts ?? sharedParts,
    // Headless main runs from source (tests, e2e, demo, bench): the worker is the .ts file.
    startImportWorker: startSourceImportWorker,
  })
  const dispatcher = createDispatcher(services.handlers, {
    isTrustedSender: createTrustedSenderCheck({ rendererUrl }),
    logger,
  })
  await services.start()
  const defaultSender: IpcSender = { frameUrl: rendererUrl, isMainFrame: true }
  const clickToCall = new ClickToCall(events, logger, () => windowShowCount++)
  return {
    dispatch: (channel, payload, sender = defaultSender) => dispatcher(channel, payload, sender),
    events: {
      on: (event, listener) => events.on(event, listener),
      onAny: (listener) => events.onAny(listener),
      emit: (event, payload) => events.emit(event, payload),
    },
    openLink: (link) => clickToCall.handleLink(link),
    get windowShowCount() {
      return windowShowCount
    },
    services,
    logger,
    settingsPath,
    stop: async () => {
      await services.stop()
      file?.stop()
    },
  }
}
