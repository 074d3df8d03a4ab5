import type { BrowserWindow } from 'electron'
import type { TrackedWindow } from './window-memory'

/** A BrowserWindow as the window memory watches it (events only; the decisions are elsewhere). */
export function electronTrackedWindow(window: BrowserWindow): TrackedWindow {
  return {
    getNormalBounds: () => window.getNormalBounds(),
    isMaximized: () => window.isMaximized(),
    onPlacementChanged(listener) {
      window.on('resize', listener)
      window.on('move', listener)
      window.on('maximize', listener)
      window.on('unmaximize', listener)
    },
    onClose(listener) {
      window.on('close', listener)
    },
  }
}
