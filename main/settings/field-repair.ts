import type { z } from 'zod'

export interface RepairResult<T> {
  value: T
  /** Fields that were present but invalid, with the schema's message. */
  repaired: { field: string; problem: string }[]
}

/**
 * Validate an object one field at a time: a bad field falls back to its default (or to the
 * given blank when it has none) while every good field is kept. A hand-edited file with one
 * typo must not cost the user the rest of their settings.
 */
export function repairObject<Shape extends z.ZodRawShape>(
  shape: Shape,
  raw: Record<string, unknown>,
  blankFor: (field: string) => unknown,
): RepairResult<{ [K in keyof Shape]: z.output<Shape[K]> }> {
  const value: Record<string, unknown> = {}
  const repaired: { field: string; problem: string }[] = []
  for (const [field, schema] of Object.entries(shape) as [string, z.ZodType][]) {
    const parsed = schema.safeParse(raw[field])
    if (parsed.success) {
      value[field] = parsed.data
      continue
    }
    if (raw[field] !== undefined)
      repaired.push({ field, problem: parsed.error.issues[0]?.message ?? 'not valid' })
    const fallback = schema.safeParse(undefined)
    value[field] = fallback.success ? fallback.data : blankFor(field)
  }
  return { value: value as { [K in keyof Shape]: z.output<Shape[K]> }, repaired }
}
