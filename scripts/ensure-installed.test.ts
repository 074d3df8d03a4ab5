import { describe, expect, it } from 'vitest'
import { installPlan } from './ensure-installed.mjs'

const fresh = { lockMtimeMs: 1000, installedLockMtimeMs: null, npmMajor: 11, electron: true }

describe('installPlan (npm start / npm run demo on a fresh clone)', () => {
  it('installs when node_modules is missing', () => {
    expect(installPlan(fresh)).toMatchObject({ install: true, reason: 'node_modules is missing' })
  })

  it('installs again when package-lock.json changed after the last install, and not otherwise', () => {
    expect(installPlan({ ...fresh, installedLockMtimeMs: 900 })).toMatchObject({
      install: true,
      reason: 'node_modules is older than package-lock.json',
    })
    expect(installPlan({ ...fresh, installedLockMtimeMs: 1100 })).toMatchObject({
      install: false,
      upgradeNpm: false,
    })
  })

  it('lets npm start download the Electron binary; the demo skips it (it runs in a browser)', () => {
    expect(installPlan({ ...fresh, electron: true }).skipElectronBinary).toBe(false)
    expect(installPlan({ ...fresh, electron: false }).skipElectronBinary).toBe(true)
  })

  it('brings npm to 11 first only when it has to install with an older npm', () => {
    expect(installPlan({ ...fresh, npmMajor: 10 }).upgradeNpm).toBe(true)
    expect(installPlan({ ...fresh, npmMajor: 10, installedLockMtimeMs: 1100 }).upgradeNpm).toBe(false)
  })

  it('does nothing outside a checkout (no package-lock.json)', () => {
    expect(installPlan({ ...fresh, lockMtimeMs: null }).install).toBe(false)
  })
})
