// Fails when the Electron that package-lock.json pins is not among the three newest stable
// majors on the npm registry. Offline (registry unreachable) it says so and passes: the
// check could not run, which is not proof of a problem. Run: `npx tsx scripts/check-electron-support.ts`.
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { judgeElectronSupport, lockedElectronVersion } from './electron-support'

const projectDir = resolve(import.meta.dirname, '..')

/** The registry's Electron versions through npm itself, so npm's registry and proxy settings apply. */
function registryVersions(): Promise<{ versions: string[] } | { error: string }> {
  return new Promise((done) => {
    execFile(
      'npm',
      ['view', 'electron', 'versions', '--json', '--fetch-timeout=20000', '--fetch-retries=1'],
      { cwd: projectDir, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const code = /npm error code (\S+)/.exec(stderr)?.[1]
          done({ error: code ?? (error.message.split('\n')[0] ?? 'npm view failed').slice(0, 200) })
          return
        }
        try {
          const versions: unknown = JSON.parse(stdout)
          if (!Array.isArray(versions)) throw new Error('not a list')
          done({ versions: versions.map(String) })
        } catch {
          done({ error: 'the registry answered something that is not a version list' })
        }
      },
    )
  })
}

const pinned = lockedElectronVersion(readFileSync(resolve(projectDir, 'package-lock.json'), 'utf8'))
const verdict = judgeElectronSupport(pinned, await registryVersions())
const mark = { supported: '✓', unsupported: '✗', unknown: '!' }[verdict.status]
console.log(`${mark} ${verdict.message}`)
process.exit(verdict.status === 'unsupported' ? 1 : 0)
