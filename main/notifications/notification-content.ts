import { translate, type Language } from '../../contract/i18n'
import type { HistoryEntry } from '../../contract/schemas'
import { plainDisplayText } from '../../contract/display-text'
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

export function safeText(text: string, maxLength: number, platform: NodeJS.Platform): string {
  let clean = plainDisplayText(text)
  if (clean.length > maxLength) clean = `${clean.slice(0, maxLength - 1)}…`
  if (platform === 'linux') clean = clean.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return clean
}

// A notification is plain text, so isolation is done with the Unicode isolates themselves
// (added after cleaning, so a caller cannot send their own): the name in FIRST STRONG ISOLATE,
// the number left-to-right (LEFT-TO-RIGHT ISOLATE), each closed by POP DIRECTIONAL ISOLATE.
const isolatedName = (text: string) => `\u2068${text}\u2069`
const isolatedNumber = (text: string) => `\u2066${text}\u2069`

function caller(
  party: { name: string; number: string; via: string },
  language: Language,
  platform: NodeJS.Platform,
): string {
  const cleanName = safeText(party.name, 80, platform)
  const cleanNumber = safeText(party.number, 60, platform)
  const who =
    cleanName && cleanName !== cleanNumber
      ? translate(language, 'notify.name-and-number', {
          name: isolatedName(cleanName),
          number: cleanNumber ? isolatedNumber(cleanNumber) : translate(language, 'notify.unknown-number'),
        })
      : cleanNumber
        ? isolatedNumber(cleanNumber)
        : translate(language, 'call.unknown-caller')
  const cleanVia = safeText(party.via, 60, platform)
  return cleanVia ? `${who}\n${translate(language, 'notify.via', { via: isolatedName(cleanVia) })}` : who
}

export function incomingCallContent(
  notice: IncomingCallNotice,
  language: Language,
  platform: NodeJS.Platform,
): NotificationContent {
  return {
    kind: 'incoming',
    title: translate(language, 'notify.incoming-call'),
    body: caller(
      { name: notice.remoteName, number: notice.remoteNumber, via: notice.via },
      language,
      platform,
    ),
    actions:
      platform === 'darwin'
        ? [translate(language, 'notify.answer'), translate(language, 'notify.reject')]
        : [],
  }
}

export function missedCallContent(
  entry: HistoryEntry,
  language: Language,
  platform: NodeJS.Platform,
): NotificationContent {
  return {
    kind: 'missed',
    title: translate(language, 'notify.missed-call'),
    body: caller({ name: entry.remoteName, number: entry.remoteNumber, via: entry.via }, language, platform),
    actions: [],
  }
}

/** Notify only when the user might not see the window (hidden, minimised or behind others). */
export function shouldNotify(window: { visible: boolean; focused: boolean }, doNotDisturb: boolean): boolean {
  return !doNotDisturb && !(window.visible && window.focused)
}
