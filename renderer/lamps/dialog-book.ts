import { dialogInfoLimits, type DialogEntry, type DialogInfoDocument } from './dialog-info'

/**
 * What we know of one colleague's dialogs, from the NOTIFYs of one dialog subscription
 * (RFC 4235 §4.1): versions only go up, a full document replaces everything, a partial one
 * changes the dialogs it names, and a terminated dialog is forgotten. Immutable: a new book per
 * change, so a lamp that reads it re-renders only when its own book changed.
 */
export interface DialogBook {
  /** The last version applied; -1 before the first document of a subscription. */
  version: number
  dialogs: readonly DialogEntry[]
}

export const emptyDialogBook: DialogBook = { version: -1, dialogs: [] }

export type DialogBookOutcome =
  /** Applied in order. */
  | 'applied'
  /** Applied, but versions were skipped (a NOTIFY was lost): the picture may be incomplete. */
  | 'gap'
  /** An old or repeated version: discarded (RFC 4235 §4.1). */
  | 'stale'
  /** A partial document before any full one: nothing to apply it to, discarded. */
  | 'no-base'

export function applyDialogInfo(
  book: DialogBook,
  document: DialogInfoDocument,
): { book: DialogBook; outcome: DialogBookOutcome } {
  if (book.version >= 0 && document.version <= book.version) return { book, outcome: 'stale' }
  if (!document.full && book.version < 0) return { book, outcome: 'no-base' }
  const gap = !document.full && document.version > book.version + 1
  const dialogs = new Map<string, DialogEntry>(
    document.full ? [] : book.dialogs.map((dialog) => [dialog.id, dialog]),
  )
  for (const dialog of document.dialogs) {
    if (dialog.state === 'terminated') dialogs.delete(dialog.id)
    else dialogs.set(dialog.id, dialog)
  }
  // Bounded however many partial documents add dialogs: the newest ones are kept.
  const kept = [...dialogs.values()].slice(-dialogInfoLimits.dialogs)
  return { book: { version: document.version, dialogs: kept }, outcome: gap ? 'gap' : 'applied' }
}
