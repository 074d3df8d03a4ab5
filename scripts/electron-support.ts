// Pure part of the Electron support check: is the Electron Parley pins still one the Electron
// project patches? Only the three newest stable majors get Chromium, V8 and WebRTC security
// fixes, and this renderer parses SIP/SDP from strangers and terminates their media.

/** How many of the newest stable majors the Electron project supports with security fixes. */
export const SUPPORTED_MAJOR_COUNT = 3

export type SupportVerdict =
  | { status: 'supported'; message: string }
  | { status: 'unsupported'; message: string }
  /** The registry could not be read: not a failure, the check simply could not run. */
  | { status: 'unknown'; message: string }

const STABLE = /^(\d+)\.(\d+)\.(\d+)$/

/** The newest `count` majors that have a stable release, newest first. */
export function newestStableMajors(versions: readonly string[], count = SUPPORTED_MAJOR_COUNT): number[] {
  const majors = new Set<number>()
  for (const version of versions) {
    const match = STABLE.exec(version)
    if (match) majors.add(Number(match[1]))
  }
  return [...majors].sort((a, b) => b - a).slice(0, count)
}

/** The major of an installed version such as `45.5.0`, or null when it is not a version. */
export function majorOf(version: string): number | null {
  const match = /^(\d+)\.\d+\.\d+/.exec(version)
  return match ? Number(match[1]) : null
}

export function judgeElectronSupport(
  pinnedVersion: string,
  registry: { versions: readonly string[] } | { error: string },
): SupportVerdict {
  const pinned = majorOf(pinnedVersion)
  if (pinned === null) {
    return { status: 'unsupported', message: `pinned Electron "${pinnedVersion}" is not a version` }
  }
  if ('error' in registry) {
    return {
      status: 'unknown',
      message: `Electron support NOT checked: the npm registry could not be reached (${registry.error}). Pinned: Electron ${pinnedVersion}. Run the check again when online.`,
    }
  }
  const supported = newestStableMajors(registry.versions)
  if (supported.length === 0) {
    return {
      status: 'unknown',
      message: `Electron support NOT checked: the registry listed no stable Electron release. Pinned: Electron ${pinnedVersion}.`,
    }
  }
  const list = supported.join(', ')
  if (supported.includes(pinned)) {
    return {
      status: 'supported',
      message: `Electron ${pinnedVersion} is supported (the supported majors are ${list}).`,
    }
  }
  return {
    status: 'unsupported',
    message: `Electron ${pinnedVersion} is OUT OF SUPPORT: only majors ${list} get security fixes. Move to Electron ${supported[0]} (ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install --save-dev electron@^${supported[0]}) and commit package-lock.json.`,
  }
}

/** The Electron version package-lock.json installs (what ships), not the range in package.json. */
export function lockedElectronVersion(lockFileText: string): string {
  const lock = JSON.parse(lockFileText) as { packages?: Record<string, { version?: unknown }> }
  const version = lock.packages?.['node_modules/electron']?.version
  if (typeof version !== 'string') throw new Error('package-lock.json does not pin electron')
  return version
}
