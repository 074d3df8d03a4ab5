/**
 * Global keyboard shortcuts: which key means what, decided in one pure function so the help
 * overlay, the README and the handler cannot disagree. Single-letter keys act only when the
 * person is not typing in a field.
 */

export type ShortcutAction =
  | 'focus-dial'
  | 'open-help'
  | 'close-or-cancel'
  | 'start-transfer'
  | 'complete-transfer'
  | 'toggle-hold'
  | 'toggle-mute'
  | 'focus-calls'
  | 'focus-contacts'
  | 'focus-history'

export interface KeyLike {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

export function shortcutFor(event: KeyLike, typing: boolean): ShortcutAction | null {
  const command = event.ctrlKey || event.metaKey
  if (event.altKey) return null
  if (event.key === 'F1') return 'open-help'
  if (event.key === 'Escape') return 'close-or-cancel'
  if (command && event.key === 'Enter') return 'complete-transfer'
  if (command && event.key.toLowerCase() === 'd') return 'focus-dial'
  if (command && event.key.toLowerCase() === 'f') return 'focus-contacts'
  if (command || typing) return null
  switch (event.key) {
    case '?':
      return 'open-help'
    case '/':
      return 'focus-dial'
    case 't':
    case 'T':
      return 'start-transfer'
    case 'h':
    case 'H':
      return 'toggle-hold'
    case 'm':
    case 'M':
      return 'toggle-mute'
    case 'c':
    case 'C':
      return 'focus-calls'
    case 'y':
    case 'Y':
      return 'focus-history'
    default:
      return null
  }
}

/** True when keys go into a text field (so single letters are text, not shortcuts). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false
  const element = target as HTMLElement
  if (element.isContentEditable) return true
  const tag = element.tagName
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag !== 'INPUT') return false
  const type = (element as HTMLInputElement).type
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'range', 'color'].includes(type)
}

/** The keys, as the help overlay and the README list them. */
export const keyGroups: { title: string; keys: { keys: string[]; does: string }[] }[] = [
  {
    title: 'Anywhere',
    keys: [
      { keys: ['Ctrl+D', '/'], does: 'Go to the number field (type, then Enter to call)' },
      { keys: ['Ctrl+F'], does: 'Search contacts' },
      { keys: ['C'], does: 'Go to the calls (Tab to a button, Space or Enter presses it)' },
      { keys: ['Y'], does: 'Go to the call history' },
      { keys: ['F1', '?'], does: 'Show these keys' },
      { keys: ['Escape'], does: 'Close this help, or cancel the transfer being set up' },
    ],
  },
  {
    title: 'During a call',
    keys: [
      { keys: ['H'], does: 'Hold or resume the call' },
      { keys: ['M'], does: 'Mute or unmute the microphone' },
      { keys: ['0–9', '*', '#'], does: 'Send tones (when the call or the dialpad has focus)' },
      { keys: ['T'], does: 'Transfer the call: the contact search opens' },
    ],
  },
  {
    title: 'Transferring (after T)',
    keys: [
      { keys: ['Type'], does: 'A name, company or number' },
      { keys: ['↑', '↓'], does: 'Choose among the results' },
      { keys: ['Enter'], does: 'Transfer now (blind)' },
      { keys: ['Shift+Enter'], does: 'Call first and announce (attended): the caller is held' },
      { keys: ['Ctrl+Enter'], does: 'Complete the attended transfer' },
      { keys: ['Escape'], does: 'Cancel: back to the caller' },
    ],
  },
  {
    title: 'Contacts (after Ctrl+F)',
    keys: [
      { keys: ['↑', '↓'], does: 'Choose a contact' },
      { keys: ['Enter'], does: 'Call its first number; during a call: call first, the caller is held' },
    ],
  },
  {
    title: 'Call history',
    keys: [
      { keys: ['↑', '↓'], does: 'Move between calls (↓ in the search field enters the list)' },
      { keys: ['Enter'], does: 'Call back the selected entry' },
      { keys: ['Delete'], does: 'Delete the selected entry' },
    ],
  },
]
