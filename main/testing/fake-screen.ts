import type { ScreenPort, TrackedWindow } from '../window/window-memory'
import type { DisplayInfo, Rect } from '../window/window-placement'

/** Electron's `screen` with displays a test plugs in and out. */
export class FakeScreen implements ScreenPort {
  constructor(public displays: DisplayInfo[]) {}

  getAllDisplays(): DisplayInfo[] {
    return this.displays
  }

  getPrimaryDisplay(): DisplayInfo {
    return this.displays[0] as DisplayInfo
  }

  /** The display with the largest overlap, as Electron answers (the primary when none). */
  getDisplayMatching(rect: Rect): DisplayInfo {
    const overlap = (d: DisplayInfo) =>
      Math.max(0, Math.min(rect.x + rect.width, d.bounds.x + d.bounds.width) - Math.max(rect.x, d.bounds.x)) *
      Math.max(0, Math.min(rect.y + rect.height, d.bounds.y + d.bounds.height) - Math.max(rect.y, d.bounds.y))
    return [...this.displays].sort((a, b) => overlap(b) - overlap(a))[0] as DisplayInfo
  }
}

/** A window the user moves, resizes, maximizes and closes. */
export class FakeTrackedWindow implements TrackedWindow {
  maximized = false
  onTop = false
  destroyed = false
  private readonly changed: (() => void)[] = []
  private readonly closing: (() => void)[] = []

  constructor(public bounds: Rect) {}

  getNormalBounds(): Rect {
    return { ...this.bounds }
  }
  isMaximized(): boolean {
    return this.maximized
  }
  onPlacementChanged(listener: () => void): void {
    this.changed.push(listener)
  }
  onClose(listener: () => void): void {
    this.closing.push(listener)
  }
  setAlwaysOnTop(flag: boolean): void {
    this.onTop = flag
  }
  isDestroyed(): boolean {
    return this.destroyed
  }

  /** The user drags or resizes it (each step fires, as Electron does). */
  moveTo(bounds: Rect): void {
    this.bounds = bounds
    this.changed.forEach((listener) => listener())
  }
  maximize(): void {
    this.maximized = true
    this.changed.forEach((listener) => listener())
  }
  close(): void {
    this.closing.forEach((listener) => listener())
  }
}

/** A laptop (the primary, taskbar 40 px) and a monitor to its right. */
export const laptopDisplay: DisplayInfo = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1366, height: 768 },
  workArea: { x: 0, y: 0, width: 1366, height: 728 },
}
export const monitorDisplay: DisplayInfo = {
  id: 2,
  bounds: { x: 1366, y: 0, width: 1920, height: 1080 },
  workArea: { x: 1366, y: 0, width: 1920, height: 1040 },
}
