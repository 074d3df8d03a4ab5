import type { StartImportWorker } from './contacts/import-runner'
import { join } from 'node:path'
import { message, render, type Message } from '../contract/i18n'
import { resolveLanguage, type Language } from '../contract/i18n/language'
import type { Preferences } from '../contract/schemas'
import { AccountService } from './account/account-service'
import { CredentialStore } from './credentials/credential-store'
import { parseIceSecrets } from './credentials/ice-secrets'
import type { SafeStorageAdapter } from './credentials/safe-storage'
import type { EventBus } from './ipc/event-bus'
import { composeHandlersAtRuntime, type InvokeHandlers } from './ipc/handlers'
import { diagnosticsPart, type DiagnosticsPorts } from './log/diagnostics-part'
import { logPart } from './log/log-part'
import type { LevelledLogger } from './log/logger'
import type { Redactor } from './log/redact'
import { sipTrace } from './log/sip-trace-part'
import { CallSignals } from './notifications/call-signals'
import type { MainPart, PartFactory } from './parts'
import { policyNotice, type PolicyLoad } from './policy/admin-policy'
import type { SettingsBackend } from './settings/backend'
import { SettingsService } from './settings/settings-service'
import { statusPart } from './status/status-part'
import { windowHandlers, type WindowControls } from './window/window-part'
import { defineHandlers } from './ipc/handlers'
import { explainTlsFailure, type TlsExplainDeps } from './tls/tls-explain'

export interface MainServicesOptions {
  dataDir: string
  settingsBackend: SettingsBackend
  /** Start-up notices about the settings file itself (e.g. it was set aside). */
  settingsNotices?: readonly Message[]
  safeStorage: SafeStorageAdapter
  policy: PolicyLoad
  events: EventBus
  logger: LevelledLogger
  /** The log's redactor: told the password, and applied to the diagnostics bundle. */
  redactor: Redactor
  /** The log folder: the SIP trace (when switched on) is written there. */
  logDir: string
  /** Save target, versions and log files for "Save diagnostics…". */
  diagnostics: Omit<DiagnosticsPorts, 'redactor'>
  window: WindowControls
  /** How main explains a refused wss:// certificate (`tls:explain`): node:tls and the CAs. */
  tls: TlsExplainDeps
  parts: readonly PartFactory[]
  /** The OS's preferred locales (Electron's app.getLocale()); asked each time, never read here. */
  systemLocales(): readonly string[]
  /** Starts the contact import's worker thread: the bundled file in the app. */
  startImportWorker: StartImportWorker
}

export interface MainServices {
  handlers: InvokeHandlers
  account: AccountService
  policy: PolicyLoad
  preferences(): Preferences
  /** The language of main's texts (notifications, tray, dialogs, CSV export). */
  language(): Language
  start(): Promise<void>
  stop(): Promise<void>
}

export const credentialFileName = 'credentials.json'
export const turnCredentialFileName = 'turn-credentials.json'

/**
 * Builds every service and the full handler table from injected backends. Both the Electron
 * composition root and the headless harness call this, so tests exercise the real wiring.
 * Nothing starts here: call start().
 */
export function createMainServices(options: MainServicesOptions): MainServices {
  const { logger, events, policy } = options
  const settings = new SettingsService(options.settingsBackend, logger)
  const credentials = new CredentialStore(
    join(options.dataDir, credentialFileName),
    options.safeStorage,
    logger,
    (secret) => options.redactor.addSecret(secret),
  )
  const turnCredentials = new CredentialStore(
    join(options.dataDir, turnCredentialFileName),
    options.safeStorage,
    logger,
    // The stored text is a map of "user:password" by URL: each one is kept out of the log.
    (text) => Object.values(parseIceSecrets(text)).forEach((secret) => options.redactor.addSecret(secret)),
    message('notice.secret-turn'),
  )
  const notice = policyNotice(policy)
  if (notice) logger.warn(render('en', notice))
  const account = new AccountService({
    settings,
    credentials,
    turnCredentials,
    policy: policy.policy,
    events,
    startupNotices: [...(options.settingsNotices ?? []), ...(notice ? [notice] : [])],
  })
  const language = () => resolveLanguage(account.preferences().language, options.systemLocales())
  const context = {
    dataDir: options.dataDir,
    events,
    logger,
    account,
    preferences: () => account.preferences(),
    language,
    calls: new CallSignals(logger),
    startImportWorker: options.startImportWorker,
  }
  const trace = sipTrace({
    dir: options.logDir,
    redactor: options.redactor,
    enabled: () => account.preferences().sipTrace,
  })
  const diagnostics = {
    ...options.diagnostics,
    // The trace goes into the bundle too: that is what support asks for it.
    logFiles: () => [...options.diagnostics.logFiles(), ...trace.files()],
    redactor: options.redactor,
  }
  const parts: MainPart[] = [
    {
      name: 'account',
      handlers: account.handlers(),
      start: () => account.start(),
      stop: () => account.stop(),
    },
    { name: 'window', handlers: windowHandlers(options.window) },
    {
      name: 'tls',
      handlers: defineHandlers({ 'tls:explain': ({ url }) => explainTlsFailure(url, options.tls) }),
    },
    logPart(logger),
    trace.part,
    diagnosticsPart(diagnostics, policy)(context),
    statusPart({ dataDir: options.dataDir, logger, policy: policy.policy }),
    ...options.parts.map((factory) => factory(context)),
  ]
  // A channel no part handles stops start-up here, naming the channel.
  const handlers = composeHandlersAtRuntime(parts.map((part) => part.handlers))

  const started: MainPart[] = []
  return {
    handlers,
    account,
    policy,
    preferences: () => account.preferences(),
    language,
    async start() {
      for (const part of parts) {
        await part.start?.()
        started.push(part)
      }
    },
    async stop() {
      // Reverse order; one failing stop must not keep the others from running.
      while (started.length > 0) {
        const part = started.pop() as MainPart
        try {
          await part.stop?.()
        } catch (error) {
          logger.error(`Stopping ${part.name} failed`, error)
        }
      }
    },
  }
}
