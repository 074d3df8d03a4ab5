import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { eventChannels, invokeChannels } from './channels'
import { invokeSchemas } from './ipc'

describe('contract channel lists', () => {
  it('list exactly the channels main validates, each once', () => {
    expect([...invokeChannels].sort()).toEqual(Object.keys(invokeSchemas).sort())
    expect(new Set(invokeChannels).size).toBe(invokeChannels.length)
    expect(new Set(eventChannels).size).toBe(eventChannels.length)
  })

  it('import nothing, so the sandboxed preload that uses them bundles no zod', () => {
    const source = readFileSync(join(import.meta.dirname, 'channels.ts'), 'utf8')
    expect(source).not.toMatch(/^\s*import\b/m)
    expect(source).not.toMatch(/\brequire\(|\bimport\(/)
  })

  it('are what the preload imports its channel names from, with the contract as types only', () => {
    const preload = readFileSync(join(import.meta.dirname, '../preload/index.ts'), 'utf8')
    const valueImports = [...preload.matchAll(/^import\s+(?!type\b)[^'"]*from\s+'([^']+)'/gm)].map(
      (match) => match[1],
    )
    expect(valueImports.sort()).toEqual(['../contract/channels', 'electron'])
  })
})
