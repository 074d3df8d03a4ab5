/**
 * Where the window opens: the size, position and maximized state it last had on the display it
 * was on. Pure (displays are plain data), so every case is tested with fake displays; the
 * Electron adapter (window-memory.ts) only reads the screen and the window.
 */

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** What Electron's `screen` says about one display (a subset of Electron.Display). */
export interface DisplayInfo {
  id: number
  bounds: Rect
  /** The display less the taskbar / menu bar / dock. */
  workArea: Rect
}

export interface SavedPlacement {
  /** The display's bounds when this was saved: finds the display again when its id changed. */
  display: Rect
  /** The window's normal (not maximized) bounds. */
  bounds: Rect
  maximized: boolean
}

/** What the settings store keeps: one placement per display, and which display was last. */
export interface PlacementMemory {
  last: string | null
  byDisplay: Record<string, SavedPlacement>
}

export interface Placement {
  bounds: Rect
  maximized: boolean
}

export interface Size {
  width: number
  height: number
}

export const emptyPlacementMemory = (): PlacementMemory => ({ last: null, byDisplay: {} })

/** A display's key: its id and its bounds (a monitor set to another resolution is another place). */
export const displayKey = (display: Pick<DisplayInfo, 'id' | 'bounds'>): string => {
  const { x, y, width, height } = display.bounds
  return `${display.id}@${x},${y},${width}x${height}`
}

const sameRect = (a: Rect, b: Rect) =>
  a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height

/**
 * The display a saved placement belongs to, if it is still attached: the same key, else the
 * same id (resolution changed), else the same bounds (Windows may renumber displays after a
 * reboot or a dock change).
 */
export function findDisplay(
  key: string,
  saved: SavedPlacement,
  displays: readonly DisplayInfo[],
): DisplayInfo | undefined {
  const id = Number(key.split('@')[0])
  return (
    displays.find((display) => displayKey(display) === key) ??
    displays.find((display) => display.id === id) ??
    displays.find((display) => sameRect(display.bounds, saved.display))
  )
}

const clampNumber = (value: number, low: number, high: number) =>
  Math.round(Math.min(Math.max(value, low), Math.max(low, high)))

/**
 * Bounds moved and shrunk into a work area so the whole window (title bar included) is
 * visible; never smaller than the window's minimum size.
 */
export function clampInto(bounds: Rect, area: Rect, minimum: Size): Rect {
  const width = Math.max(minimum.width, Math.min(bounds.width, area.width))
  const height = Math.max(minimum.height, Math.min(bounds.height, area.height))
  return {
    width: Math.round(width),
    height: Math.round(height),
    x: clampNumber(bounds.x, area.x, area.x + area.width - width),
    y: clampNumber(bounds.y, area.y, area.y + area.height - height),
  }
}

function centred(size: Size, area: Rect): Rect {
  return {
    ...size,
    x: area.x + Math.round((area.width - size.width) / 2),
    y: area.y + Math.round((area.height - size.height) / 2),
  }
}

/**
 * Where to open the window. The last display used, if it is still there, with what the window
 * had on it; a display that is gone falls back to the primary (with what the window last had
 * there, or the lost display's size at the same offset); nothing saved: the default size,
 * centred on the primary. Always clamped into a visible work area.
 */
export function placeWindow(
  memory: PlacementMemory,
  displays: readonly DisplayInfo[],
  primary: DisplayInfo,
  sizes: { minimum: Size; initial: Size },
): Placement {
  const last = memory.last === null ? undefined : memory.byDisplay[memory.last]
  if (memory.last !== null && last) {
    const display = findDisplay(memory.last, last, displays)
    if (display)
      return { bounds: clampInto(last.bounds, display.workArea, sizes.minimum), maximized: last.maximized }
    const onPrimary = memory.byDisplay[displayKey(primary)]
    if (onPrimary)
      return {
        bounds: clampInto(onPrimary.bounds, primary.workArea, sizes.minimum),
        maximized: onPrimary.maximized,
      }
    const moved = {
      ...last.bounds,
      x: primary.workArea.x + (last.bounds.x - last.display.x),
      y: primary.workArea.y + (last.bounds.y - last.display.y),
    }
    return { bounds: clampInto(moved, primary.workArea, sizes.minimum), maximized: last.maximized }
  }
  return {
    bounds: clampInto(centred(sizes.initial, primary.workArea), primary.workArea, sizes.minimum),
    maximized: false,
  }
}

/** The most displays remembered: the oldest entries go first (a laptop docked at many desks). */
export const maxRememberedDisplays = 8

/** Memory after the window was on `display` with these normal bounds. */
export function rememberPlacement(
  memory: PlacementMemory,
  display: DisplayInfo,
  placement: Placement,
): PlacementMemory {
  const key = displayKey(display)
  const others = Object.entries(memory.byDisplay).filter(([other]) => other !== key)
  const kept = others.slice(Math.max(0, others.length - (maxRememberedDisplays - 1)))
  return {
    last: key,
    byDisplay: {
      ...Object.fromEntries(kept),
      [key]: {
        display: { ...display.bounds },
        bounds: { ...placement.bounds },
        maximized: placement.maximized,
      },
    },
  }
}
