import { message } from '../../contract/i18n'
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import type { EventChannel, EventMap } from '../../contract/ipc'
import { MemoryLogger } from '../log/logger'
import { identifyHeadset } from './headset-catalog'
import { HeadsetWatcher, loadUsbModule, type UsbDeviceLike, type UsbHotplug } from './headset-watcher'

class RecordingSink {
  readonly events: { event: EventChannel; payload: unknown }[] = []
  emit<E extends EventChannel>(event: E, payload: EventMap[E]): void {
    this.events.push({ event, payload })
  }
}

class FakeUsb extends EventEmitter implements UsbHotplug {
  /** What getDeviceList() answers: the devices plugged in before start. */
  plugged: UsbDeviceLike[] = []
  listError: Error | null = null
  getDeviceList(): UsbDeviceLike[] {
    if (this.listError) throw this.listError
    return this.plugged
  }
  override on(event: 'attach' | 'detach', listener: (device: UsbDeviceLike) => void): this {
    return super.on(event, listener)
  }
}

function device(idVendor: number, idProduct: number, audio?: boolean, address = 7): UsbDeviceLike {
  return {
    deviceDescriptor: { idVendor, idProduct },
    busNumber: 1,
    deviceAddress: address,
    configDescriptor:
      audio === undefined ? undefined : { interfaces: [[{ bInterfaceClass: audio ? 1 : 3 }]] },
  }
}

function setup(loadUsb?: () => UsbHotplug | Promise<UsbHotplug>) {
  const usb = new FakeUsb()
  const sink = new RecordingSink()
  const watcher = new HeadsetWatcher({
    loadUsb: loadUsb ?? (() => usb),
    events: sink,
    logger: new MemoryLogger(),
  })
  return { usb, sink, watcher }
}

