import { describe, expect, it } from 'vitest'
import { preferencesSchema } from '../../contract/schemas'
import { EventBus } from '../ipc/event-bus'
import { FakeTrackedWindow } from '../testing/fake-screen'
import { keepOnTop } from './keep-on-top'

describe('keepOnTop', () => {
  it('applies the preference when the window opens and each time it changes, until stopped', () => {
    const events = new EventBus()
    const window = new FakeTrackedWindow({ x: 0, y: 0, width: 400, height: 600 })
    const stored = preferencesSchema.parse({ keepOnTop: true })
    const stop = keepOnTop(window, events, () => stored)
    expect(window.onTop).toBe(true)
    events.emit('preferences-changed', { ...stored, keepOnTop: false })
    expect(window.onTop).toBe(false)
    stop()
    events.emit('preferences-changed', { ...stored, keepOnTop: true })
    expect(window.onTop).toBe(false)
  })

  it('leaves a destroyed window alone', () => {
    const events = new EventBus()
    const window = new FakeTrackedWindow({ x: 0, y: 0, width: 400, height: 600 })
    keepOnTop(window, events, () => preferencesSchema.parse({}))
    window.destroyed = true
    expect(() =>
      events.emit('preferences-changed', preferencesSchema.parse({ keepOnTop: true })),
    ).not.toThrow()
    expect(window.onTop).toBe(false)
  })
})
