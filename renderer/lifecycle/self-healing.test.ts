import { FakePhone } from '../testing/fake-phone'
import { describe, expect, it } from 'vitest'
import { DeviceManager } from '../audio/device-manager'
import { FakeParley, FakeRingerSinks, mic, out, settle } from '../testing/audio'
import { FakeMediaDevices } from '../testing/media'
import { ManualTimers } from '../testing/web-audio'
import { startSelfHealing, type WindowPort } from './self-healing'

/** window stand-in: online/offline listeners, and timeouts the test fires by hand. */
class FakeWindow extends ManualTimers implements WindowPort {
  navigator = { onLine: true }
  private readonly listeners = new Map<string, Set<() => void>>()

  addEventListener(type: 'online' | 'offline', listener: () => void): void {
    const set = this.listeners.get(type) ?? new Set()
    set.add(listener)
    this.listeners.set(type, set)
  }
  removeEventListener(type: 'online' | 'offline', listener: () => void): void {
    this.listeners.get(type)?.delete(listener)
  }
  fire(type: 'online' | 'offline'): void {
    this.navigator.onLine = type === 'online'
    for (const listener of [...(this.listeners.get(type) ?? [])]) listener()
  }
  listenerCount(): number {
    let count = 0
    for (const set of this.listeners.values()) count += set.size
    return count
  }
}

class CountingDevices {
  refreshes: Array<{ reapply?: boolean } | undefined> = []
  async refresh(options?: { reapply?: boolean }): Promise<void> {
    this.refreshes.push(options)
  }
}

function setup() {
  const phone = new FakePhone()
  const api = new FakeParley()
  const devices = new CountingDevices()
  const win = new FakeWindow()
  const network: boolean[] = []
  const stop = startSelfHealing({
    phone,
    api,
    devices,
    window: win,
    onNetworkChange: (online) => network.push(online),
  })
  phone.emit('registration', { state: 'registered', since: 1 })
  return { phone, api, devices, win, network, stop }
}

const power = (kind: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen') => ({ kind, at: Date.now() })

describe('startSelfHealing', () => {
  it('unregisters cleanly on suspend', async () => {
    const { api, phone } = setup()
    api.emit('power', power('suspend'))
    await settle()
    expect(healing(phone)).toEqual(['suspend'])
  })

  // What wake() registers (the account it had, nothing after a sign-out) is the adapter's:
  // phone.test.ts 'suspend and wake'.
  it('wakes the phone at once on resume and re-reads + re-applies the devices', async () => {
    const { api, phone, devices } = setup()
    api.emit('power', power('suspend'))
    phone.emit('registration', { state: 'unregistered' })
    api.emit('power', power('resume'))
    await settle()
    expect(healing(phone)).toEqual(['suspend', 'wake'])
    expect(devices.refreshes[0]).toEqual({ reapply: true })
  })

  it('a resume without a preceding suspend forces a fresh transport (reconnect)', async () => {
    const { api, phone } = setup()
    api.emit('power', power('resume'))
    await settle()
    expect(healing(phone)).toEqual(['reconnect:resume'])
  })

  it('reconnects once when resume, online and devicechange arrive together', async () => {
    const phone = new FakePhone()
    const api = new FakeParley()
    const mediaDevices = new FakeMediaDevices([mic('m', 'Mic'), out('o', 'Speakers')])
    const manager = new DeviceManager({ mediaDevices, api, phone, ringer: new FakeRingerSinks() })
    await manager.start()
    const win = new FakeWindow()
    let release!: () => void
    phone.reconnectGate = new Promise((resolve) => (release = resolve))
    const stop = startSelfHealing({ phone, api, devices: manager, window: win })
    phone.emit('registration', { state: 'registered', since: 1 })

    api.emit('power', power('suspend'))
    win.fire('offline')
    api.emit('power', power('resume'))
    win.fire('online')
    mediaDevices.change([mic('m', 'Mic'), out('o', 'Speakers'), mic('h', 'Headset')])
    api.emit('power', power('unlock-screen'))
    phone.emit('registration', { state: 'connecting', attempt: 1 })
    phone.emit('registration', { state: 'registered', since: 2 })
    release()
    await settle()

    expect(healing(phone).filter((c) => c.startsWith('reconnect') || c === 'wake')).toEqual(['wake'])
    stop()
    manager.stop()
  })

  it('re-reads devices on a headset event, then again a moment later', async () => {
    const { api, devices, win } = setup()
    api.emit('headset', {
      kind: 'attached',
      vendorId: 0x0b0e,
      productId: 0x24db,
      vendor: 'Jabra',
      product: 'Evolve2 65',
    })
    expect(devices.refreshes).toHaveLength(1)
    expect([...win.timeouts.values()].map((t) => t.ms)).toEqual([1_000, 3_000])
    win.runTimeouts()
    expect(devices.refreshes).toHaveLength(3)
  })

  it('marks the network state and reconnects when it comes back', async () => {
    const { win, phone, network } = setup()
    win.fire('offline')
    expect(network).toEqual([false])
    expect(healing(phone)).toEqual([])
    win.fire('online')
    await settle()
    expect(network).toEqual([false, true])
    expect(healing(phone)).toEqual(['reconnect:online'])
  })

  it('leaves no listeners and no timers after stop', async () => {
    const { api, phone, win, stop, devices } = setup()
    api.emit('headset', { kind: 'detached', vendorId: 1, productId: 2, vendor: '', product: '' })
    stop()
    expect(api.listenerCount()).toBe(0)
    expect(phone.listenerCount()).toBe(0)
    expect(win.listenerCount()).toBe(0)
    expect(win.timeouts.size).toBe(0)
    const before = devices.refreshes.length
    api.emit('power', power('resume'))
    expect(healing(phone)).toEqual([])
    expect(devices.refreshes.length).toBe(before)
  })
})

// Compile-time check that the real browser window fits the port the UI engineer passes in.
export const windowFitsPort = (real: Window): WindowPort => real

/** What self-healing asked of the phone, as `name:reason` lines. */
function healing(phone: FakePhone): string[] {
  return phone.commandLines('connect', 'reconnect', 'disconnect', 'suspend', 'wake')
}
