import { describe, expect, it } from 'vitest'
import { MemoryLogger } from '../log/logger'
import { EventBus } from './event-bus'
import { EventForwarder } from './event-forwarder'

describe('EventBus', () => {
  it('delivers to subscribers of the event and to onAny, and unsubscribes', () => {
    const bus = new EventBus()
    const targets: string[] = []
    const all: string[] = []
    const stop = bus.on('dial-request', ({ target }) => targets.push(target))
    bus.onAny((event) => all.push(event))
    bus.emit('dial-request', { target: '555' })
    bus.emit('power', { kind: 'resume', at: 1 })
    stop()
    bus.emit('dial-request', { target: '556' })
    expect(targets).toEqual(['555'])
    expect(all).toEqual(['dial-request', 'power', 'dial-request'])
  })

  it('keeps delivering when one listener throws, and logs it', () => {
    const logger = new MemoryLogger()
    const bus = new EventBus(logger)
    const seen: string[] = []
    bus.on('dial-request', () => {
      throw new Error('broken listener')
    })
    bus.on('dial-request', ({ target }) => seen.push(target))
    expect(() => bus.emit('dial-request', { target: '555' })).not.toThrow()
    expect(seen).toEqual(['555'])
    expect(logger.lines.filter((line) => line.level === 'error')).toHaveLength(1)
  })
})

describe('EventForwarder', () => {
  const target = () => {
    const sent: [string, unknown][] = []
    let destroyed = false
    return {
      sent,
      destroy: () => (destroyed = true),
      send: (channel: string, payload: unknown) => sent.push([channel, payload]),
      isDestroyed: () => destroyed,
    }
  }

  it('holds events until attached, then sends directly; holds again after detach', () => {
    const forwarder = new EventForwarder()
    const page = target()
    forwarder.forward('dial-request', { target: '1' })
    expect(page.sent).toEqual([])
    forwarder.attach(page)
    forwarder.forward('dial-request', { target: '2' })
    forwarder.detach()
    forwarder.forward('dial-request', { target: '3' })
    expect(page.sent.map(([, payload]) => payload)).toEqual([{ target: '1' }, { target: '2' }])
    forwarder.attach(page)
    expect(page.sent).toHaveLength(3)
  })

  it('keeps only the newest events while nobody listens, and never sends to a destroyed page', () => {
    const forwarder = new EventForwarder(2)
    for (const n of [1, 2, 3]) forwarder.forward('dial-request', { target: String(n) })
    const page = target()
    forwarder.attach(page)
    expect(page.sent.map(([, payload]) => payload)).toEqual([{ target: '2' }, { target: '3' }])
    page.destroy()
    forwarder.forward('dial-request', { target: '4' })
    expect(page.sent).toHaveLength(2)
  })
})
