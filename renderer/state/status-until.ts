import type { DateFormats } from '../../contract/i18n/dates'
import { startOfDay } from '../../contract/i18n/dates'

/**
 * The "until" a person types: a time today ("13:00", tomorrow when it has passed), or a date
 * ("2026-12-03": back that day, so the status lasts until its midnight). Undefined: not a time
 * or date, or a date that is not in the future.
 */
export function untilFromInput(kind: 'time' | 'date', text: string, now: number): string | undefined {
  if (kind === 'time') {
    const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text)
    if (!match) return undefined
    const today = new Date(now)
    const at = new Date(
      today.getFullYear(),
      today.getMonth(),
      today.getDate(),
      Number(match[1]),
      Number(match[2]),
    )
    if (at.getTime() <= now) at.setDate(at.getDate() + 1)
    return at.toISOString()
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return undefined
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  if (at.getDate() !== Number(match[3]) || at.getTime() <= now) return undefined
  return at.toISOString()
}

/** "13:00" today; "mån 30 nov." for a date (a midnight until); else the date and the time. */
export function untilText(until: string, now: number, formats: DateFormats): string {
  const at = Date.parse(until)
  if (startOfDay(at) === startOfDay(now)) return formats.time(at)
  if (startOfDay(at) === at) return formats.shortDate(at)
  return formats.dateTime(at)
}
