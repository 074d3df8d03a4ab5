import { z } from 'zod'
import { PresenceStatus, statusLimits } from './status'

/**
 * What crosses the process boundary for "My status": the status set by hand, the weekly
 * schedule and the admin's rules for both. Main validates every request against these and
 * keeps them in status.json (0600); the renderer decides from them what the status is now.
 */

export const presenceStatusSchema = z.enum(PresenceStatus)

/** "HH:MM", 24-hour, local wall-clock time. */
export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'form.clock-time')

export const statusValueSchema = z.object({
  status: presenceStatusSchema,
  until: z.string().max(statusLimits.until).optional(),
  note: z
    .string()
    .max(statusLimits.note * 4)
    .optional(),
})

export const scheduleLimits = { entries: 20, id: 64 } as const

/**
 * One weekly slot: on each of `days` (0 Sunday … 6 Saturday, the day the slot starts) the status
 * is set at `start` and cleared at `end`; an end at or before the start ends the next day.
 */
export const scheduleEntrySchema = z
  .object({
    id: z.string().min(1).max(scheduleLimits.id),
    status: presenceStatusSchema.refine(
      (status) => status !== PresenceStatus.Available,
      'a slot sets a status',
    ),
    days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
    start: clockTimeSchema,
    end: clockTimeSchema,
    note: z.string().max(statusLimits.note).optional(),
  })
  .refine((entry) => entry.start !== entry.end, 'a slot must not start and end at the same time')
export type ScheduleEntry = z.infer<typeof scheduleEntrySchema>

export const statusScheduleSchema = z.array(scheduleEntrySchema).max(scheduleLimits.entries)

/**
 * What the renderer keeps so the status survives a restart: the status set by hand (and when),
 * and the scheduled slot the user cleared by hand (so it is not set again until its next day).
 */
export const statusRecordSchema = z.object({
  manual: z.object({ value: statusValueSchema, setAt: z.number().int().nonnegative() }).optional(),
  dismissed: z
    .object({ entryId: z.string().max(scheduleLimits.id), start: z.number().int().nonnegative() })
    .optional(),
})
export type StatusRecord = z.infer<typeof statusRecordSchema>

/**
 * Our presence publication as the PBX last confirmed it (RFC 3903): its entity tag and when it
 * lapses. Kept so that after a crash the next start modifies or removes it (SIP-If-Match)
 * instead of leaving a stale status beside the new one until it expires.
 */
export const publicationRecordSchema = z
  .object({
    /** The address of record it was published for (user@domain). */
    aor: z.string().min(1).max(256),
    /** SIP-ETag: a token (RFC 3261 §25.1). */
    etag: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[A-Za-z0-9.!%*_+`'~-]+$/),
    /** Epoch ms. */
    expiresAt: z.number().int().nonnegative(),
  })
  .strict()
export type PublicationRecord = z.infer<typeof publicationRecordSchema>

/** `status:save`: the record, the schedule, or both; or the publication (null: none held). */
export const statusSaveSchema = z
  .object({
    record: statusRecordSchema.optional(),
    schedule: statusScheduleSchema.optional(),
    publication: publicationRecordSchema.nullable().optional(),
  })
  .strict()
export type StatusChange = z.infer<typeof statusSaveSchema>

/** `status:get` and `status:save` answer with everything the renderer needs. */
export interface StatusSnapshot {
  record: StatusRecord
  schedule: ScheduleEntry[]
  /** Statuses the admin hid: not offered, refused by main. */
  hidden: PresenceStatus[]
  /** The admin locked the schedule: shown, not editable. */
  scheduleLocked: boolean
  /** What the PBX may still hold from the last run (see publicationRecordSchema). */
  publication?: PublicationRecord
}
