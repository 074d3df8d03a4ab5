import type { PartFactory } from '../parts'
import { HeadsetWatcher, loadUsbModule, type UsbHotplug } from './headset-watcher'

/** Electron part: USB headset attach/detach to the renderer (or one notice that it cannot). */
export function headsetPart(loadUsb: () => UsbHotplug | Promise<UsbHotplug> = loadUsbModule): PartFactory {
  return (context) => {
    const watcher = new HeadsetWatcher({ loadUsb, events: context.events, logger: context.logger })
    return { name: 'headset', handlers: {}, start: () => watcher.start(), stop: () => watcher.stop() }
  }
}
