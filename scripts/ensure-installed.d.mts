export interface InstallFacts {
  lockMtimeMs: number | null
  installedLockMtimeMs: number | null
  npmMajor: number
  electron: boolean
}
export interface InstallPlan {
  install: boolean
  reason: string
  upgradeNpm: boolean
  skipElectronBinary: boolean
}
export function installPlan(facts: InstallFacts): InstallPlan
export function ensureInstalled(root: string, options: { electron: boolean }): InstallPlan
