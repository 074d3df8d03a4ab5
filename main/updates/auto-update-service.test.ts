import { describe, expect, it } from 'vitest'
import { AutoUpdateService, type UpdaterPort } from './auto-update-service'

class FakeUpdater implements UpdaterPort {
  autoDownload = false
  autoInstallOnAppQuit = false
  feeds: string[] = []
  checks = 0
  nextCheck: () => Promise<unknown> = () => Promise.resolve(null)
  listeners = new Set<(error: Error) => void>()
  setFeedURL(options: { provider: 'generic'; url: string }) {
    this.feeds.push(options.url)
  }
  checkForUpdates() {
    this.checks += 1
    return this.nextCheck()
  }
  on(_event: 'error', listener: (error: Error) => void) {
    this.listeners.add(listener)
  }
  removeListener(_event: 'error', listener: (error: Error) => void) {
    this.listeners.delete(listener)
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

function setup(enabled: boolean, feedUrl?: string) {
  const updater = new FakeUpdater()
  const timers = new FakeTimers()
  const logs: string[] = []
  let loads = 0
  const service = new AutoUpdateService({
    decision: {
      enabled,
      reason: enabled ? 'nsis install updates itself' : 'msi install is updated by its administrator',
    },
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
    const { service, timers, logs, loads } = setup(false)
    service.start()
    expect(loads()).toBe(0)
    expect(timers.callbacks.size).toBe(0)
    expect(service.running).toBe(false)
    expect(logs).toEqual(['Auto-update off: msi install is updated by its administrator'])
  })

  it('checks at start and on every interval, downloading and installing on quit', () => {
    const { service, updater, timers } = setup(true)
    service.start()
    expect(updater.checks).toBe(1)
    expect(updater.autoDownload).toBe(true)
    expect(updater.autoInstallOnAppQuit).toBe(true)
    timers.tick()
    timers.tick()
    expect(updater.checks).toBe(3)
  })

  it('starts once however often start is called', () => {
    const { service, updater, timers } = setup(true)
    service.start()
    service.start()
    expect(updater.checks).toBe(1)
    expect(timers.callbacks.size).toBe(1)
  })

  it('stops checking and lets go of the updater on stop', () => {
    const { service, updater, timers } = setup(true)
    service.start()
    service.stop()
    timers.tick()
    expect(updater.checks).toBe(1)
    expect(timers.callbacks.size).toBe(0)
    expect(updater.listeners.size).toBe(0)
    expect(service.running).toBe(false)
  })

  it('uses the policy feed URL when it is https', () => {
    const { service, updater } = setup(true, 'https://updates.corp.example/parley')
    service.start()
    expect(updater.feeds).toEqual(['https://updates.corp.example/parley'])
  })

  it('refuses a plain-http policy feed and stays off', () => {
    const { service, updater, logs } = setup(true, 'http://updates.corp.example/parley')
    service.start()
    expect(updater.feeds).toEqual([])
    expect(updater.checks).toBe(0)
    expect(logs.at(-1)).toContain('not an https URL')
  })

  it('reports a failed check once, whether it was emitted, rejected or both', async () => {
    const { service, updater, logs } = setup(true)
    const failure = new Error('feed unreachable')
    updater.nextCheck = () => {
      for (const listener of updater.listeners) listener(failure)
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
