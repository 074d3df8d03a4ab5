import { arch, release, type } from 'node:os'

/** What a support desk asks first: which Parley, on which runtime and system. */
export function runtimeVersions(appVersion: string): Record<string, string> {
  const { electron, chrome, node } = process.versions as Record<string, string | undefined>
  return {
    Parley: appVersion,
    ...(electron ? { Electron: electron } : {}),
    ...(chrome ? { Chromium: chrome } : {}),
    Node: node ?? 'unknown',
    System: `${type()} ${release()} (${process.platform}, ${arch()})`,
  }
}
