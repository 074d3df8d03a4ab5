import type { AutoUpdateDecision } from './auto-update-decision'
import { messageOf } from '../../contract/error-message'

/** The part of electron-updater's `autoUpdater` this service uses (tests pass a fake). */
export interface UpdaterPort {
  autoDownload: boolean
  autoInstallOnAppQuit: boolean
  setFeedURL(options: { provider: 'generic'; url: string }): void
  checkForUpdates(): Promise<unknown>
  on(event: 'error', listener: (error: Error) => void): unknown
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown
  removeListener(event: 'error', listener: (error: Error) => void): unknown
  removeListener(event: 'update-available', listener: (info: { version: string }) => void): unknown
}

export interface IntervalTimers {
  setInterval(callback: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

export interface AutoUpdateServiceOptions {
  decision: AutoUpdateDecision
  /** Called only when updates are on: electron-updater picks its platform updater on first access. */
  loadUpdater: () => UpdaterPort
  timers: IntervalTimers
  log: (message: string) => void
  /** An https feed from the admin policy, replacing the URL baked in at build time. */
  feedUrl?: string | undefined
  checkEveryMs?: number
}

const FOUR_HOURS = 4 * 60 * 60 * 1000

/**
 * Checks the update feed at start and every few hours. In `install` mode it downloads in the
 * background and lets electron-updater install on the next quit: a softphone never restarts
 * itself during a call. In `check-only` mode it only logs that a new version exists.
 */
export class AutoUpdateService {
  private updater: UpdaterPort | null = null
  private interval: unknown = null
  private lastReported: unknown = null
  private readonly onError = (error: Error): void => {
    this.report(error)
  }
  private readonly onAvailable = (info: { version: string }): void => {
    const action =
      this.options.decision.mode === 'install'
        ? 'downloading; it installs when Parley quits'
        : 'not installing (check-only)'
    this.options.log(`Update ${info.version} available: ${action}`)
  }

  constructor(private readonly options: AutoUpdateServiceOptions) {}

  get running(): boolean {
    return this.updater !== null
  }

  start(): void {
    if (this.updater) return
    const { decision, feedUrl, timers, log } = this.options
    log(`Auto-update ${decision.enabled ? 'on' : 'off'}: ${decision.reason}`)
    if (!decision.enabled) return

    const updater = this.options.loadUpdater()
    const install = decision.mode === 'install'
    updater.autoDownload = install
    updater.autoInstallOnAppQuit = install
    if (feedUrl !== undefined) {
      if (!isHttpsUrl(feedUrl)) {
        log(`Auto-update off: the policy's update URL is not an https URL (${feedUrl})`)
        return
      }
      updater.setFeedURL({ provider: 'generic', url: feedUrl })
    }
    updater.on('error', this.onError)
    updater.on('update-available', this.onAvailable)
    this.updater = updater
    this.check()
    this.interval = timers.setInterval(() => this.check(), this.options.checkEveryMs ?? FOUR_HOURS)
  }

  stop(): void {
    if (this.interval !== null) this.options.timers.clearInterval(this.interval)
    this.interval = null
    this.updater?.removeListener('error', this.onError)
    this.updater?.removeListener('update-available', this.onAvailable)
    this.updater = null
  }

  private check(): void {
    // electron-updater may emit 'error' and reject for the same failure: report it once.
    this.updater?.checkForUpdates().catch((error: unknown) => this.report(error))
  }

  private report(error: unknown): void {
    if (error === this.lastReported) return
    this.lastReported = error
    this.options.log(`Update check failed: ${messageOf(error)}`)
  }
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:'
  } catch {
    return false
  }
}
