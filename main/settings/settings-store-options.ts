import { chmodSync, existsSync } from 'node:fs'

/**
 * How electron-store keeps settings.json (kept apart from the Electron adapter so a test can
 * prove the file mode with conf, electron-store's Node core). Only this user may read the
 * account: conf's default mode is 0666 less the umask, i.e. 0644.
 */
export const settingsStoreOptions = (directory: string) =>
  ({
    cwd: directory,
    name: 'settings',
    clearInvalidConfig: false,
    configFileMode: 0o600,
  }) as const

/** A file an older version wrote 0644 keeps that mode across rewrites in place: tighten it. */
export function restrictToOwner(path: string): void {
  if (existsSync(path)) chmodSync(path, 0o600)
}
