import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { MemoryLogger } from '../log/logger'
import {
  applicationMenuTemplate,
  debuggingSwitchesIn,
  lockDownDebugging,
  refuseDebugging,
} from './debug-lockdown'

const exe = 'C:\\Program Files\\Parley\\Parley.exe'

describe('refuseDebugging', () => {
  it('quits a packaged app started with --remote-debugging-port, --remote-debugging-pipe or --inspect', () => {
    for (const arg of [
      '--remote-debugging-port=9222',
      '--remote-debugging-pipe',
      '--inspect',
      '--inspect=9229',
    ]) {
      expect(refuseDebugging({ isPackaged: true, argv: [exe, arg], platform: 'linux' })).toMatchObject({
        quit: true,
      })
    }
  })

  it('names every switch found', () => {
    expect(
      refuseDebugging({
        isPackaged: true,
        argv: [exe, '--inspect-brk', '--remote-debugging-port', '9222'],
        platform: 'darwin',
      }),
    ).toEqual({ quit: true, switches: ['inspect-brk', 'remote-debugging-port'] })
  })

  it('reads switches the way Chromium does on Windows: - and / prefixes, any case', () => {
    expect(debuggingSwitchesIn([exe, '/Remote-Debugging-Port=9222'], 'win32')).toEqual([
      'remote-debugging-port',
    ])
    expect(debuggingSwitchesIn([exe, '-remote-debugging-pipe'], 'win32')).toEqual(['remote-debugging-pipe'])
    // A path argument is not a switch on macOS and Linux.
    expect(debuggingSwitchesIn([exe, '/inspect'], 'linux')).toEqual([])
  })

  it('ignores everything after "--" (where click-to-call links arrive)', () => {
    expect(debuggingSwitchesIn([exe, '--', '--inspect', 'tel:555'], 'win32')).toEqual([])
  })

  it('lets ordinary starts and links through', () => {
    const argv = [exe, '--hidden', '--', 'sip:bob@pbx.example.com']
    expect(refuseDebugging({ isPackaged: true, argv, platform: 'win32' })).toEqual({ quit: false })
    // The executable itself is never read as a switch.
    expect(debuggingSwitchesIn(['--inspect'], 'linux')).toEqual([])
  })

  it('lets a development run be debugged', () => {
    expect(
      refuseDebugging({ isPackaged: false, argv: [exe, '--remote-debugging-port=9222'], platform: 'linux' }),
    ).toEqual({ quit: false })
  })
})

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ])
}

describe('applicationMenuTemplate', () => {
  it('has no menu at all in a packaged app on Windows and Linux', () => {
    expect(applicationMenuTemplate(true, 'win32')).toBeNull()
    expect(applicationMenuTemplate(true, 'linux')).toBeNull()
  })

  it('keeps Edit (Cmd+C/V) and the app menu on macOS, without View, Reload or DevTools', () => {
    const template = applicationMenuTemplate(true, 'darwin')
    if (!Array.isArray(template)) throw new Error('expected a template')
    expect(roles(template)).toEqual(['appMenu', 'editMenu', 'windowMenu'])
    for (const forbidden of ['viewMenu', 'toggleDevTools', 'reload', 'forceReload', 'defaultMenu'])
      expect(roles(template)).not.toContain(forbidden)
  })

  it("keeps Electron's default menu (with DevTools) in a development run", () => {
    expect(applicationMenuTemplate(false, 'darwin')).toBe('default')
  })
})

describe('lockDownDebugging', () => {
  function fakes(isPackaged: boolean) {
    const calls: string[] = []
    const deps = {
      app: { isPackaged, exit: (code?: number) => void calls.push(`exit ${code}`) },
      menu: {
        setApplicationMenu: (menu: unknown) => void calls.push(`menu ${JSON.stringify(menu)}`),
        buildFromTemplate: (template: MenuItemConstructorOptions[]) => template as never,
      },
      logger: new MemoryLogger(),
    }
    return { calls, deps }
  }

  it('exits before anything else when packaged and debugging was asked for', () => {
    const { calls, deps } = fakes(true)
    expect(lockDownDebugging({ ...deps, argv: [exe, '--remote-debugging-pipe'], platform: 'win32' })).toBe(
      false,
    )
    expect(calls).toEqual(['exit 1'])
    expect(deps.logger.lines[0]?.message).toContain('remote-debugging-pipe')
  })

  it('removes the menu of a packaged Windows app', () => {
    const { calls, deps } = fakes(true)
    expect(lockDownDebugging({ ...deps, argv: [exe], platform: 'win32' })).toBe(true)
    expect(calls).toEqual(['menu null'])
  })

  it('sets the macOS menu from the template and leaves a development run alone', () => {
    const packaged = fakes(true)
    lockDownDebugging({ ...packaged.deps, argv: [exe], platform: 'darwin' })
    expect(packaged.calls).toEqual([`menu ${JSON.stringify(applicationMenuTemplate(true, 'darwin'))}`])
    const dev = fakes(false)
    lockDownDebugging({ ...dev.deps, argv: [exe, '--inspect'], platform: 'darwin' })
    expect(dev.calls).toEqual([])
  })
})
