import type { ScheduleEntry } from '../../contract/presence/schemas'

/**
 * When weekly schedule slots happen, in local wall-clock time. A slot's day is the day it starts;
 * an end at or before its start is on the next day (22:00–06:00). Times are built from the
 * calendar date and the clock time, never by adding 24 h, so a daylight-saving change moves
 * nothing: lunch is 12:00–13:00 on the Sunday the clocks change too. A start that does not exist
 * that night (02:30 when clocks jump 02:00→03:00) happens when the clock shows the next time.
 */

export interface Occurrence {
  entry: ScheduleEntry
  /** Epoch ms. */
  start: number
  end: number
}

function atClock(year: number, month: number, day: number, clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number)
  return new Date(year, month, day, hours, minutes, 0, 0).getTime()
}

/** The slot of `entry` starting on the local calendar day `offset` days from `now`'s, if any. */
function occurrenceOn(entry: ScheduleEntry, now: number, offset: number): Occurrence | undefined {
  const base = new Date(now)
  const date = new Date(base.getFullYear(), base.getMonth(), base.getDate() + offset)
  if (!entry.days.includes(date.getDay())) return undefined
  const [year, month, day] = [date.getFullYear(), date.getMonth(), date.getDate()]
  const start = atClock(year, month, day, entry.start)
  const crossesMidnight = entry.end <= entry.start
  const end = atClock(year, month, day + (crossesMidnight ? 1 : 0), entry.end)
  return { entry, start, end }
}

/** The slot going on at `now` (the latest started when several overlap). */
export function activeOccurrence(schedule: readonly ScheduleEntry[], now: number): Occurrence | undefined {
  let found: Occurrence | undefined
  for (const entry of schedule)
    for (const offset of [-1, 0]) {
      const occurrence = occurrenceOn(entry, now, offset)
      if (
        occurrence &&
        occurrence.start <= now &&
        now < occurrence.end &&
        (!found || occurrence.start > found.start)
      )
        found = occurrence
    }
  return found
}

/** The next time after `now` a slot starts, within the coming week; undefined for none. */
export function nextStart(schedule: readonly ScheduleEntry[], now: number): number | undefined {
  let next: number | undefined
  for (const entry of schedule)
    for (let offset = 0; offset <= 7; offset++) {
      const start = occurrenceOn(entry, now, offset)?.start
      if (start !== undefined && start > now && (next === undefined || start < next)) next = start
    }
  return next
}

/** Mon–Fri style label input: the days of a slot in the week's order starting Monday. */
export const weekdaysFromMonday = [1, 2, 3, 4, 5, 6, 0] as const
