import type { MessageKey } from '../../contract/i18n'
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
  | 'text-larger'
  | 'text-smaller'
  | 'text-normal'

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
  // "+" is Shift+"=" on US keys, a key of its own on Swedish ones: both make the text larger.
  if (command && (event.key === '+' || event.key === '=')) return 'text-larger'
  if (command && event.key === '-') return 'text-smaller'
  if (command && event.key === '0') return 'text-normal'
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

/** The text size's step for each of its shortcuts. */
export const textSizeStepOf = {
  'text-larger': 'larger',
  'text-smaller': 'smaller',
  'text-normal': 'normal',
} as const

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

/** Not a key but typing: the overlay shows it in words (`help.key-type`). */
export const typeKey = 'type'

/** The keys, as the help overlay and the README list them (texts from the catalogue). */
export const keyGroups: { title: MessageKey; keys: { keys: string[]; does: MessageKey }[] }[] = [
  {
    title: 'help.anywhere',
    keys: [
      { keys: ['Ctrl+D', '/'], does: 'help.go-dial' },
      { keys: ['Ctrl+F'], does: 'help.search-contacts' },
      { keys: ['C'], does: 'help.go-calls' },
      { keys: ['Y'], does: 'help.go-history' },
      { keys: ['F1', '?'], does: 'help.show-keys' },
      { keys: ['Ctrl++'], does: 'help.text-larger' },
      { keys: ['Ctrl+-'], does: 'help.text-smaller' },
      { keys: ['Ctrl+0'], does: 'help.text-normal' },
      { keys: ['Escape'], does: 'help.close-or-cancel' },
    ],
  },
  {
    title: 'help.during-call',
    keys: [
      { keys: ['H'], does: 'help.hold' },
      { keys: ['M'], does: 'help.mute' },
      { keys: ['0–9', '*', '#'], does: 'help.tones' },
      { keys: ['T'], does: 'help.transfer' },
    ],
  },
  {
    title: 'help.transferring',
    keys: [
      { keys: [typeKey], does: 'help.type-target' },
      { keys: ['↑', '↓'], does: 'help.choose-result' },
      { keys: ['Enter'], does: 'help.transfer-now' },
      { keys: ['Shift+Enter'], does: 'help.consult-first' },
      { keys: ['Ctrl+Enter'], does: 'help.complete' },
      { keys: ['Escape'], does: 'help.cancel-transfer' },
    ],
  },
  {
    title: 'help.contacts',
    keys: [
      { keys: ['↑', '↓'], does: 'help.choose-contact' },
      { keys: ['Enter'], does: 'help.call-contact' },
    ],
  },
  {
    title: 'help.history',
    keys: [
      { keys: ['↑', '↓'], does: 'help.history-move' },
      { keys: ['Enter'], does: 'help.history-call-back' },
      { keys: ['Delete'], does: 'help.history-delete' },
    ],
  },
]
