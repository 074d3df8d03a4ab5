import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import type { Logger } from '../log/logger'
import type { CloseBehaviour } from './close-behaviour'
import type { WindowControls } from './window-part'
import type { Placement, Size } from './window-placement'

/** Whether DevTools can open: a development run only (issue 12: never in a packaged app). */
export interface DebugOptions {
  devTools: boolean
}

/** The renderer gets no Node, no Electron, and only the preload's contract API. */
export function secureWebPreferences(preloadPath: string, { devTools }: DebugOptions): WebPreferences {
  return {
    preload: preloadPath,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    // Middle-click would open links in new windows; nothing in the app needs it.
    disableBlinkFeatures: 'Auxclick',
    spellcheck: false,
    // A softphone must ring when the window is hidden or in the background.
    backgroundThrottling: false,
    // The ringtone and the remote party's audio start from SIP events, never from a click.
    autoplayPolicy: 'no-user-gesture-required',
  }
}

/**
 * The window's sizes. It may be as narrow as 360 px: office workers dock a softphone at the side
 * of the screen, and the renderer folds into one column there (issue 15). The first-run size fits
 * a 1366×768 laptop screen with its taskbar.
 */
export const windowSizes: { minimum: Size; initial: Size } = {
  minimum: { width: 360, height: 480 },
  initial: { width: 1100, height: 720 },
}

export function mainWindowOptions(
  preloadPath: string,
  debug: DebugOptions,
  iconPath?: string,
  placement?: Placement,
): BrowserWindowConstructorOptions {
  return {
    ...windowSizes.initial,
    // Where the window was last on this display (window-memory.ts), clamped into view.
    ...(placement ? placement.bounds : {}),
    minWidth: windowSizes.minimum.width,
    minHeight: windowSizes.minimum.height,
    title: 'Parley',
    show: false,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: secureWebPreferences(preloadPath, debug),
  }
}

export interface MainWindowDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow
  preloadPath: string
  /** False in a packaged app. */
  devTools: boolean
  iconPath?: string
  /** Where to open it (remembered per display); the default size, centred, without. */
  placement?: Placement
  closeBehaviour: CloseBehaviour
  logger: Logger
}

/**
 * Create the window; the caller loads the page. Its web contents are hardened by the app-wide
 * 'web-contents-created' hook in index.ts, which covers every web contents, not just this one.
 */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = deps.createWindow(
    mainWindowOptions(deps.preloadPath, { devTools: deps.devTools }, deps.iconPath, deps.placement),
  )
  window.once('ready-to-show', () => {
    // Maximized over the remembered normal bounds, so restoring returns to them.
    if (deps.placement?.maximized) window.maximize()
    window.show()
  })
  window.on('close', (event) => {
    if (deps.closeBehaviour.onCloseRequested() === 'hide') {
      event.preventDefault()
      window.hide()
    }
  })
  return window
}

export function windowControls(getWindow: () => BrowserWindow | null): WindowControls {
  return {
    show() {
      const window = getWindow()
      if (!window || window.isDestroyed()) return false
      if (window.isMinimized()) window.restore()
      window.show()
      window.focus()
      return true
    },
  }
}
