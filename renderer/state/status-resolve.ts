import { PresenceStatus, type StatusValue } from '../../contract/presence/status'
import type { ScheduleEntry, StatusRecord } from '../../contract/presence/schemas'
import { activeOccurrence, nextStart, type Occurrence } from './status-schedule'

/** Where the status now comes from. */
export enum StatusSource {
  /** Nothing set. */
  None = 'none',
  /** Set by hand (until its until, or until a later slot starts). */
  Manual = 'manual',
  /** Set by a schedule slot, until the slot ends. */
  Scheduled = 'scheduled',
}

export interface ResolvedStatus {
  value: StatusValue
  source: StatusSource
  /** The slot behind the status, or the one a clear would dismiss. */
  occurrence?: Occurrence
  /** When the answer may change by itself (an until, a slot's end or next start); epoch ms. */
  changesAt?: number
}

/** Statuses a slot starting later does not replace: the person said they are not reachable. */
const outlastsSlots = new Set([PresenceStatus.DoNotDisturb, PresenceStatus.OutOfOffice])

const untilOf = (value: StatusValue) => (value.until === undefined ? undefined : Date.parse(value.until))

/**
 * The status now, from what was set by hand and the schedule: a pure function of the stored
 * record, the schedule and the time, so a restart, a wake-up after the until passed or a clock
 * change all give the same answer as if Parley had watched the whole time.
 *
 * - A status set by hand lasts until its until; a slot that starts after it was set replaces it
 *   (except Do not disturb and Out of office); when that slot ends the status set by hand is
 *   back if its until has not passed, else Available.
 * - A status set by hand during a slot wins for the rest of the slot; a slot cleared by hand
 *   (`dismissed`) is not set again until its next day.
 */
export function resolveStatus(
  record: StatusRecord,
  schedule: readonly ScheduleEntry[],
  now: number,
): ResolvedStatus {
  const manualUntil = record.manual ? untilOf(record.manual.value) : undefined
  const manual =
    record.manual && !(manualUntil !== undefined && manualUntil <= now) ? record.manual : undefined
  const occurrence = activeOccurrence(schedule, now)
  const dismissed =
    occurrence !== undefined &&
    record.dismissed?.entryId === occurrence.entry.id &&
    record.dismissed.start === occurrence.start
  const changes = [manual ? manualUntil : undefined, occurrence?.end, nextStart(schedule, now)].filter(
    (at): at is number => at !== undefined && at > now,
  )
  const changesAt = changes.length ? Math.min(...changes) : undefined
  const base = { ...(occurrence ? { occurrence } : {}), ...(changesAt === undefined ? {} : { changesAt }) }

  const slotWins =
    occurrence &&
    !dismissed &&
    (!manual || (occurrence.start > manual.setAt && !outlastsSlots.has(manual.value.status)))
  if (occurrence && slotWins) {
    const { status, note } = occurrence.entry
    const value: StatusValue = {
      status,
      until: new Date(occurrence.end).toISOString(),
      ...(note ? { note } : {}),
    }
    return { value, source: StatusSource.Scheduled, ...base }
  }
  if (manual) return { value: manual.value, source: StatusSource.Manual, ...base }
  return { value: { status: PresenceStatus.Available }, source: StatusSource.None, ...base }
}
