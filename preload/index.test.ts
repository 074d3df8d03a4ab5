import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startUpChannels, startUpKeepMs } from '../contract/channels'
import type { ParleyApi } from '../contract/ipc'

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  /** Channels whose invoke rejects, as Electron's does when main has no handler for it. */
  rejecting: new Set<string>(),
  listeners: new Map<string, ((...args: unknown[]) => void)[]>(),
}))

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      electron.invoked.push(args)
      const [channel] = args as [string]
      if (electron.rejecting.has(channel)) return Promise.reject(new Error(`No handler for ${channel}`))
      // Each answer names its channel and how many asks main had: a kept answer is told apart.
      return Promise.resolve({ ok: true, value: `${channel} #${electron.invoked.length}` })
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
const askedAtLoad = startUpChannels.map((channel) => [channel])

describe('preload', () => {
  let api: ParleyApi
  /** Loads preload afresh, as a new document does, with main rejecting `rejecting`'s asks. */
  async function loadPreload(...rejecting: string[]): Promise<void> {
    electron.invoked.length = 0
    electron.rejecting = new Set(rejecting)
    vi.resetModules()
    await import('./index')
    api = electron.exposed.get('parley') as ParleyApi
  }
  beforeEach(async () => {
    vi.useFakeTimers()
    electron.listeners.clear()
    await loadPreload()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('loads only electron and the import-free channel lists, so no zod is bundled into it', () => {
    expect(valueImports(source('index.ts')).sort()).toEqual(['../contract/channels', 'electron'])
    const channels = source('../contract/channels.ts')
    expect(channels).not.toMatch(/^\s*(import|export\s+[^\n]*\sfrom)\b/m)
    expect(channels).not.toMatch(/\brequire\(|\bimport\(/)
  })

  it("asks main for the contract's start-up answers as it loads, before the page asks", () => {
    expect(startUpChannels).toEqual(['account:get', 'account:password', 'preferences:get'])
    expect(electron.invoked).toEqual(askedAtLoad)
  })

  it("serves each start-up channel's first ask from the kept answer, later asks from main", async () => {
    await expect(api.invoke('account:password')).resolves.toEqual({ ok: true, value: 'account:password #2' })
    await expect(api.invoke('account:get')).resolves.toEqual({ ok: true, value: 'account:get #1' })
    expect(electron.invoked).toEqual(askedAtLoad)
    await expect(api.invoke('account:password')).resolves.toEqual({ ok: true, value: 'account:password #4' })
    expect(electron.invoked).toEqual([...askedAtLoad, ['account:password', undefined]])
  })

  it('hands a rejected start-up ask to the first caller as the same rejection', async () => {
    await loadPreload('account:get')
    await vi.advanceTimersByTimeAsync(10) // the rejection has settled before anyone asks
    await expect(api.invoke('account:get')).rejects.toThrow('No handler for account:get')
    electron.rejecting.clear()
    await expect(api.invoke('account:get')).resolves.toEqual({ ok: true, value: 'account:get #4' })
  })

  it('drops the kept answers nobody asked for after the keeping time (the password among them)', async () => {
    await loadPreload('preferences:get') // a refusal nobody takes is dropped, unhandled-free
    await vi.advanceTimersByTimeAsync(startUpKeepMs - 1)
    await expect(api.invoke('account:get')).resolves.toEqual({ ok: true, value: 'account:get #1' })
    await vi.advanceTimersByTimeAsync(1)
    await expect(api.invoke('account:password')).resolves.toEqual({ ok: true, value: 'account:password #4' })
    expect(electron.invoked).toEqual([...askedAtLoad, ['account:password', undefined]])
  })

  it("reports a refusal nobody took once, when it is dropped; one the page took is the page's to report", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      await loadPreload('preferences:get', 'account:get')
      await expect(api.invoke('account:get')).rejects.toThrow('No handler for account:get')
      await vi.advanceTimersByTimeAsync(startUpKeepMs - 1)
      expect(warn).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(1)
      expect(warn.mock.calls).toEqual([
        [
          'preload: main did not answer preferences:get at start',
          new Error('No handler for preferences:get'),
        ],
      ])
    } finally {
      warn.mockRestore()
    }
  })

  it('goes to main once the page asked main anything itself, or asked with a request', async () => {
    await api.invoke('preferences:get', {})
    expect(electron.invoked).toEqual([...askedAtLoad, ['preferences:get', {}]])
    await api.invoke('account:get')
    expect(electron.invoked).toEqual([...askedAtLoad, ['preferences:get', {}], ['account:get', undefined]])
  })

  it('forwards contract channels and refuses any other without reaching ipcRenderer', async () => {
    await expect(api.invoke('status:get')).resolves.toEqual({ ok: true, value: 'status:get #4' })
    await expect(api.invoke('shell:exec' as never)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    expect(electron.invoked).toEqual([...askedAtLoad, ['status:get', undefined]])
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
