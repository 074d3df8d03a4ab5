import { describe, expect, it } from 'vitest'
import type { AutoUpdateDecision } from './auto-update-decision'
import { AutoUpdateService, type UpdaterPort } from './auto-update-service'

type Listener = (payload: never) => void

class FakeUpdater implements UpdaterPort {
  autoDownload = false
  autoInstallOnAppQuit = false
  feeds: string[] = []
  checks = 0
  nextCheck: () => Promise<unknown> = () => Promise.resolve(null)
  listeners = new Map<string, Set<Listener>>()
  setFeedURL(options: { provider: 'generic'; url: string }) {
    this.feeds.push(options.url)
  }
  checkForUpdates() {
    this.checks += 1
    return this.nextCheck()
  }
  on(event: string, listener: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set())
    this.listeners.get(event)?.add(listener)
  }
  removeListener(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener)
  }
  emit(event: 'error', payload: Error): void
  emit(event: 'update-available', payload: { version: string }): void
  emit(event: string, payload: unknown) {
    for (const listener of this.listeners.get(event) ?? []) (listener as (value: unknown) => void)(payload)
  }
  listenerCount() {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0)
  }
}

class FakeTimers {
  callbacks = new Map<number, { callback: () => void; ms: number }>()
  private next = 1
  setInterval(callback: () => void, ms: number) {
    const id = this.next++
    this.callbacks.set(id, { callback, ms })
    return id
  }
  clearInterval(handle: unknown) {
    this.callbacks.delete(handle as number)
  }
  tick() {
    for (const { callback } of this.callbacks.values()) callback()
  }
}

const decisions: Record<AutoUpdateDecision['mode'], AutoUpdateDecision> = {
  off: { enabled: false, mode: 'off', reason: 'msi install is updated by its administrator' },
  install: { enabled: true, mode: 'install', reason: 'nsis install updates itself' },
  'check-only': { enabled: true, mode: 'check-only', reason: 'admin policy sets autoUpdate to true; …' },
}

function setup(mode: AutoUpdateDecision['mode'], feedUrl?: string) {
  const updater = new FakeUpdater()
  const timers = new FakeTimers()
  const logs: string[] = []
  let loads = 0
  const service = new AutoUpdateService({
    decision: decisions[mode],
    loadUpdater: () => {
      loads += 1
      return updater
    },
    timers,
    log: (message) => logs.push(message),
    feedUrl,
    checkEveryMs: 1000,
  })
  return { service, updater, timers, logs, loads: () => loads }
}

describe('AutoUpdateService', () => {
  it('does not touch electron-updater at all when updates are off', () => {
    const { service, timers, logs, loads } = setup('off')
    service.start()
    expect(loads()).toBe(0)
    expect(timers.callbacks.size).toBe(0)
    expect(service.running).toBe(false)
    expect(logs).toEqual(['Auto-update off: msi install is updated by its administrator'])
  })

  it('checks at start and on every interval, downloading and installing on quit', () => {
    const { service, updater, timers } = setup('install')
    service.start()
    expect(updater.checks).toBe(1)
    expect(updater.autoDownload).toBe(true)
    expect(updater.autoInstallOnAppQuit).toBe(true)
    timers.tick()
    timers.tick()
    expect(updater.checks).toBe(3)
  })

  it('in check-only mode looks for new versions but never downloads or installs them', () => {
    const { service, updater, logs } = setup('check-only')
    updater.autoDownload = true // electron-updater's own default
    updater.autoInstallOnAppQuit = true
    service.start()
    updater.emit('update-available', { version: '1.2.0' })
    expect(updater.checks).toBe(1)
    expect(updater.autoDownload).toBe(false)
    expect(updater.autoInstallOnAppQuit).toBe(false)
    expect(logs.at(-1)).toBe('Update 1.2.0 available: not installing (check-only)')
  })

  it('starts once however often start is called', () => {
    const { service, updater, timers } = setup('install')
    service.start()
    service.start()
    expect(updater.checks).toBe(1)
    expect(timers.callbacks.size).toBe(1)
  })

  it('stops checking and lets go of the updater on stop', () => {
    const { service, updater, timers } = setup('install')
    service.start()
    service.stop()
    timers.tick()
    expect(updater.checks).toBe(1)
    expect(timers.callbacks.size).toBe(0)
    expect(updater.listenerCount()).toBe(0)
    expect(service.running).toBe(false)
  })

  it('uses the policy feed URL when it is https', () => {
    const { service, updater } = setup('install', 'https://updates.corp.example/parley')
    service.start()
    expect(updater.feeds).toEqual(['https://updates.corp.example/parley'])
  })

  it('refuses a plain-http policy feed and stays off', () => {
    const { service, updater, logs } = setup('install', 'http://updates.corp.example/parley')
    service.start()
    expect(updater.feeds).toEqual([])
    expect(updater.checks).toBe(0)
    expect(logs.at(-1)).toContain('not an https URL')
  })

  it('reports a failed check once, whether it was emitted, rejected or both', async () => {
    const { service, updater, logs } = setup('install')
    const failure = new Error('feed unreachable')
    updater.nextCheck = () => {
      updater.emit('error', failure)
      return Promise.reject(failure)
    }
    service.start()
    await Promise.resolve()
    await Promise.resolve()
    expect(logs.filter((line) => line.startsWith('Update check failed'))).toEqual([
      'Update check failed: feed unreachable',
    ])
  })
})
