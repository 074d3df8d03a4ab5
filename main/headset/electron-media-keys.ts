import { globalShortcut } from 'electron'
import type { GlobalShortcutsLike } from './headset-buttons'

/**
 * Electron's globalShortcut, narrowed to what the headset buttons use: register and unregister
 * one accelerator at a time, so the part can only ever give back the keys it took.
 */
export function electronMediaKeys(): GlobalShortcutsLike {
  // Read once here, so a platform without globalShortcut fails when the part starts (logged).
  const shortcuts = globalShortcut
  return {
    register: (accelerator, callback) => shortcuts.register(accelerator, callback),
    unregister: (accelerator) => shortcuts.unregister(accelerator),
  }
}
