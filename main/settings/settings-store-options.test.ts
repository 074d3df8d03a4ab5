import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Conf from 'conf'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { restrictToOwner, settingsStoreOptions } from './settings-store-options'

// conf is the Node core electron-store extends (electron-store renames `name` to `configName`);
// Electron itself cannot load here, so the options are proved on conf.
function openStore(directory: string) {
  const { name, ...options } = settingsStoreOptions(directory)
  return new Conf<Record<string, unknown>>({ ...options, configName: name, projectName: 'parley-test' })
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-store-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const modeOf = (path: string) => statSync(path).mode & 0o777

describe('settings.json file mode (POSIX)', () => {
  it('is written readable by this user only (0600)', () => {
    const store = openStore(dir)
    store.set('account', { displayName: 'Åsa' })
    expect(store.path).toBe(join(dir, 'settings.json'))
    expect(modeOf(store.path)).toBe(0o600)
  })

  it('tightens a settings.json an older version left 0644', () => {
    const path = join(dir, 'settings.json')
    writeFileSync(path, '{}\n')
    chmodSync(path, 0o644)
    restrictToOwner(path)
    expect(modeOf(path)).toBe(0o600)
    openStore(dir).set('preferences', { closeToTray: true })
    expect(modeOf(path)).toBe(0o600)
  })
})
