import { existsSync } from 'node:fs'
import electronUpdater from 'electron-updater'
import { decideAutoUpdate, type AutoUpdatePolicy } from './auto-update-decision'
import { AutoUpdateService, type UpdaterPort } from './auto-update-service'
import { detectInstallerKind } from './installer-kind'

export interface AutoUpdateWiring {
  app: { isPackaged: boolean; getName(): string }
  /** The loaded admin policy (null when none); `updateUrl` is optional. */
  policy: (AutoUpdatePolicy & { updateUrl?: string | undefined }) | null
  log: (message: string) => void
}

/** Thin adapter: reads the real process facts and electron-updater for the composition root. */
export function createAutoUpdateService({ app, policy, log }: AutoUpdateWiring): AutoUpdateService {
  const installer = detectInstallerKind({
    platform: process.platform,
    execPath: process.execPath,
    productFilename: app.getName(),
    env: process.env,
    fileExists: existsSync,
  })
  const loadUpdater = (): UpdaterPort => electronUpdater.autoUpdater
  return new AutoUpdateService({
    decision: decideAutoUpdate({ installer, policy, isPackaged: app.isPackaged }),
    loadUpdater,
    timers: {
      setInterval: (callback, ms) => setInterval(callback, ms),
      clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
    },
    log,
    feedUrl: policy?.updateUrl,
  })
}
