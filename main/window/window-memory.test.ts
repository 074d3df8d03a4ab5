import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemoryLogger } from '../log/logger'
import { JsonFileSettingsBackend, MemorySettingsBackend } from '../settings/backend'
import { FakeScreen, FakeTrackedWindow, laptopDisplay, monitorDisplay } from '../testing/fake-screen'
import { PlacementStore, placementKey } from './placement-store'
import { WindowMemory } from './window-memory'
import { windowSizes } from './main-window'

const laptop = laptopDisplay
const monitor = monitorDisplay

/** Timers a test fires by hand: the memory saves only once the window has settled. */
function manualTimers() {
  const pending = new Map<number, () => void>()
  let next = 0
  return {
    setTimer: (fn: () => void) => {
      pending.set(++next, fn)
      return next
    },
    clearTimer: (timer: unknown) => pending.delete(timer as number),
    fireAll: () => {
      const due = [...pending.values()]
      pending.clear()
      due.forEach((fn) => fn())
    },
    get count() {
      return pending.size
    },
  }
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-window-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('WindowMemory', () => {
  it('saves once the window settles, and reopens it there on the next start', () => {
    const backend = new JsonFileSettingsBackend(join(dir, 'settings.json'))
    const logger = new MemoryLogger()
    const timers = manualTimers()
    const screen = new FakeScreen([laptop, monitor])
    const memory = new WindowMemory({ store: new PlacementStore(backend, logger), screen, logger, ...timers })
    const window = new FakeTrackedWindow(memory.placement(windowSizes).bounds)
    memory.track(window)
    // A drag fires many moves: one pending save, none written yet.
    window.moveTo({ x: 2000, y: 10, width: 420, height: 800 })
    window.moveTo({ x: 2100, y: 20, width: 420, height: 800 })
    expect(timers.count).toBe(1)
    expect(backend.get(placementKey)).toBeUndefined()
    timers.fireAll()

    const file = join(dir, 'settings.json')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const again = new WindowMemory({
      store: new PlacementStore(new JsonFileSettingsBackend(file), logger),
      screen,
      logger,
    })
    expect(again.placement(windowSizes)).toEqual({
      bounds: { x: 2100, y: 20, width: 420, height: 800 },
      maximized: false,
    })
  })

  it('saves at close at once (maximized with its normal bounds), and opens on the primary when the monitor is gone', () => {
    const backend = new MemorySettingsBackend()
    const logger = new MemoryLogger()
    const timers = manualTimers()
    const screen = new FakeScreen([laptop, monitor])
    const store = new PlacementStore(backend, logger)
    const memory = new WindowMemory({ store, screen, logger, ...timers })
    const window = new FakeTrackedWindow({ x: 2700, y: 100, width: 500, height: 900 })
    memory.track(window)
    window.maximize()
    window.close()
    expect(timers.count).toBe(0)
    expect(memory.placement(windowSizes)).toEqual({
      bounds: { x: 2700, y: 100, width: 500, height: 900 },
      maximized: true,
    })

    screen.displays = [laptop]
    const placed = memory.placement(windowSizes)
    expect(placed.maximized).toBe(true)
    expect(placed.bounds.x + placed.bounds.width).toBeLessThanOrEqual(1366)
    expect(placed.bounds.y + placed.bounds.height).toBeLessThanOrEqual(728)
  })

  it('ignores a hand-edited placement that is not valid (logged), opening at the default place', () => {
    const file = join(dir, 'settings.json')
    writeFileSync(
      file,
      JSON.stringify({ [placementKey]: { last: 'x', byDisplay: { x: { bounds: { x: 'far' } } } } }),
    )
    const logger = new MemoryLogger()
    const memory = new WindowMemory({
      store: new PlacementStore(new JsonFileSettingsBackend(file), logger),
      screen: new FakeScreen([laptop]),
      logger,
    })
    expect(memory.placement(windowSizes)).toEqual({
      bounds: { x: 133, y: 4, width: 1100, height: 720 },
      maximized: false,
    })
    expect(logger.lines.some((line) => line.level === 'warn' && line.message.includes(placementKey))).toBe(
      true,
    )
    expect(JSON.parse(readFileSync(file, 'utf8'))[placementKey].last).toBe('x')
  })

  it('logs a failed save once instead of throwing into the window event', () => {
    const logger = new MemoryLogger()
    const broken = new MemorySettingsBackend()
    broken.set = () => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' })
    }
    const memory = new WindowMemory({
      store: new PlacementStore(broken, logger),
      screen: new FakeScreen([laptop]),
      logger,
    })
    const window = new FakeTrackedWindow({ x: 0, y: 0, width: 400, height: 600 })
    memory.track(window)
    expect(() => window.close()).not.toThrow()
    expect(logger.lines.filter((line) => line.level === 'error')).toHaveLength(1)
  })
})
