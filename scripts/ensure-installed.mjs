// `npm start` and `npm run demo` on a fresh clone: install what is missing first, as `npm test`
// (scripts/test-all.sh) does. Plain Node with no dependencies: it runs before node_modules exists.
import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * What to do before starting, from what is on disk. `electron`: the caller needs Electron's
 * binary (npm start), so the install must not skip its download; the demo and the tests do not.
 *
 * @param {{ lockMtimeMs: number | null, installedLockMtimeMs: number | null, npmMajor: number, electron: boolean }} facts
 * @returns {{ install: boolean, reason: string, upgradeNpm: boolean, skipElectronBinary: boolean }}
 */
export function installPlan(facts) {
  const skipElectronBinary = !facts.electron
  if (facts.lockMtimeMs === null)
    return { install: false, reason: 'no package-lock.json here', upgradeNpm: false, skipElectronBinary }
  const reason =
    facts.installedLockMtimeMs === null
      ? 'node_modules is missing'
      : facts.installedLockMtimeMs <= facts.lockMtimeMs
        ? 'node_modules is older than package-lock.json'
        : ''
  // Vite 8 and its native bundler do not install with npm 10; npm 11 does (as in test-all.sh).
  return {
    install: reason !== '',
    reason,
    upgradeNpm: reason !== '' && facts.npmMajor < 11,
    skipElectronBinary,
  }
}

/** @param {string} path */
const mtimeOf = (path) => (existsSync(path) ? statSync(path).mtimeMs : null)

/** Reads the facts in `root`, then installs when the plan says so. */
export function ensureInstalled(root, { electron }) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const npmMajor = Number(
    execFileSync(npm, ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' }).split('.')[0],
  )
  const plan = installPlan({
    lockMtimeMs: mtimeOf(join(root, 'package-lock.json')),
    installedLockMtimeMs: mtimeOf(join(root, 'node_modules/.package-lock.json')),
    npmMajor,
    electron,
  })
  if (!plan.install) return plan
  const env = { ...process.env }
  if (plan.skipElectronBinary) env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1'
  else delete env.ELECTRON_SKIP_BINARY_DOWNLOAD
  const run = (args) =>
    execFileSync(npm, args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' })
  if (plan.upgradeNpm) {
    console.log(`Parley: npm ${npmMajor} cannot install these dependencies; installing npm 11 first…`)
    run(['install', '-g', 'npm@11', '--no-audit', '--no-fund'])
  }
  console.log(`Parley: installing dependencies (${plan.reason}): npm ci…`)
  run(['ci', '--no-audit', '--no-fund'])
  return plan
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  ensureInstalled(resolve(import.meta.dirname, '..'), { electron: process.argv.includes('--electron') })
}
