import { describe, expect, it } from 'vitest'
import type { RegistrationStatus } from './types'
import { PhoneEmitter } from './emitter'

describe('PhoneEmitter', () => {
  it('says when the last registration status has reached a listener: at its emit, or when one subscribes', async () => {
    const emitter = new PhoneEmitter()
    emitter.emit('registration', { state: 'registered', since: 1 })
    expect(emitter.statusHeard).toBe(false)
    let heard = false
    void emitter.statusHeardByListener().then(() => (heard = true))
    await Promise.resolve()
    expect(heard).toBe(false)
    const stop = emitter.on('registration', () => undefined)
    await Promise.resolve()
    expect(heard).toBe(true)
    emitter.emit('registration', { state: 'unregistered' })
    expect(emitter.statusHeard).toBe(true)
    stop()
    emitter.emit('registration', { state: 'registered', since: 2 })
    expect(emitter.statusHeard).toBe(false)
  })

  it('counts a status as heard by a listener that stops listening on it (one waiting for "Registered")', () => {
    const emitter = new PhoneEmitter()
    const stop = emitter.on('registration', (status) => {
      if (status.state === 'registered') stop()
    })
    emitter.emit('registration', { state: 'registered', since: 1 })
    expect(emitter.statusHeard).toBe(true)
  })

  it('tells a new registration listener the last status at once, and nothing before the first', () => {
    const emitter = new PhoneEmitter()
    const early: RegistrationStatus[] = []
    emitter.on('registration', (status) => early.push(status))
    expect(early).toEqual([])
    emitter.emit('registration', { state: 'connecting', attempt: 1 })
    emitter.emit('registration', { state: 'registered', since: 7 })
    const late: RegistrationStatus[] = []
    emitter.on('registration', (status) => late.push(status))
    expect(late).toEqual([{ state: 'registered', since: 7 }])
    emitter.emit('registration', { state: 'unregistered' })
    expect(late).toEqual([{ state: 'registered', since: 7 }, { state: 'unregistered' }])
    expect(early).toHaveLength(3)
  })

  it('replays only the registration status: other events are news', () => {
    const emitter = new PhoneEmitter()
    emitter.emit('error', { message: { key: 'sip.unexpected' } })
    const errors: unknown[] = []
    emitter.on('error', (error) => errors.push(error))
    expect(errors).toEqual([])
  })

  it('reports a listener that throws on the replay instead of throwing to the subscriber', () => {
    const reported: unknown[] = []
    const emitter = new PhoneEmitter((error) => reported.push(error))
    emitter.emit('registration', { state: 'registered', since: 1 })
    expect(() =>
      emitter.on('registration', () => {
        throw new Error('ui bug')
      }),
    ).not.toThrow()
    expect(reported).toEqual([new Error('ui bug')])
  })
})
