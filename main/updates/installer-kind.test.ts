import { describe, expect, it } from 'vitest'
import { detectInstallerKind, nsisUninstallerPath, type InstallFacts } from './installer-kind'

function facts(overrides: Partial<InstallFacts>, files: string[] = []): InstallFacts {
  return {
    platform: 'win32',
    execPath: 'C:\\Program Files\\Parley\\Parley.exe',
    productFilename: 'Parley',
    env: {},
    fileExists: (path) => files.includes(path),
    ...overrides,
  }
}

describe('detectInstallerKind', () => {
  it('recognises an NSIS install by the uninstaller NSIS writes next to the exe', () => {
    const execPath = 'C:\\Users\\ann\\AppData\\Local\\Programs\\Parley\\Parley.exe'
    const uninstaller = nsisUninstallerPath(execPath, 'Parley')
    expect(uninstaller).toBe('C:\\Users\\ann\\AppData\\Local\\Programs\\Parley\\Uninstall Parley.exe')
    expect(detectInstallerKind(facts({ execPath }, [uninstaller]))).toBe('nsis')
  })

  it('treats a Windows install without the NSIS uninstaller as the MSI', () => {
    expect(detectInstallerKind(facts({}, ['C:\\Program Files\\Parley\\resources\\app.asar']))).toBe('msi')
  })

  it('recognises the macOS app bundle that DMG and zip deliver', () => {
    expect(
      detectInstallerKind(
        facts({ platform: 'darwin', execPath: '/Applications/Parley.app/Contents/MacOS/Parley' }),
      ),
    ).toBe('dmg')
  })

  it('recognises an AppImage by the APPIMAGE variable its runtime sets, and the deb by /opt', () => {
    expect(
      detectInstallerKind(
        facts({
          platform: 'linux',
          execPath: '/tmp/.mount_Parley/parley',
          env: { APPIMAGE: '/home/a/Parley.AppImage' },
        }),
      ),
    ).toBe('appimage')
    expect(detectInstallerKind(facts({ platform: 'linux', execPath: '/opt/Parley/parley' }))).toBe('deb')
    expect(
      detectInstallerKind(
        facts({ platform: 'linux', execPath: '/home/a/dev/node_modules/electron/dist/electron' }),
      ),
    ).toBe('unknown')
  })
})
