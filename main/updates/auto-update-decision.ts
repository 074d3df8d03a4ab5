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

export interface AutoUpdateDecision {
  enabled: boolean
  reason: string
}

// Installers whose users update themselves. MSI installs are rolled out by admins, who push
// the next MSI; deb installs belong to the system package manager.
const updatesByDefault: Record<InstallerKind, boolean> = {
  nsis: true,
  dmg: true,
  appimage: true,
  msi: false,
  deb: false,
  unknown: false,
}

export function decideAutoUpdate({ installer, policy, isPackaged }: AutoUpdateFacts): AutoUpdateDecision {
  // An unpacked development run has no app-update.yml and nothing to replace.
  if (!isPackaged) return { enabled: false, reason: 'development run (not packaged)' }
  if (typeof policy?.autoUpdate === 'boolean') {
    return { enabled: policy.autoUpdate, reason: `admin policy sets autoUpdate to ${policy.autoUpdate}` }
  }
  const enabled = updatesByDefault[installer]
  return {
    enabled,
    reason: `${installer} install ${enabled ? 'updates itself' : 'is updated by its administrator'}`,
  }
}

export function shouldAutoUpdate(facts: AutoUpdateFacts): boolean {
  return decideAutoUpdate(facts).enabled
}
