import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Key/value storage for settings. Electron uses electron-store; tests and the headless
 * harness use a plain JSON file or memory. Values are untrusted: the service validates them.
 */
export interface SettingsBackend {
  get(key: string): unknown
  set(key: string, value: unknown): void
  /** The file on disk, for notices and for setting aside a corrupt file. */
  readonly path: string
}

export class MemorySettingsBackend implements SettingsBackend {
  readonly path = ':memory:'
  private readonly data = new Map<string, unknown>()
  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) this.data.set(key, structuredClone(value))
  }
  get(key: string): unknown {
    return structuredClone(this.data.get(key))
  }
  set(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value))
  }
}

/** Write through a temporary file and rename, so a crash mid-write never leaves half a file. */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  writeFileSync(temporary, text, { mode: 0o600 })
  renameSync(temporary, path)
}

/** A JSON object file; the caller must run setAsideIfUnreadable first (see settings-file.ts). */
export class JsonFileSettingsBackend implements SettingsBackend {
  private data: Record<string, unknown>

  constructor(readonly path: string) {
    this.data = {}
    if (existsSync(path)) {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        this.data = parsed as Record<string, unknown>
    }
  }

  get(key: string): unknown {
    const value = this.data[key]
    return value === undefined ? undefined : structuredClone(value)
  }

  set(key: string, value: unknown): void {
    this.data = { ...this.data, [key]: structuredClone(value) }
    writeFileAtomic(this.path, `${JSON.stringify(this.data, null, 2)}\n`)
  }
}

/** Where both backends keep the settings in a data folder (electron-store: name 'settings'). */
export const settingsFileName = 'settings.json'
