import { translate, type Language } from '../../contract/i18n'
import { datesFor } from '../../contract/i18n/dates'
import { PresenceStatus } from '../../contract/presence/status'
import { untilText } from '../state/status-until'
import { LampKind, type Lamp } from './lamp'

/**
 * A lamp in words, as the contact row shows it and a screen reader reads it: "In a call",
 * "Lunch until 13:00 – back soon", "Ringing". The colour is only a second cue.
 */
export function lampText(lamp: Lamp, language: Language, now: number): string {
  const status = translate(language, `status.${lamp.status}`)
  const withUntil = lamp.until
    ? translate(language, 'status.with-until', {
        status,
        until: untilText(lamp.until, now, datesFor(language)),
      })
    : status
  const base = ((): string => {
    switch (lamp.kind) {
      case LampKind.Available:
        return translate(language, 'lamp.available')
      case LampKind.Ringing:
        return translate(language, 'lamp.ringing')
      case LampKind.InCall:
        return lamp.status === PresenceStatus.Available
          ? translate(language, 'lamp.in-call')
          : translate(language, 'lamp.in-call-with-status', { status: withUntil })
      case LampKind.Status:
        return withUntil
      case LampKind.Offline:
        return translate(language, 'lamp.offline')
      case LampKind.Unknown:
        return translate(language, 'lamp.unknown')
    }
  })()
  const showsNote = lamp.kind === LampKind.Status || lamp.kind === LampKind.Available
  return lamp.note && showsNote
    ? translate(language, 'lamp.with-note', { text: base, note: lamp.note })
    : base
}
