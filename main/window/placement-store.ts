import { z } from 'zod'
import type { Logger } from '../log/logger'
import type { SettingsBackend } from '../settings/backend'
import { emptyPlacementMemory, maxRememberedDisplays, type PlacementMemory } from './window-placement'

/** Screen coordinates: generous for a wall of monitors, finite for a hand-edited file. */
const coordinate = z.number().int().min(-100_000).max(100_000)
const length = z.number().int().min(1).max(100_000)
const rectSchema = z.object({ x: coordinate, y: coordinate, width: length, height: length }).strict()

const placementMemorySchema = z
  .object({
    last: z.string().max(128).nullable(),
    byDisplay: z.record(
      z.string().max(128),
      z.object({ display: rectSchema, bounds: rectSchema, maximized: z.boolean() }).strict(),
    ),
  })
  .strict()
  .refine((memory) => Object.keys(memory.byDisplay).length <= maxRememberedDisplays, 'too many displays')

/** Where the window placement lives in settings.json (the same 0600 file as the preferences). */
export const placementKey = 'window'

/**
 * The remembered window placement, validated on every read: anything wrong (a hand edit, an old
 * format) is logged once and forgotten, so the window opens at its default place, never off-screen.
 */
export class PlacementStore {
  constructor(
    private readonly backend: SettingsBackend,
    private readonly logger: Logger,
  ) {}

  read(): PlacementMemory {
    const raw = this.backend.get(placementKey)
    if (raw === undefined || raw === null) return emptyPlacementMemory()
    const parsed = placementMemorySchema.safeParse(raw)
    if (parsed.success) return parsed.data
    this.logger.warn(
      `Settings field ${placementKey} invalid: ${parsed.error.issues[0]?.message ?? 'not valid'}`,
    )
    return emptyPlacementMemory()
  }

  write(memory: PlacementMemory): void {
    this.backend.set(placementKey, placementMemorySchema.parse(memory))
  }
}
