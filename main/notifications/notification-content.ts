import type { HistoryEntry } from '../../contract/schemas'
import type { IncomingCallNotice } from './call-signals'

/**
 * What call notifications say. Names and numbers come from the network (SIP headers), so they
 * are treated as hostile text: control and bidirectional-override characters are removed (a
 * name must not reorder the text around it), lengths are capped, and on Linux — where many
 * notification servers read the body as markup — <, > and & are escaped so they show as text.
 */

export interface NotificationContent {
  /** A ringing call wants attention now (stays up, no sound of its own: the app rings); a missed one can wait. */
  kind: 'incoming' | 'missed'
  title: string
  body: string
  /** Button labels, in order; only macOS shows them. */
  actions: string[]
}

// C0/C1 controls, and bidi embedding/override/isolate marks (U+202A–U+202E, U+2066–U+2069).
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

export function safeText(text: string, maxLength: number, platform: NodeJS.Platform): string {
  let clean = text.replace(unsafeCharacters, ' ').replace(/\s+/g, ' ').trim()
  if (clean.length > maxLength) clean = `${clean.slice(0, maxLength - 1)}…`
  if (platform === 'linux') clean = clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return clean
}

function caller(name: string, number: string, via: string, platform: NodeJS.Platform): string {
  const cleanName = safeText(name, 80, platform)
  const cleanNumber = safeText(number, 60, platform)
  const who =
    cleanName && cleanName !== cleanNumber
      ? `${cleanName} (${cleanNumber || 'unknown number'})`
      : cleanNumber || 'Unknown caller'
  const cleanVia = safeText(via, 60, platform)
  return cleanVia ? `${who}\nvia ${cleanVia}` : who
}

export function incomingCallContent(
  notice: IncomingCallNotice,
  platform: NodeJS.Platform,
): NotificationContent {
  return {
    kind: 'incoming',
    title: 'Incoming call',
    body: caller(notice.remoteName, notice.remoteNumber, notice.via, platform),
    actions: platform === 'darwin' ? ['Answer', 'Reject'] : [],
  }
}

export function missedCallContent(entry: HistoryEntry, platform: NodeJS.Platform): NotificationContent {
  return {
    kind: 'missed',
    title: 'Missed call',
    body: caller(entry.remoteName, entry.remoteNumber, entry.via, platform),
    actions: [],
  }
}

/** Notify only when the user might not see the window (hidden, minimised or behind others). */
export function shouldNotify(window: { visible: boolean; focused: boolean }, doNotDisturb: boolean): boolean {
  return !doNotDisturb && !(window.visible && window.focused)
}
