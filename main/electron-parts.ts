import type { App, BrowserWindow } from 'electron'
import type { PartFactory } from './parts'
import type { CloseBehaviour } from './window/close-behaviour'

/** Electron objects a part may need; index.ts builds this once the app is ready. */
export interface ElectronPartDeps {
  app: App
  getWindow: () => BrowserWindow | null
  /** The tray owner calls closeBehaviour.setTrayAvailable(true) once its icon exists. */
  closeBehaviour: CloseBehaviour
  /** Quit for real (tray "Quit" menu item): bypasses close-to-tray. */
  quit: () => void
}

/**
 * Parts that need Electron (tray, notifications, power monitor, USB headsets). They run only
 * in the real app; their channels fall back to placeholders in the headless harness unless a
 * Node-only part in sharedParts (main/parts.ts) also handles them. Add factories here.
 */
export function createElectronParts(_deps: ElectronPartDeps): PartFactory[] {
  return []
}
