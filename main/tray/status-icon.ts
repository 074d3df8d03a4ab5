import type { TrayIconName } from './tray-model'

/**
 * Tray icons drawn in code (a coloured dot with a soft edge) so the tray never depends on an
 * image file being packaged. Colours follow the usual phone convention.
 */
const colours: Record<TrayIconName, [number, number, number]> = {
  ringing: [0x1e, 0x88, 0xe5],
  'in-call': [0x8e, 0x24, 0xaa],
  registered: [0x2e, 0x7d, 0x32],
  connecting: [0xf9, 0xa8, 0x25],
  failed: [0xc6, 0x28, 0x28],
  offline: [0x75, 0x75, 0x75],
}

/** A size×size BGRA bitmap (the layout nativeImage.createFromBitmap expects). */
export function statusIconBitmap(name: TrayIconName, size: number): Buffer {
  const [red, green, blue] = colours[name]
  const bitmap = Buffer.alloc(size * size * 4)
  const centre = (size - 1) / 2
  const radius = size * 0.42
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre)
      // Full inside the circle, fading over one pixel at the edge.
      const coverage = Math.max(0, Math.min(1, radius - distance + 0.5))
      const offset = (y * size + x) * 4
      bitmap[offset] = blue
      bitmap[offset + 1] = green
      bitmap[offset + 2] = red
      bitmap[offset + 3] = Math.round(coverage * 255)
    }
  }
  return bitmap
}
