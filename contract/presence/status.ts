import { plainDisplayText } from '../display-text'

/**
 * A person's status as Parley shows, publishes and reads it: the one model shared by "My status"
 * (what we publish) and colleagues' lamps (what we read). Pure: no DOM, no Electron, no SIP.
 */
export enum PresenceStatus {
  Available = 'available',
  Busy = 'busy',
  Lunch = 'lunch',
  Meeting = 'meeting',
  Away = 'away',
  OutOfOffice = 'out-of-office',
  DoNotDisturb = 'do-not-disturb',
}

/** Every status in the order a menu lists them. */
export const presenceStatuses: readonly PresenceStatus[] = [
  PresenceStatus.Available,
  PresenceStatus.Busy,
  PresenceStatus.Lunch,
  PresenceStatus.Meeting,
  PresenceStatus.Away,
  PresenceStatus.OutOfOffice,
  PresenceStatus.DoNotDisturb,
]

const known = new Set<string>(presenceStatuses)

export function isPresenceStatus(value: unknown): value is PresenceStatus {
  return typeof value === 'string' && known.has(value)
}

export interface StatusValue {
  status: PresenceStatus
  /** When the status ends by itself: an ISO 8601 instant (UTC, as `Date.toISOString` writes it). */
  until?: string
  /** A short free text ("back 13:00", "Room 4"): plain text, never markup. */
  note?: string
}

export const statusLimits = {
  /** Characters of a note (a lamp shows it on one line; a PUBLISH body stays small). */
  note: 100,
  /** Characters of an ISO instant as received ("2026-11-29T13:00:00.000+01:00" is 29). */
  until: 40,
} as const

/** A note as it may be shown and sent: one line, no invisible layout characters, clipped. */
export function cleanNote(note: string | undefined): string | undefined {
  if (note === undefined) return undefined
  const text = [...plainDisplayText(note)].slice(0, statusLimits.note).join('').trim()
  return text === '' ? undefined : text
}

/** An instant as the canonical UTC ISO string; undefined when it is not a date. */
export function cleanUntil(until: string | undefined): string | undefined {
  if (until === undefined || until.length > statusLimits.until) return undefined
  // only date-times in ISO form (Date.parse also takes "March 7" and other local guesses)
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(until))
    return undefined
  const at = Date.parse(until)
  return Number.isFinite(at) ? new Date(at).toISOString() : undefined
}

/** The value with its note and until cleaned; Available never carries an until. */
export function cleanStatus(value: StatusValue): StatusValue {
  const note = cleanNote(value.note)
  const until = value.status === PresenceStatus.Available ? undefined : cleanUntil(value.until)
  return {
    status: value.status,
    ...(until === undefined ? {} : { until }),
    ...(note === undefined ? {} : { note }),
  }
}
