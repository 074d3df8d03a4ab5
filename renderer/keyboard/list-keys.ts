/**
 * Moving through a list with the keyboard, the one rule for the window's lists (the ARIA
 * listbox, radio-group and tabs patterns): the two arrows of the list's direction step one
 * item, Home and End go to the ends. A list that wraps (a tab list, a short menu) steps from
 * the last item to the first; a long list (the history) stops at its ends.
 */
export interface ListKeys {
  /** Which arrows step: Up/Down for a column, Left/Right for a row. */
  direction: 'column' | 'row'
  /** Whether stepping past an end goes round to the other end. */
  wrap: boolean
}

/** The index `key` moves to from `at` in a list of `count` items; null: not a key of the list. */
export function indexAfterKey(key: string, at: number, count: number, list: ListKeys): number | null {
  if (count <= 0) return null
  const [back, forward] = list.direction === 'column' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight']
  const last = count - 1
  switch (key) {
    case forward:
      return at >= last ? (list.wrap ? 0 : last) : at + 1
    case back:
      return at <= 0 ? (list.wrap ? last : 0) : at - 1
    case 'Home':
      return 0
    case 'End':
      return last
    default:
      return null
  }
}
