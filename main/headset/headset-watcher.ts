import type { EventSink } from '../ipc/event-bus'
import type { Logger } from '../log/logger'
import { identifyHeadset, type HeadsetIdentity } from './headset-catalog'
import { message } from '../../contract/i18n/catalogue'

/** The part of a `usb` (2.x) Device this service reads. */
export interface UsbDeviceLike {
  deviceDescriptor: { idVendor: number; idProduct: number }
  busNumber?: number
  deviceAddress?: number
  /** A getter in `usb` that can throw when the device cannot be read. */
  readonly configDescriptor?:
    { interfaces?: ReadonlyArray<ReadonlyArray<{ bInterfaceClass: number }>> } | undefined
}

type DeviceListener = (device: UsbDeviceLike) => void

/** The `usb` export of the `usb` package: an EventEmitter with hotplug events. */
export interface UsbHotplug {
  on(event: 'attach' | 'detach', listener: DeviceListener): unknown
  removeListener(event: 'attach' | 'detach', listener: DeviceListener): unknown
  /** Devices plugged in right now; throws where libusb cannot enumerate. */
  getDeviceList(): UsbDeviceLike[]
}

export interface HeadsetWatcherOptions {
  /** Loads the `usb` module; throws (or rejects) where USB cannot be used. */
  loadUsb: () => UsbHotplug | Promise<UsbHotplug>
  events: EventSink
  logger: Logger
}

const audioInterfaceClass = 0x01

function hasAudioInterface(device: UsbDeviceLike): boolean | undefined {
  try {
    const interfaces = device.configDescriptor?.interfaces
    if (!interfaces) return undefined
    return interfaces.some((alternates) =>
      alternates.some((setting) => setting.bInterfaceClass === audioInterfaceClass),
    )
  } catch {
    return undefined
  }
}

const deviceKey = (device: UsbDeviceLike) =>
  `${device.busNumber ?? '?'}:${device.deviceAddress ?? '?'}:${device.deviceDescriptor.idVendor}:${device.deviceDescriptor.idProduct}`

/**
 * Watches USB hotplug and tells the renderer when a headset comes or goes, so it can re-read
 * the audio devices at once. Where USB cannot be watched (module missing, no libusb, no
 * permission) it says so once and the app carries on without it.
 */
export class HeadsetWatcher {
  private usb: UsbHotplug | null = null
  private unavailableReported = false
  /** Headsets seen attaching, so a detach is recognised even when descriptors are gone. */
  private readonly attached = new Map<string, HeadsetIdentity>()

  private readonly onAttach: DeviceListener = (device) => this.handle('attached', device)
  private readonly onDetach: DeviceListener = (device) => this.handle('detached', device)

  constructor(private readonly options: HeadsetWatcherOptions) {}

  async start(): Promise<void> {
    if (this.usb) return
    let usb: UsbHotplug
    try {
      usb = await this.options.loadUsb()
    } catch (error) {
      this.reportUnavailable(error)
      return
    }
    try {
      usb.on('attach', this.onAttach)
      usb.on('detach', this.onDetach)
      this.usb = usb
    } catch (error) {
      usb.removeListener('attach', this.onAttach)
      usb.removeListener('detach', this.onDetach)
      this.reportUnavailable(error)
      return
    }
    this.announcePluggedIn(usb)
  }

  stop(): void {
    const usb = this.usb
    this.usb = null
    this.attached.clear()
    if (!usb) return
    // Removing the last listener also lets `usb` stop its hotplug thread, so the app can exit.
    usb.removeListener('attach', this.onAttach)
    usb.removeListener('detach', this.onDetach)
  }

  /** Headsets present now (plugged in at start or since), for a renderer that asks after the fact. */
  current(): HeadsetIdentity[] {
    return [...this.attached.values()]
  }

  /**
   * Headsets plugged in before the app started never send an attach: announce each once, so
   * the renderer re-reads its devices. Listening starts first, so a headset plugged in while
   * listing is not missed; one seen both ways is announced once (same bus address).
   */
  private announcePluggedIn(usb: UsbHotplug): void {
    let devices: UsbDeviceLike[]
    try {
      devices = usb.getDeviceList()
    } catch (error) {
      // Hotplug still works; only the headsets already present go unannounced.
      this.options.logger.warn('Headset: could not list the USB devices plugged in at start', error)
      return
    }
    for (const device of devices) this.handle('attached', device)
  }

  private handle(kind: 'attached' | 'detached', device: UsbDeviceLike): void {
    try {
      const { idVendor: vendorId, idProduct: productId } = device.deviceDescriptor
      const key = deviceKey(device)
      if (kind === 'attached' && this.attached.has(key)) return
      const identity =
        kind === 'detached' && this.attached.has(key)
          ? this.attached.get(key)
          : identifyHeadset(vendorId, productId, hasAudioInterface(device))
      if (!identity) return
      if (kind === 'attached') this.attached.set(key, identity)
      else this.attached.delete(key)
      this.options.events.emit('headset', {
        kind,
        vendorId,
        productId,
        vendor: identity.vendor,
        product: identity.product,
      })
    } catch (error) {
      // A malformed device object must not break hotplug for every other device.
      this.options.logger.warn('Headset: could not read a USB device', error)
    }
  }

  private reportUnavailable(error: unknown): void {
    this.options.logger.warn('Headset: USB cannot be watched on this computer', error)
    if (this.unavailableReported) return
    this.unavailableReported = true
    // Why (no libusb, no permission) is in the log line above; the user reads what it means.
    this.options.events.emit('headset-watch-unavailable', {
      notice: message('notice.headset-watch-unavailable'),
    })
  }
}

/** The real `usb` module, loaded only when the service starts so a missing libusb cannot stop the app. */
export async function loadUsbModule(): Promise<UsbHotplug> {
  const module = await import('usb')
  const hotplug: UsbHotplug = module.usb
  return hotplug
}
