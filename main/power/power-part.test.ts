import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { MemoryLogger } from '../log/logger'
import { fakePartContext } from '../testing/part-context'
import { powerPart } from './power-part'

describe('powerPart', () => {
  it('wires phone status to the blocker and power events to the bus, and unwires on stop', async () => {
    const monitor = new EventEmitter()
    const active = new Set<number>()
    const ctx = fakePartContext()
    const seen: string[] = []
    ctx.events.on('power', (event) => seen.push(event.kind))
    const part = powerPart(() => ({
      powerMonitor: monitor,
      powerSaveBlocker: { start: () => (active.add(1), 1), stop: (id: number) => active.delete(id) },
    }))(ctx)
    await part.start?.()
    ctx.calls.emit('status', { registration: 'registered', calls: 1, ringing: false })
    expect(active.size).toBe(1)
    monitor.emit('suspend')
    expect(seen).toEqual(['suspend'])
    await part.stop?.()
    expect(active.size).toBe(0)
    expect(monitor.listenerCount('suspend')).toBe(0)
    ctx.calls.emit('status', { registration: 'registered', calls: 1, ringing: false })
    expect(active.size).toBe(0)
  })

  it('lets the app start when the platform has no power monitor', async () => {
    const ctx = fakePartContext()
    const part = powerPart(() => {
      throw new Error('No "powerMonitor" export')
    })(ctx)
    await expect(Promise.resolve(part.start?.())).resolves.toBeUndefined()
    expect((ctx.logger as MemoryLogger).lines[0]?.level).toBe('warn')
  })
})
