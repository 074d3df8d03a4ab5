import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { judgeElectronSupport, lockedElectronVersion, majorOf, newestStableMajors } from './electron-support'

// The shape of `npm view electron versions --json`: stable, beta, alpha and nightly mixed.
const registry = {
  versions: [
    '38.7.2',
    '39.8.10',
    '40.1.0',
    '41.0.0',
    '42.3.1',
    '43.0.0',
    '43.2.1',
    '44.1.0',
    '45.0.0-beta.3',
    '45.5.0',
    '46.0.0-alpha.2',
    '47.0.0-nightly.20261120',
  ],
}

describe('newestStableMajors', () => {
  it('takes the three newest majors with a stable release, ignoring pre-releases', () => {
    expect(newestStableMajors(registry.versions)).toEqual([45, 44, 43])
  })

  it('does not count a major that only has betas', () => {
    expect(newestStableMajors(['44.0.0', '45.0.0-beta.1', '43.1.0', '42.0.0'])).toEqual([44, 43, 42])
  })
})

describe('judgeElectronSupport', () => {
  it('fails Electron 39 (what Parley pinned before issue 12) once 43–45 are the supported majors', () => {
    const verdict = judgeElectronSupport('39.8.10', registry)
    expect(verdict.status).toBe('unsupported')
    expect(verdict.message).toContain('OUT OF SUPPORT')
    expect(verdict.message).toContain('43')
    expect(verdict.message).toContain('electron@^45')
  })

  it('passes each of the three newest majors', () => {
    for (const version of ['43.2.1', '44.1.0', '45.5.0'])
      expect(judgeElectronSupport(version, registry).status).toBe('supported')
  })

  it('says clearly that nothing was checked when the registry is unreachable, without failing', () => {
    const verdict = judgeElectronSupport('45.5.0', { error: 'ENOTFOUND registry.npmjs.org' })
    expect(verdict.status).toBe('unknown')
    expect(verdict.message).toMatch(/NOT checked.*could not be reached.*ENOTFOUND/)
  })

  it('does not call a registry answer without stable releases a pass', () => {
    expect(judgeElectronSupport('45.5.0', { versions: ['46.0.0-alpha.1'] }).status).toBe('unknown')
  })

  it('fails a pinned value that is not a version', () => {
    expect(judgeElectronSupport('latest', registry).status).toBe('unsupported')
    expect(majorOf('latest')).toBeNull()
  })
})

describe('lockedElectronVersion', () => {
  it('reads the version package-lock.json installs', () => {
    const lock = JSON.stringify({ packages: { 'node_modules/electron': { version: '45.5.0' } } })
    expect(lockedElectronVersion(lock)).toBe('45.5.0')
  })

  it('refuses a lock file without electron', () => {
    expect(() => lockedElectronVersion(JSON.stringify({ packages: {} }))).toThrow(/does not pin electron/)
  })

  it("reads this project's lock file", () => {
    const text = readFileSync(resolve(import.meta.dirname, '../package-lock.json'), 'utf8')
    expect(majorOf(lockedElectronVersion(text))).not.toBeNull()
  })
})
