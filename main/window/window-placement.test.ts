import { describe, expect, it } from 'vitest'
import { laptopDisplay, monitorDisplay } from '../testing/fake-screen'
import {
  clampInto,
  displayKey,
  emptyPlacementMemory,
  maxRememberedDisplays,
  placeWindow,
  rememberPlacement,
  type DisplayInfo,
} from './window-placement'

const laptop = laptopDisplay
const monitor = monitorDisplay
const sizes = { minimum: { width: 360, height: 480 }, initial: { width: 1100, height: 720 } }

describe('placeWindow', () => {
  it('opens a first run at the default size, centred on the primary display', () => {
    expect(placeWindow(emptyPlacementMemory(), [laptop, monitor], laptop, sizes)).toEqual({
      bounds: { x: 133, y: 4, width: 1100, height: 720 },
      maximized: false,
    })
  })

  it('reopens where the window was on the display it was last on, maximized too', () => {
    let memory = rememberPlacement(emptyPlacementMemory(), laptop, {
      bounds: { x: 10, y: 20, width: 400, height: 700 },
      maximized: false,
    })
    memory = rememberPlacement(memory, monitor, {
      bounds: { x: 2800, y: 100, width: 420, height: 900 },
      maximized: true,
    })
    expect(placeWindow(memory, [laptop, monitor], laptop, sizes)).toEqual({
      bounds: { x: 2800, y: 100, width: 420, height: 900 },
      maximized: true,
    })
    // Each display keeps its own: back on the laptop, the laptop's place.
    const back = rememberPlacement(memory, laptop, memory.byDisplay[displayKey(laptop)]!)
    expect(placeWindow(back, [laptop, monitor], laptop, sizes).bounds).toEqual({
      x: 10,
      y: 20,
      width: 400,
      height: 700,
    })
  })

  it('falls back to the primary when the display is gone, with what it last had there', () => {
    let memory = rememberPlacement(emptyPlacementMemory(), laptop, {
      bounds: { x: 900, y: 10, width: 400, height: 700 },
      maximized: false,
    })
    memory = rememberPlacement(memory, monitor, {
      bounds: { x: 2800, y: 100, width: 420, height: 900 },
      maximized: false,
    })
    expect(placeWindow(memory, [laptop], laptop, sizes)).toEqual({
      bounds: { x: 900, y: 10, width: 400, height: 700 },
      maximized: false,
    })
  })

  it('moves a window from a lost display onto the primary, clamped into its work area', () => {
    const memory = rememberPlacement(emptyPlacementMemory(), monitor, {
      bounds: { x: 3000, y: 300, width: 1800, height: 1000 },
      maximized: false,
    })
    const placed = placeWindow(memory, [laptop], laptop, sizes)
    // Same offset from the display's corner, then shrunk and pushed fully into 1366×728.
    expect(placed.bounds).toEqual({ x: 0, y: 0, width: 1366, height: 728 })
    const inside = (r: typeof placed.bounds) =>
      r.x >= 0 && r.y >= 0 && r.x + r.width <= 1366 && r.y + r.height <= 728
    expect(inside(placed.bounds)).toBe(true)
  })

  it('finds a display again by bounds when its id changed (Windows renumbers after a dock change)', () => {
    const memory = rememberPlacement(emptyPlacementMemory(), monitor, {
      bounds: { x: 2000, y: 50, width: 400, height: 800 },
      maximized: false,
    })
    const renumbered = { ...monitor, id: 77 }
    expect(placeWindow(memory, [laptop, renumbered], laptop, sizes).bounds.x).toBe(2000)
  })

  it('keeps a window on a display whose resolution dropped, but inside it', () => {
    const memory = rememberPlacement(emptyPlacementMemory(), monitor, {
      bounds: { x: 2900, y: 600, width: 400, height: 400 },
      maximized: false,
    })
    const smaller: DisplayInfo = {
      id: 2,
      bounds: { x: 1366, y: 0, width: 1280, height: 720 },
      workArea: { x: 1366, y: 0, width: 1280, height: 680 },
    }
    expect(placeWindow(memory, [laptop, smaller], laptop, sizes).bounds).toEqual({
      x: 1366 + 1280 - 400,
      y: 680 - 480,
      width: 400,
      height: 480,
    })
  })
})

describe('clampInto', () => {
  const area = { x: -1920, y: 0, width: 1920, height: 1040 }
  it('pulls an off-screen window back, never below the minimum size', () => {
    expect(clampInto({ x: 5000, y: -300, width: 100, height: 100 }, area, sizes.minimum)).toEqual({
      x: -360,
      y: 0,
      width: 360,
      height: 480,
    })
  })
})

describe('rememberPlacement', () => {
  it(`keeps at most ${maxRememberedDisplays} displays, dropping the oldest`, () => {
    let memory = emptyPlacementMemory()
    for (let id = 1; id <= maxRememberedDisplays + 3; id++)
      memory = rememberPlacement(memory, { ...laptop, id }, { bounds: laptop.workArea, maximized: false })
    const keys = Object.keys(memory.byDisplay)
    expect(keys).toHaveLength(maxRememberedDisplays)
    expect(keys).not.toContain(displayKey({ ...laptop, id: 1 }))
    expect(memory.last).toBe(displayKey({ ...laptop, id: maxRememberedDisplays + 3 }))
  })
})
