import { powerMonitor, powerSaveBlocker, type App, type BrowserWindow } from 'electron'
import { electronMediaKeys } from './headset/electron-media-keys'
import { headsetButtonsPart } from './headset/headset-buttons-part'
import { headsetPart } from './headset/headset-part'
import { electronBadgePort, electronNotifierPorts } from './notifications/electron-notifications'
import { notificationsPart } from './notifications/notifications-part'
import type { PartFactory } from './parts'
import { powerPart } from './power/power-part'
import { createElectronTray } from './tray/electron-tray'
import { trayPart } from './tray/tray-part'
import type { CloseBehaviour } from './window/close-behaviour'

/** Electron objects a part may need; index.ts builds this once the app is ready. */
export interface ElectronPartDeps {
  app: App
  getWindow: () => BrowserWindow | null
  /**
   * Bring the window forward, or create it again when it was closed (macOS keeps running with
   * no window): the tray's "Show Parley" and a clicked notification must never do nothing.
   */
  showWindow: () => void
  /** The tray owner calls closeBehaviour.setTrayAvailable(true) once its icon exists. */
  closeBehaviour: CloseBehaviour
  /** Quit for real (tray "Quit" menu item): bypasses close-to-tray. */
  quit: () => void
}

/**
 * Parts that need Electron (tray, notifications, power monitor, USB headsets, media keys). They run only
 * in the real app, so they must not own invoke channels: those belong to the Node-only parts
 * in sharedParts (main/parts.ts), which the headless harness runs too. Add factories here.
 */
export function createElectronParts(deps: ElectronPartDeps): PartFactory[] {
  const { showWindow } = deps
  return [
    powerPart(() => ({ powerMonitor, powerSaveBlocker })),
    headsetPart(),
    headsetButtonsPart(electronMediaKeys),
    notificationsPart({
      notifier: electronNotifierPorts(deps.getWindow, showWindow),
      badge: electronBadgePort(deps.app, deps.getWindow),
      platform: process.platform,
    }),
    trayPart({
      createTray: createElectronTray,
      showWindow,
      quit: deps.quit,
      setTrayAvailable: (available) => deps.closeBehaviour.setTrayAvailable(available),
    }),
  ]
}
