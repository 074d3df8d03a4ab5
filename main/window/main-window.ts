import type { BrowserWindow, BrowserWindowConstructorOptions, WebPreferences } from 'electron'
import type { Logger } from '../log/logger'
import type { CloseBehaviour } from './close-behaviour'
import type { WindowControls } from './window-part'

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

export function mainWindowOptions(
  preloadPath: string,
  debug: DebugOptions,
  iconPath?: string,
): BrowserWindowConstructorOptions {
  return {
    // The call, history and contact panes sit side by side; below 1000×680 they get cramped.
    // The default fits a 1366×768 laptop screen with its taskbar.
    width: 1100,
    height: 720,
    minWidth: 1000,
    minHeight: 680,
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
  closeBehaviour: CloseBehaviour
  logger: Logger
}

/**
 * Create the window; the caller loads the page. Its web contents are hardened by the app-wide
 * 'web-contents-created' hook in index.ts, which covers every web contents, not just this one.
 */
export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const window = deps.createWindow(
    mainWindowOptions(deps.preloadPath, { devTools: deps.devTools }, deps.iconPath),
  )
  window.once('ready-to-show', () => window.show())
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
