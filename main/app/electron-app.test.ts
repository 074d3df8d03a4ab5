import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  appUserModelId,
  claimSingleInstance,
  leaveMediaKeysToParley,
  registerProtocolClients,
  setWindowsAppUserModelId,
} from './electron-app'

describe('registerProtocolClients', () => {
  it('registers the three schemes with "--" so a link can never be read as a switch', () => {
    const calls: unknown[][] = []
    const app = { setAsDefaultProtocolClient: (...args: unknown[]) => (calls.push(args), true) }
    expect(
      registerProtocolClients(app as never, {
        execPath: 'C:\\Parley\\Parley.exe',
        argv: ['C:\\Parley\\Parley.exe'],
      }),
    ).toEqual(['tel', 'sip', 'callto'])
    expect(calls).toEqual([
      ['tel', 'C:\\Parley\\Parley.exe', ['--']],
      ['sip', 'C:\\Parley\\Parley.exe', ['--']],
      ['callto', 'C:\\Parley\\Parley.exe', ['--']],
    ])
  })

  it('passes the app path in a development run and reports schemes the OS refused', () => {
    const calls: unknown[][] = []
    const app = {
      setAsDefaultProtocolClient: (...args: unknown[]) => (calls.push(args), args[0] !== 'callto'),
    }
    const registered = registerProtocolClients(app as never, {
      defaultApp: true,
      execPath: '/usr/bin/electron',
      argv: ['/usr/bin/electron', '/work/app'],
    })
    expect(registered).toEqual(['tel', 'sip'])
    expect(calls[0]).toEqual(['tel', '/usr/bin/electron', ['/work/app', '--']])
  })
})

describe('claimSingleInstance', () => {
  it('hands a second start its command line, and tells a second instance to quit', () => {
    const listeners: Record<string, (...args: unknown[]) => void> = {}
    const first = {
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: (...args: unknown[]) => void) => (listeners[event] = listener),
    }
    const seen: string[][] = []
    expect(claimSingleInstance(first as never, (argv) => seen.push(argv))).toBe(true)
    listeners['second-instance']?.({}, ['parley', 'tel:555'], '/')
    expect(seen).toEqual([['parley', 'tel:555']])

    const second = {
      requestSingleInstanceLock: () => false,
      on: () => expect.fail('a second instance must not listen'),
    }
    expect(claimSingleInstance(second as never, () => undefined)).toBe(false)
  })
})

describe('setWindowsAppUserModelId', () => {
  it('gives Windows the installer app id, so notifications are shown', () => {
    const ids: string[] = []
    const app = { setAppUserModelId: (id: string) => ids.push(id) }
    expect(setWindowsAppUserModelId(app, 'win32')).toBe(true)
    expect(ids).toEqual(['app.parley.softphone'])
  })

  it('leaves other systems alone, where Electron has no such method', () => {
    const app = {} as { setAppUserModelId: (id: string) => void }
    expect(setWindowsAppUserModelId(app, 'linux')).toBe(false)
    expect(setWindowsAppUserModelId(app, 'darwin')).toBe(false)
  })

  it("turns off Chromium's media-key handling so a headset press never pauses the call audio", () => {
    const switches: [string, string | undefined][] = []
    leaveMediaKeysToParley({
      commandLine: { appendSwitch: (name, value) => void switches.push([name, value]) },
    })
    expect(switches).toEqual([['disable-features', 'HardwareMediaKeyHandling']])
  })

  it('matches the appId the installers are built with', () => {
    const builder = readFileSync(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8')
    expect(builder).toMatch(new RegExp(`^appId: ${appUserModelId.replaceAll('.', '\\.')}$`, 'm'))
  })
})
