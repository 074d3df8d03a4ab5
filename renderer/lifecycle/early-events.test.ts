import { describe, expect, it } from 'vitest'
import { FakeApi } from '../testing/fake-api'
import { keepEarlyEvents } from './early-events'

describe('keepEarlyEvents', () => {
  it('hands events that came before the first listener to it, in order, then the live ones', () => {
    const api = new FakeApi()
    const early = keepEarlyEvents(api, ['power'])
    api.emit('power', { kind: 'suspend', at: 1 })
    api.emit('power', { kind: 'resume', at: 2 })
    const seen: string[] = []
    early.on('power', (event) => seen.push(event.kind))
    expect(seen).toEqual(['suspend', 'resume'])
    api.emit('power', { kind: 'lock-screen', at: 3 })
    expect(seen).toEqual(['suspend', 'resume', 'lock-screen'])
  })

  it('keeps nothing once handed over: a later listener sees only what comes after it', () => {
    const api = new FakeApi()
    const early = keepEarlyEvents(api, ['power'])
    api.emit('power', { kind: 'suspend', at: 1 })
    early.on('power', () => undefined)
    const later: string[] = []
    early.on('power', (event) => later.push(event.kind))
    expect(later).toEqual([])
    api.emit('power', { kind: 'resume', at: 2 })
    expect(later).toEqual(['resume'])
  })

  it('keeps only the events it was told to; unsubscribing stops delivery', () => {
    const api = new FakeApi()
    const early = keepEarlyEvents(api, ['power'])
    api.emit('headset', { kind: 'attached' } as never)
    const headset: unknown[] = []
    const stop = early.on('headset', (event) => headset.push(event))
    expect(headset).toEqual([])
    const power: string[] = []
    const stopPower = early.on('power', (event) => power.push(event.kind))
    stopPower()
    api.emit('power', { kind: 'resume', at: 2 })
    expect(power).toEqual([])
    stop()
  })
})
