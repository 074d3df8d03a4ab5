import type { App, Menu, MenuItemConstructorOptions } from 'electron'
import type { Logger } from '../log/logger'

/**
 * A packaged Parley is not debuggable: at an unlocked switchboard desk DevTools (or a debugger
 * attached through a switch) would hand anyone the page's API, including the stored password.
 * The EnableNodeCliInspectArguments fuse already makes the binary ignore Node's --inspect; the
 * Chromium switches below have no fuse, so the app quits when it sees one.
 */
const DEBUGGING_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
]

/**
 * The debugging switches on a command line, by name. Parsed the way Chromium parses switches:
 * `--name`, `-name` and (Windows) `/name`, with or without `=value`, case-insensitive on
 * Windows, and nothing after a bare `--` (click-to-call passes links there).
 */
export function debuggingSwitchesIn(argv: readonly string[], platform: NodeJS.Platform): string[] {
  const found: string[] = []
  const prefixes = platform === 'win32' ? /^(--|-|\/)/ : /^(--|-)/
  for (const arg of argv.slice(1)) {
    if (arg === '--') break
    const prefix = prefixes.exec(arg)
    if (!prefix) continue
    const raw = arg.slice(prefix[0].length).split('=')[0] ?? ''
    const name = platform === 'win32' ? raw.toLowerCase() : raw
    if (DEBUGGING_SWITCHES.includes(name) && !found.includes(name)) found.push(name)
  }
  return found
}

export interface DebuggingFacts {
  isPackaged: boolean
  argv: readonly string[]
  platform: NodeJS.Platform
}

/** Quit (with the switches named) when a packaged app was started to be debugged. */
export function refuseDebugging(facts: DebuggingFacts): { quit: false } | { quit: true; switches: string[] } {
  if (!facts.isPackaged) return { quit: false }
  const switches = debuggingSwitchesIn(facts.argv, facts.platform)
  return switches.length > 0 ? { quit: true, switches } : { quit: false }
}

/**
 * The application menu of a packaged app: none on Windows and Linux (Chromium handles copy and
 * paste in fields by itself), and on macOS only the app, Edit and Window menus, which Cmd+C/V/Q
 * need; never View with Reload and Toggle Developer Tools. A development run keeps Electron's
 * default menu ('default').
 */
export function applicationMenuTemplate(
  isPackaged: boolean,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] | null | 'default' {
  if (!isPackaged) return 'default'
  if (platform !== 'darwin') return null
  return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]
}

export interface DebugLockdownDeps {
  app: Pick<App, 'isPackaged' | 'exit'>
  menu: Pick<typeof Menu, 'setApplicationMenu' | 'buildFromTemplate'>
  argv: readonly string[]
  platform: NodeJS.Platform
  logger: Logger
}

/**
 * Electron adapter, run first thing in main: quits a packaged app started with debugging
 * switches (returns false: the caller stops) and puts the DevTools-free menu in place.
 */
export function lockDownDebugging(deps: DebugLockdownDeps): boolean {
  const { app, platform } = deps
  const refusal = refuseDebugging({ isPackaged: app.isPackaged, argv: deps.argv, platform })
  if (refusal.quit) {
    deps.logger.error(`Refusing to run with debugging switches: ${refusal.switches.join(', ')}`)
    app.exit(1)
    return false
  }
  const template = applicationMenuTemplate(app.isPackaged, platform)
  if (template !== 'default')
    deps.menu.setApplicationMenu(template ? deps.menu.buildFromTemplate(template) : null)
  return true
}
