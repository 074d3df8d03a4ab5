import type { InstallerKind } from './installer-kind'

export interface AutoUpdatePolicy {
  /** The admin policy's switch; when set it wins over every default below. */
  autoUpdate?: boolean | undefined
}

export interface AutoUpdateFacts {
  installer: InstallerKind
  policy: AutoUpdatePolicy | null | undefined
  isPackaged: boolean
}

/**
 * install: download in the background, install on the next quit.
 * check-only: look for new versions and log them, never download: for installs the update
 * installer cannot replace in place. (electron-updater only has the per-user NSIS installer
 * on Windows; run over an MSI install it would add a second, per-user copy.)
 */
export type UpdateMode = 'off' | 'install' | 'check-only'

export interface AutoUpdateDecision {
  enabled: boolean
  mode: UpdateMode
  reason: string
}

// Installers whose users update themselves. MSI installs are rolled out by admins, who push
// the next MSI; deb installs belong to the system package manager. AppImage: electron-updater
// checks no signature on an AppImage, so installing one would rest on the feed alone.
const updatesByDefault: Record<InstallerKind, boolean> = {
  nsis: true,
  dmg: true,
  appimage: false,
  msi: false,
  deb: false,
  unknown: false,
}

// Installs electron-updater can replace with the same kind of package and a verified
// signature (Windows: publisherName; macOS: Squirrel.Mac checks the code signature). AppImage
// self-update is off: nothing verifies the downloaded AppImage.
const installsInPlace: Record<InstallerKind, boolean> = {
  nsis: true,
  dmg: true,
  appimage: false,
  deb: true,
  msi: false,
  unknown: false,
}

export function decideAutoUpdate({ installer, policy, isPackaged }: AutoUpdateFacts): AutoUpdateDecision {
  // An unpacked development run has no app-update.yml and nothing to replace.
  if (!isPackaged) return { enabled: false, mode: 'off', reason: 'development run (not packaged)' }
  if (policy?.autoUpdate === false) {
    return { enabled: false, mode: 'off', reason: 'admin policy sets autoUpdate to false' }
  }
  if (policy?.autoUpdate === true) {
    return installsInPlace[installer]
      ? { enabled: true, mode: 'install', reason: 'admin policy sets autoUpdate to true' }
      : {
          enabled: true,
          mode: 'check-only',
          reason: `admin policy sets autoUpdate to true; a ${installer} install cannot be replaced by the update installer, so new versions are reported, not installed`,
        }
  }
  const enabled = updatesByDefault[installer]
  return {
    enabled,
    mode: enabled ? 'install' : 'off',
    reason: `${installer} install ${enabled ? 'updates itself' : 'is updated by its administrator'}`,
  }
}

export function shouldAutoUpdate(facts: AutoUpdateFacts): boolean {
  return decideAutoUpdate(facts).enabled
}
