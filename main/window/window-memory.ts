import type { Logger } from '../log/logger'
import type { PlacementStore } from './placement-store'
import {
  placeWindow,
  rememberPlacement,
  type DisplayInfo,
  type Placement,
  type Rect,
  type Size,
} from './window-placement'

/** Electron's `screen`, as much of it as placing a window needs (it satisfies this as is). */
export interface ScreenPort {
  getAllDisplays(): DisplayInfo[]
  getPrimaryDisplay(): DisplayInfo
  getDisplayMatching(rect: Rect): DisplayInfo
}

/** What is watched of the window (electronTrackedWindow adapts a BrowserWindow). */
export interface TrackedWindow {
  getNormalBounds(): Rect
  isMaximized(): boolean
  /** Calls back when the window moved, was resized, maximized or restored. */
  onPlacementChanged(listener: () => void): void
  onClose(listener: () => void): void
}

export interface WindowMemoryDeps {
  store: PlacementStore
  screen: ScreenPort
  logger: Logger
  /** How long the window must be still before it is saved (dragging fires many moves). */
  settleMs?: number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
}

/**
 * The window's size, position and maximized state per display: read when the window is
 * created, saved when it has settled after a move or resize, and when it closes.
 */
export class WindowMemory {
  private timer: unknown = null

  constructor(private readonly deps: WindowMemoryDeps) {}

  /** Where to create the window now. */
  placement(sizes: { minimum: Size; initial: Size }): Placement {
    const { screen } = this.deps
    return placeWindow(this.deps.store.read(), screen.getAllDisplays(), screen.getPrimaryDisplay(), sizes)
  }

  track(window: TrackedWindow): void {
    const setTimer = this.deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
    window.onPlacementChanged(() => {
      this.cancel()
      this.timer = setTimer(() => {
        this.timer = null
        this.save(window)
      }, this.deps.settleMs ?? 800)
    })
    window.onClose(() => {
      this.cancel()
      this.save(window)
    })
  }

  private cancel(): void {
    if (this.timer === null) return
    const clearTimer = this.deps.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout))
    clearTimer(this.timer)
    this.timer = null
  }

  private save(window: TrackedWindow): void {
    try {
      const bounds = window.getNormalBounds()
      const display = this.deps.screen.getDisplayMatching(bounds)
      const { store } = this.deps
      store.write(rememberPlacement(store.read(), display, { bounds, maximized: window.isMaximized() }))
    } catch (error) {
      this.deps.logger.error('The window position could not be saved', error)
    }
  }
}
