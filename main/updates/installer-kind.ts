import { win32 } from 'node:path'

/**
 * How this copy of Parley was installed, which decides whether it updates itself.
 *
 * Windows: the NSIS installer always writes `Uninstall Parley.exe` next to `Parley.exe`
 * (electron-builder's NSIS template, `UNINSTALL_FILENAME`); the MSI installs exactly the
 * unpacked app and nothing else. So an install without that uninstaller is the MSI (or a
 * hand-copied folder, which is just as admin-managed) and must not update itself.
 * macOS: DMG and zip deliver the same .app bundle, updated from the zip.
 * Linux: electron-builder's AppImage runtime sets APPIMAGE; the deb installs under /opt.
 */
export type InstallerKind = 'nsis' | 'msi' | 'dmg' | 'appimage' | 'deb' | 'unknown'

export interface InstallFacts {
  platform: NodeJS.Platform
  execPath: string
  productFilename: string
  env: Record<string, string | undefined>
  fileExists: (path: string) => boolean
}

export function nsisUninstallerPath(execPath: string, productFilename: string): string {
  return win32.join(win32.dirname(execPath), `Uninstall ${productFilename}.exe`)
}

export function detectInstallerKind(facts: InstallFacts): InstallerKind {
  switch (facts.platform) {
    case 'win32':
      return facts.fileExists(nsisUninstallerPath(facts.execPath, facts.productFilename)) ? 'nsis' : 'msi'
    case 'darwin':
      return facts.execPath.includes('.app/Contents/MacOS/') ? 'dmg' : 'unknown'
    case 'linux':
      if (facts.env.APPIMAGE) return 'appimage'
      return facts.execPath.startsWith('/opt/') ? 'deb' : 'unknown'
    default:
      return 'unknown'
  }
}
