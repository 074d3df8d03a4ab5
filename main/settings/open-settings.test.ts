import { inEnglish, inSwedish } from '../testing/english'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemoryLogger } from '../log/logger'
import { JsonFileSettingsBackend, MemorySettingsBackend } from './backend'
import { openSettings } from './open-settings'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-open-settings-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('openSettings', () => {
  it('opens a good file without notices', () => {
    const path = join(dir, 'settings.json')
    writeFileSync(path, '{"preferences": {"doNotDisturb": true}}')
    const opened = openSettings(path, () => new JsonFileSettingsBackend(path), new MemoryLogger())
    expect(opened.notices).toEqual([])
    expect(opened.backend.get('preferences')).toEqual({ doNotDisturb: true })
  })

  it('sets a corrupt file aside and opens a fresh one', () => {
    const path = join(dir, 'settings.json')
    writeFileSync(path, '\u0000\u0001garbage')
    const opened = openSettings(
      path,
      () => new JsonFileSettingsBackend(path),
      new MemoryLogger(),
      new Date('2026-11-25T00:00:00Z'),
    )
    expect(inEnglish(opened.notices)).toEqual([expect.stringMatching(/not valid JSON/)])
    expect(inSwedish(opened.notices)).toEqual([
      expect.stringMatching(/kunde inte användas eftersom den inte är giltig JSON\. Den sparades som/),
    ])
    expect(opened.backend).toBeInstanceOf(JsonFileSettingsBackend)
    expect(readdirSync(dir)).toEqual(['settings.json.corrupt-20261125T000000Z'])
  })

  it('falls back to memory with a notice when the file cannot be opened at all', () => {
    const path = join(dir, 'settings.json')
    mkdirSync(path)
    const logger = new MemoryLogger()
    const opened = openSettings(path, () => new JsonFileSettingsBackend(path), logger)
    expect(opened.backend).toBeInstanceOf(MemorySettingsBackend)
    expect(inEnglish(opened.notices)).toEqual([
      expect.stringMatching(/could not be opened \(EISDIR\).*will not be saved/),
    ])
    expect(logger.lines.some((line) => line.level === 'error')).toBe(true)
  })
})
