import { resolve } from 'node:path'
import type { App } from 'electron'
import { clickToCallSchemes } from './click-to-call'

/**
 * Only one Parley runs. Returns false when another instance already has the lock (this one
 * must quit); a later start hands its command line (maybe a tel: link) to `onSecondInstance`.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  onSecondInstance: (argv: string[]) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) return false
  app.on('second-instance', (_event, argv) => onSecondInstance(argv))
  return true
}

/**
 * Register tel:, sip: and callto:. The trailing "--" ends Chromium's switch parsing, so a
 * crafted link can never be read as a command-line flag. In development (electron .) the app
 * path must be passed too. On Windows 10+ the user still confirms the default app once.
 */
export function registerProtocolClients(
  app: Pick<App, 'setAsDefaultProtocolClient'>,
  processInfo: { defaultApp?: boolean; execPath: string; argv: readonly string[] } = process,
): string[] {
  const args = processInfo.defaultApp && processInfo.argv[1] ? [resolve(processInfo.argv[1]), '--'] : ['--']
  return clickToCallSchemes.filter((scheme) =>
    app.setAsDefaultProtocolClient(scheme, processInfo.execPath, args),
  )
}

/** Same as `appId` in electron-builder.yml: the installers put it on the Start-menu shortcut. */
export const appUserModelId = 'app.parley.softphone'

/**
 * Windows shows notifications only for an app whose User Model ID matches a Start-menu
 * shortcut; without it every call notice is dropped silently. The method exists only on Windows.
 */
export function setWindowsAppUserModelId(
  app: Pick<App, 'setAppUserModelId'>,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (platform !== 'win32') return false
  app.setAppUserModelId(appUserModelId)
  return true
}

/**
 * Chromium's own media-key handling would pause the call's audio element when a headset's
 * play/pause button is pressed; Parley reads that button itself (main/headset/headset-buttons.ts).
 * Must run before the app is ready.
 */
export function leaveMediaKeysToParley(app: { commandLine: Pick<App['commandLine'], 'appendSwitch'> }): void {
  app.commandLine.appendSwitch('disable-features', 'HardwareMediaKeyHandling')
}
