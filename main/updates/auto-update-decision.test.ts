import { describe, expect, it } from 'vitest'
import { decideAutoUpdate, shouldAutoUpdate } from './auto-update-decision'
import type { InstallerKind } from './installer-kind'

const packaged = (installer: InstallerKind, autoUpdate?: boolean) => ({
  installer,
  policy: autoUpdate === undefined ? null : { autoUpdate },
  isPackaged: true,
})

describe('shouldAutoUpdate', () => {
  it('updates NSIS and DMG installs by default', () => {
    expect(decideAutoUpdate(packaged('nsis')).mode).toBe('install')
    expect(shouldAutoUpdate(packaged('nsis'))).toBe(true)
    expect(shouldAutoUpdate(packaged('dmg'))).toBe(true)
  })

  it('never lets an AppImage replace itself: nothing verifies the downloaded AppImage', () => {
    expect(decideAutoUpdate(packaged('appimage')).mode).toBe('off')
    // Even when the policy asks for updates, new versions are only reported.
    expect(decideAutoUpdate(packaged('appimage', true)).mode).toBe('check-only')
  })

  it('leaves MSI, deb and unrecognised installs to their administrator by default', () => {
    expect(shouldAutoUpdate(packaged('msi'))).toBe(false)
    expect(shouldAutoUpdate(packaged('deb'))).toBe(false)
    expect(shouldAutoUpdate(packaged('unknown'))).toBe(false)
  })

  it('lets the admin policy switch updates on for an MSI install, as checks only', () => {
    expect(shouldAutoUpdate(packaged('msi', true))).toBe(true)
    // The update installer is the per-user NSIS one: over an MSI it would add a second copy.
    expect(decideAutoUpdate(packaged('msi', true)).mode).toBe('check-only')
  })

  it('installs in place when the policy switches updates on for NSIS, DMG or deb', () => {
    for (const installer of ['nsis', 'dmg', 'deb'] as const) {
      expect(decideAutoUpdate(packaged(installer, true)).mode).toBe('install')
    }
  })

  it('lets the admin policy switch updates off for NSIS and DMG installs', () => {
    expect(shouldAutoUpdate(packaged('nsis', false))).toBe(false)
    expect(shouldAutoUpdate(packaged('dmg', false))).toBe(false)
  })

  it('keeps the installer default when the policy does not mention autoUpdate', () => {
    expect(shouldAutoUpdate({ installer: 'nsis', policy: {}, isPackaged: true })).toBe(true)
    expect(shouldAutoUpdate({ installer: 'msi', policy: {}, isPackaged: true })).toBe(false)
  })

  it('never updates a development run, whatever the policy says', () => {
    expect(shouldAutoUpdate({ installer: 'nsis', policy: { autoUpdate: true }, isPackaged: false })).toBe(
      false,
    )
  })

  it('says why, so the log explains an update that did or did not happen', () => {
    expect(decideAutoUpdate(packaged('msi')).reason).toBe('msi install is updated by its administrator')
    expect(decideAutoUpdate(packaged('nsis', true)).reason).toBe('admin policy sets autoUpdate to true')
    expect(decideAutoUpdate(packaged('msi', true)).reason).toMatch(/msi install cannot be replaced/)
  })
})
