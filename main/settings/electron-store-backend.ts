import Store from 'electron-store'
import type { SettingsBackend } from './backend'
import { restrictToOwner, settingsStoreOptions } from './settings-store-options'

/**
 * electron-store behind the SettingsBackend interface. Run setAsideIfUnreadable on
 * `settingsFilePath(dir)` first: electron-store itself would throw on a non-JSON file.
 */
export class ElectronStoreBackend implements SettingsBackend {
  private readonly store: Store<Record<string, unknown>>

  constructor(directory: string) {
    this.store = new Store<Record<string, unknown>>(settingsStoreOptions(directory))
    restrictToOwner(this.store.path)
  }

  get path(): string {
    return this.store.path
  }

  get(key: string): unknown {
    return this.store.get(key)
  }

  set(key: string, value: unknown): void {
    this.store.set(key, value)
  }
}
