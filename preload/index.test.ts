import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { ParleyApi } from '../contract/ipc'

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  listeners: new Map<string, ((...args: unknown[]) => void)[]>(),
}))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      electron.invoked.push(args)
      return Promise.resolve({ ok: true, value: null })
    },
    on: (channel: string, listener: (...args: unknown[]) => void) =>
      electron.listeners.set(channel, [...(electron.listeners.get(channel) ?? []), listener]),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) =>
      electron.listeners.set(
        channel,
        (electron.listeners.get(channel) ?? []).filter((item) => item !== listener),
      ),
  },
}))

const source = (path: string) => readFileSync(join(import.meta.dirname, path), 'utf8')
/** Modules a file loads at run time (type-only imports are erased from the bundle). */
const valueImports = (code: string) =>
  [...code.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)].map((match) => match[1])

describe('preload', () => {
  let api: ParleyApi
  beforeAll(async () => {
    await import('./index')
    api = electron.exposed.get('parley') as ParleyApi
  })

  it('loads only electron and the import-free channel lists, so no zod is bundled into it', () => {
    expect(valueImports(source('index.ts')).sort()).toEqual(['../contract/channels', 'electron'])
    const channels = source('../contract/channels.ts')
    expect(channels).not.toMatch(/^\s*(import|export\s+[^\n]*\sfrom)\b/m)
    expect(channels).not.toMatch(/\brequire\(|\bimport\(/)
  })

  it('forwards contract channels and refuses any other without reaching ipcRenderer', async () => {
    await expect(api.invoke('account:get')).resolves.toEqual({ ok: true, value: null })
    await expect(api.invoke('shell:exec' as never)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(electron.invoked).toEqual([['account:get', undefined]])
  })

  it('subscribes to contract events only, and unsubscribes', () => {
    const payloads: unknown[] = []
    const off = api.on('dial-request', (payload) => payloads.push(payload))
    api.on('not-an-event' as never, () => payloads.push('leak'))
    expect([...electron.listeners.keys()]).toEqual(['dial-request'])
    electron.listeners.get('dial-request')?.[0]?.({}, { target: '100' })
    off()
    expect(electron.listeners.get('dial-request')).toEqual([])
    expect(payloads).toEqual([{ target: '100' }])
  })
})
