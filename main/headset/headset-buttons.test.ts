import { describe, expect, it } from 'vitest'
import type { EventMap } from '../../contract/ipc'
import { EventBus } from '../ipc/event-bus'
import { MemoryLogger } from '../log/logger'
import { fakePartContext } from '../testing/part-context'
import { HeadsetButtons, type GlobalShortcutsLike } from './headset-buttons'
import { headsetButtonsPart } from './headset-buttons-part'

/** A globalShortcut stand-in: keys other apps hold refuse registration, as the OS does. */
class FakeShortcuts implements GlobalShortcutsLike {
  readonly registered = new Map<string, () => void>()
  readonly heldElsewhere = new Set<string>()
  registerCalls = 0
  throwOnRegister: Error | null = null

  register(accelerator: string, callback: () => void): boolean {
    this.registerCalls++
    if (this.throwOnRegister) throw this.throwOnRegister
    if (this.heldElsewhere.has(accelerator) || this.registered.has(accelerator)) return false
    this.registered.set(accelerator, callback)
    return true
  }

  unregister(accelerator: string): void {
    this.registered.delete(accelerator)
  }

  press(accelerator: string): void {
    const callback = this.registered.get(accelerator)
    if (!callback) throw new Error(`${accelerator} is not registered`)
    callback()
  }
}

function setup() {
  const shortcuts = new FakeShortcuts()
  const events = new EventBus()
  const logger = new MemoryLogger()
  const pressed: EventMap['headset-button'][] = []
  events.on('headset-button', (payload) => pressed.push(payload))
  const buttons = new HeadsetButtons({ shortcuts, events, logger })
  return { shortcuts, events, logger, pressed, buttons }
}

const idle = { calls: 0, ringing: false }
const ringing = { calls: 1, ringing: true }
const talking = { calls: 1, ringing: false }

describe('HeadsetButtons', () => {
  it('holds the media keys only while a call is ringing or up', () => {
    const { shortcuts, buttons } = setup()
    buttons.update(idle)
    expect([...shortcuts.registered.keys()]).toEqual([])
    buttons.update(ringing)
    expect([...shortcuts.registered.keys()].sort()).toEqual(['MediaPlayPause', 'MediaStop'])
    buttons.update(talking)
    buttons.update({ calls: 2, ringing: false })
    expect(shortcuts.registerCalls).toBe(2)
    buttons.update(idle)
    expect([...shortcuts.registered.keys()]).toEqual([])
    expect(buttons.heldKeys).toEqual([])
  })

  it('takes the keys for an outgoing call too (calls > 0 without ringing)', () => {
    const { shortcuts, buttons } = setup()
    buttons.update(talking)
    expect(shortcuts.registered.has('MediaPlayPause')).toBe(true)
  })

  it('turns a press into a typed headset-button event', () => {
    const { shortcuts, buttons, pressed } = setup()
    buttons.update(ringing)
    shortcuts.press('MediaPlayPause')
    shortcuts.press('MediaStop')
    expect(pressed).toEqual([{ button: 'play-pause' }, { button: 'stop' }])
  })

  it('ignores a press that arrives after the keys were given back', () => {
    const { shortcuts, buttons, pressed } = setup()
    buttons.update(ringing)
    const late = shortcuts.registered.get('MediaPlayPause')
    buttons.update(idle)
    late?.()
    expect(pressed).toEqual([])
  })

  it('leaves no shortcuts after stop, and stop twice is harmless', () => {
    const { shortcuts, buttons } = setup()
    buttons.update(talking)
    buttons.stop()
    expect(shortcuts.registered.size).toBe(0)
    buttons.stop()
    expect(shortcuts.registered.size).toBe(0)
  })

  it('logs a key another app holds once, keeps the other key, and tries again on the next call', () => {
    const { shortcuts, buttons, logger, pressed } = setup()
    shortcuts.heldElsewhere.add('MediaPlayPause')
    buttons.update(ringing)
    expect(buttons.heldKeys).toEqual(['MediaStop'])
    shortcuts.press('MediaStop')
    expect(pressed).toEqual([{ button: 'stop' }])
    buttons.update(idle)
    buttons.update(ringing)
    const warnings = logger.lines.filter((line) => line.level === 'warn')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.message).toContain('MediaPlayPause')
    shortcuts.heldElsewhere.clear()
    buttons.update(idle)
    buttons.update(ringing)
    expect(buttons.heldKeys.sort()).toEqual(['MediaPlayPause', 'MediaStop'])
  })

  it('does not throw when the system refuses the keys, and logs each key once', () => {
    const { shortcuts, buttons, logger } = setup()
    shortcuts.throwOnRegister = new Error('not allowed')
    expect(() => buttons.update(ringing)).not.toThrow()
    buttons.update(idle)
    expect(() => buttons.update(talking)).not.toThrow()
    expect(buttons.heldKeys).toEqual([])
    expect(logger.lines.map((line) => line.message.includes('MediaPlayPause'))).toEqual([true, false])
    expect(logger.lines).toHaveLength(2)
  })
})

describe('headsetButtonsPart', () => {
  it('follows phone status from the call signals and lets go of everything on stop', async () => {
    const shortcuts = new FakeShortcuts()
    const ctx = fakePartContext()
    const pressed: string[] = []
    ctx.events.on('headset-button', ({ button }) => pressed.push(button))
    const part = headsetButtonsPart(() => shortcuts)(ctx)
    await part.start?.()
    ctx.calls.emit('status', { registration: 'registered', calls: 0, ringing: true })
    shortcuts.press('MediaPlayPause')
    expect(pressed).toEqual(['play-pause'])
    ctx.calls.emit('status', { registration: 'registered', calls: 0, ringing: false })
    expect(shortcuts.registered.size).toBe(0)
    ctx.calls.emit('status', { registration: 'registered', calls: 1, ringing: false })
    expect(shortcuts.registered.size).toBe(2)
    await part.stop?.()
    expect(shortcuts.registered.size).toBe(0)
    ctx.calls.emit('status', { registration: 'registered', calls: 1, ringing: true })
    expect(shortcuts.registered.size).toBe(0)
  })

  it('picks up a call already under way when it starts (status is a state)', async () => {
    const shortcuts = new FakeShortcuts()
    const ctx = fakePartContext()
    ctx.calls.emit('status', { registration: 'registered', calls: 1, ringing: false })
    const part = headsetButtonsPart(() => shortcuts)(ctx)
    await part.start?.()
    expect(shortcuts.registered.size).toBe(2)
    await part.stop?.()
  })

  it('lets the app start when the platform has no global shortcuts', async () => {
    const ctx = fakePartContext()
    const part = headsetButtonsPart(() => {
      throw new Error('No "globalShortcut" export')
    })(ctx)
    await expect(Promise.resolve(part.start?.())).resolves.toBeUndefined()
    expect((ctx.logger as MemoryLogger).lines[0]?.level).toBe('warn')
    await expect(Promise.resolve(part.stop?.())).resolves.toBeUndefined()
  })
})
