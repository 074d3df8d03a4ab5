import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { EventChannel, EventMap } from '../../contract/ipc'
import { MemoryLogger } from '../log/logger'
import { CallPowerBlocker, type PowerSaveBlockerLike } from './call-power-blocker'
import { PowerEventService } from './power-events'

class RecordingSink {
  readonly events: { event: EventChannel; payload: unknown }[] = []
  emit<E extends EventChannel>(event: E, payload: EventMap[E]): void {
    this.events.push({ event, payload })
  }
}

class FakePowerSaveBlocker implements PowerSaveBlockerLike {
  private nextId = 1
  readonly active = new Set<number>()
  readonly types: string[] = []
  start(type: 'prevent-app-suspension'): number {
    this.types.push(type)
    const id = this.nextId++
    this.active.add(id)
    return id
  }
  stop(id: number): void {
    this.active.delete(id)
  }
}

const powerEvents = ['suspend', 'resume', 'lock-screen', 'unlock-screen'] as const

describe('PowerEventService', () => {
  it('turns powerMonitor events into typed power events with a time', () => {
    const monitor = new EventEmitter()
    const sink = new RecordingSink()
    const service = new PowerEventService({ powerMonitor: monitor, events: sink, now: () => 1234 })
    service.start()
    for (const kind of powerEvents) monitor.emit(kind)
    monitor.emit('shutdown')
    expect(sink.events).toEqual(powerEvents.map((kind) => ({ event: 'power', payload: { kind, at: 1234 } })))
    service.stop()
  })

  it('leaves no listeners after stop, and starting twice does not double them', () => {
    const monitor = new EventEmitter()
    const sink = new RecordingSink()
    const service = new PowerEventService({ powerMonitor: monitor, events: sink })
    service.start()
    service.start()
    expect(monitor.listenerCount('resume')).toBe(1)
    service.stop()
    for (const kind of powerEvents) expect(monitor.listenerCount(kind)).toBe(0)
    monitor.emit('resume')
    expect(sink.events).toEqual([])
  })
})

describe('CallPowerBlocker', () => {
  it('holds prevent-app-suspension exactly while a call is up', () => {
    const blocker = new FakePowerSaveBlocker()
    const service = new CallPowerBlocker({ powerSaveBlocker: blocker, logger: new MemoryLogger() })
    service.update({ calls: 0, ringing: false })
    expect(blocker.active.size).toBe(0)
    service.update({ calls: 1, ringing: true })
    service.update({ calls: 2, ringing: false })
    service.update({ calls: 1, ringing: false })
    expect(blocker.active.size).toBe(1)
    expect(blocker.types).toEqual(['prevent-app-suspension'])
    service.update({ calls: 0, ringing: false })
    expect(blocker.active.size).toBe(0)
    expect(service.holding).toBe(false)
    service.update({ calls: 0, ringing: true })
    expect(blocker.active.size).toBe(1)
  })

  it('releases the blocker on stop', () => {
    const blocker = new FakePowerSaveBlocker()
    const service = new CallPowerBlocker({ powerSaveBlocker: blocker, logger: new MemoryLogger() })
    service.update({ calls: 1, ringing: false })
    service.stop()
    expect(blocker.active.size).toBe(0)
    service.stop()
    expect(blocker.active.size).toBe(0)
  })

  it('keeps the phone working when the blocker cannot start', () => {
    const logger = new MemoryLogger()
    const service = new CallPowerBlocker({
      powerSaveBlocker: {
        start: () => {
          throw new Error('not supported')
        },
        stop: () => undefined,
      },
      logger,
    })
    expect(() => service.update({ calls: 1, ringing: false })).not.toThrow()
    expect(service.holding).toBe(false)
    expect(logger.lines[0]?.level).toBe('warn')
  })
})
