import { datesFor, message, type Language, type Message } from '../../contract/i18n'
import type { PresenceStatus, StatusValue } from '../../contract/presence/status'
import { untilText } from '../state/status-until'

/** The catalogue name of a status ("Lunch", "Stör ej"). */
export const statusName = (status: PresenceStatus): Message => message(`status.${status}`)

/** What the header shows: "Lunch until 13:00 · Kantinen" (the note is plain text, one line). */
export function statusLabel(
  value: StatusValue,
  now: number,
  language: Language,
): { text: Message; note: string } {
  const name = statusName(value.status)
  const text = value.until
    ? message('status.with-until', { status: name, until: untilText(value.until, now, datesFor(language)) })
    : name
  return { text, note: value.note ?? '' }
}

/** Colour family of a status's dot: free, away-ish, or not to be disturbed. */
export function statusTone(status: PresenceStatus): 'free' | 'away' | 'busy' {
  if (status === 'available') return 'free'
  if (status === 'busy' || status === 'meeting' || status === 'do-not-disturb') return 'busy'
  return 'away'
}