describe('HeadsetWatcher', () => {
  it('turns a headset attach and detach into typed headset events', async () => {
    const { usb, sink, watcher } = setup()
    await watcher.start()
    usb.emit('attach', device(0x0b0e, 0x245e))
    usb.emit('detach', device(0x0b0e, 0x245e))
    expect(sink.events).toEqual([
      {
        event: 'headset',
        payload: {
          kind: 'attached',
          vendorId: 0x0b0e,
          productId: 0x245e,
          vendor: 'Jabra',
          product: 'Jabra Link 370',
        },
      },
      {
        event: 'headset',
        payload: {
          kind: 'detached',
          vendorId: 0x0b0e,
          productId: 0x245e,
          vendor: 'Jabra',
          product: 'Jabra Link 370',
        },
      },
    ])
    watcher.stop()
  })

  it('ignores devices of unknown vendors and non-audio devices of mixed makers', async () => {
    const { usb, sink, watcher } = setup()
    await watcher.start()
    usb.emit('attach', device(0x1234, 0x0001, true))
    usb.emit('attach', device(0x046d, 0xc52b, false)) // a Logitech receiver for a mouse
    expect(sink.events).toEqual([])
    usb.emit('attach', device(0x046d, 0x0aff, true)) // an unlisted Logitech audio device
    expect(sink.events).toHaveLength(1)
    watcher.stop()
  })

  it('recognises a detach of a device whose descriptors are gone by what it was on attach', async () => {
    const { usb, sink, watcher } = setup()
    await watcher.start()
    usb.emit('attach', device(0x046d, 0x0aff, true, 9))
    usb.emit('detach', device(0x046d, 0x0aff, undefined, 9))
    expect(sink.events.map((entry) => (entry.payload as { kind: string }).kind)).toEqual([
      'attached',
      'detached',
    ])
    watcher.stop()
  })

  it('survives a device object that throws when read', async () => {
    const { usb, sink, watcher } = setup()
    await watcher.start()
    const broken = {
      get deviceDescriptor(): never {
        throw new Error('LIBUSB_ERROR_NO_DEVICE')
      },
    } as unknown as UsbDeviceLike
    usb.emit('attach', broken)
    usb.emit('attach', device(0x047f, 0xc056))
    expect(sink.events).toHaveLength(1)
    watcher.stop()
  })

  it('reports once when USB cannot be loaded, and keeps working', async () => {
    const sink = new RecordingSink()
    const logger = new MemoryLogger()
    const watcher = new HeadsetWatcher({
      loadUsb: () => {
        throw new Error('libusb not found')
      },
      events: sink,
      logger,
    })
    await watcher.start()
    watcher.stop()
    await watcher.start()
    expect(sink.events).toHaveLength(1)
    expect(sink.events[0]?.event).toBe('headset-watch-unavailable')
    expect(sink.events[0]?.payload).toEqual({ notice: message('notice.headset-watch-unavailable') })
    expect(String(logger.lines[0]?.details[0])).toContain('libusb not found')
  })

  it('reports when hotplug registration itself fails (no permission), leaving no listener', async () => {
    const usb = new FakeUsb()
    usb.addListener('newListener', (event: string) => {
      if (event === 'detach') throw new Error('LIBUSB_ERROR_ACCESS')
    })
    const { sink, watcher } = setup(() => usb)
    await watcher.start()
    expect(sink.events.map((entry) => entry.event)).toEqual(['headset-watch-unavailable'])
    expect(usb.listenerCount('attach') + usb.listenerCount('detach')).toBe(0)
  })

  it('announces headsets already plugged in at start once, as attached events', async () => {
    const { usb, sink, watcher } = setup()
    usb.plugged = [
      device(0x0b0e, 0x245e, undefined, 3),
      device(0x046d, 0xc52b, false, 4), // a mouse receiver: not a headset
      device(0x047f, 0xc056, true, 5),
    ]
    await watcher.start()
    expect(sink.events).toEqual([
      {
        event: 'headset',
        payload: {
          kind: 'attached',
          vendorId: 0x0b0e,
          productId: 0x245e,
          vendor: 'Jabra',
          product: 'Jabra Link 370',
        },
      },
      {
        event: 'headset',
        payload: {
          kind: 'attached',
          vendorId: 0x047f,
          productId: 0xc056,
          vendor: 'Plantronics',
          product: 'Blackwire C3220',
        },
      },
    ])
    // A late hotplug attach for a headset already announced is not announced again...
    usb.emit('attach', device(0x0b0e, 0x245e, undefined, 3))
    expect(sink.events).toHaveLength(2)
    // ...and unplugging it is reported, as for one plugged in while running.
    usb.emit('detach', device(0x0b0e, 0x245e, undefined, 3))
    expect(sink.events.map((entry) => (entry.payload as { kind: string }).kind)).toEqual([
      'attached',
      'attached',
      'detached',
    ])
    expect(watcher.current().map((headset) => headset.product)).toEqual(['Blackwire C3220'])
    watcher.stop()
  })

  it('keeps watching hotplug when the devices present at start cannot be listed', async () => {
    const { usb, sink, watcher } = setup()
    usb.listError = new Error('LIBUSB_ERROR_IO')
    await watcher.start()
    expect(sink.events).toEqual([])
    usb.emit('attach', device(0x0b0e, 0x245e))
    expect(sink.events.map((entry) => entry.event)).toEqual(['headset'])
    watcher.stop()
  })

  it('leaves no listeners after stop', async () => {
    const { usb, sink, watcher } = setup()
    await watcher.start()
    expect(usb.listenerCount('attach')).toBe(1)
    watcher.stop()
    expect(usb.listenerCount('attach') + usb.listenerCount('detach')).toBe(0)
    usb.emit('attach', device(0x0b0e, 0x245e))
    expect(sink.events).toEqual([])
  })

  it('works with the real usb module here: watching or reporting, and no listeners after stop', async () => {
    const sink = new RecordingSink()
    let loaded: (UsbHotplug & EventEmitter) | null = null
    const watcher = new HeadsetWatcher({
      loadUsb: async () => {
        const usb = await loadUsbModule()
        loaded = usb as UsbHotplug & EventEmitter
        return usb
      },
      events: sink,
      logger: new MemoryLogger(),
    })
    await watcher.start()
    const unavailable = sink.events.filter((entry) => entry.event === 'headset-watch-unavailable')
    expect(unavailable.length).toBeLessThanOrEqual(1)
    watcher.stop()
    if (loaded) expect((loaded as EventEmitter).listenerCount('attach')).toBe(0)
  })
})

describe('identifyHeadset', () => {
  it('names known products and falls back to the maker for audio-only makers', () => {
    expect(identifyHeadset(0x047f, 0xc056, undefined)).toEqual({
      vendor: 'Plantronics',
      product: 'Blackwire C3220',
    })
    expect(identifyHeadset(0x1395, 0x0025, undefined)?.vendor).toBe('EPOS')
    expect(identifyHeadset(0x6993, 0xb0a1, undefined)).toEqual({
      vendor: 'Yealink',
      product: 'Yealink USB audio device 0xb0a1',
    })
    for (const vendorId of [0x0b0e, 0x047f, 0x095d, 0x1395, 0x1377, 0x6993])
      expect(identifyHeadset(vendorId, 1, undefined)).not.toBeNull()
    expect(identifyHeadset(0x046d, 0x0a44, undefined)?.product).toBe('Headset H390')
    expect(identifyHeadset(0x046d, 0xc077, undefined)).toBeNull()
  })
})
