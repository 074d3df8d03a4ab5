import type { Language } from '../contract/i18n/language'
import type { StartImportWorker } from './contacts/import-runner'
import type { Preferences } from '../contract/schemas'
import type { AccountService } from './account/account-service'
import { contactsPart } from './contacts/contacts-part'
import { historyPart } from './history/history-part'
import type { InvokeHandlers } from './ipc/handlers'
import type { EventBus } from './ipc/event-bus'
import type { Logger } from './log/logger'
import type { CallSignals } from './notifications/call-signals'
import { phoneStatusPart } from './notifications/phone-status-part'

/**
 * A part is one service (history, contacts, phone status, ...) plus the IPC handlers it owns.
 * The same part runs in Electron (main/index.ts) and in the headless harness (main/headless.ts).
 */
export interface MainPart {
  /** For logs and error messages. */
  name: string
  handlers: Partial<InvokeHandlers>
  start?(): void | Promise<void>
  stop?(): void | Promise<void>
}

export interface PartContext {
  /** Per-user data folder (Electron's userData, or the test's temp dir). */
  dataDir: string
  events: EventBus
  logger: Logger
  account: AccountService
  preferences(): Preferences
  /** The language main's own texts use now: the `language` preference, or the OS locale's. */
  language(): Language
  /**
   * Call news between parts in this process (phone status, incoming notice, recorded call,
   * unseen missed count): Node parts publish, Electron parts (tray, badge, power) listen.
   */
  calls: CallSignals
  /** Starts the contact import's worker thread (the bundled file, or the source in tests). */
  startImportWorker: StartImportWorker
}

export type PartFactory = (context: PartContext) => MainPart

/**
 * Node-only parts shared by Electron and the headless harness (no Electron imports in them).
 * Every invoke channel must be handled by exactly one part, or start-up stops naming it.
 */
export const sharedParts: PartFactory[] = [historyPart, contactsPart, phoneStatusPart]
