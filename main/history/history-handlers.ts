import type { Language } from '../../contract/i18n'
import type { HistoryEntry } from '../../contract/schemas'
import { defineHandlers, storageFailureAsHandlerError } from '../ipc/handlers'
import { HistoryStorageError, type HistoryStore } from './history-store'

/** Who else cares about the history: the missed-call notification and the badge count. */
export interface HistoryObserver {
  recorded?(entry: HistoryEntry): void
  missedUnseenChanged?(count: number): void
}

const guardStorage = <T>(work: () => Promise<T>): Promise<T> =>
  storageFailureAsHandlerError(HistoryStorageError, work)

/** `language`: the export's header row is in the user's language of the moment. */
export const historyHandlers = (
  store: HistoryStore,
  language: () => Language,
  observer: HistoryObserver = {},
) => {
  const announceCount = () => observer.missedUnseenChanged?.(store.missedUnseen)
  const afterChange = <T>(value: T): T => {
    announceCount()
    return value
  }
  return defineHandlers({
    'history:query': (query) => {
      const page = store.query(query)
      const notices = store.takeNotices()
      return notices.length > 0 ? { ...page, notices } : page
    },
    'history:record': async (entry) => {
      try {
        return await guardStorage(() => store.record(entry))
      } finally {
        // The call is in the list (and counted) even when the disk refused it.
        observer.recorded?.(entry)
        announceCount()
      }
    },
    'history:delete': async ({ id }) => afterChange(await guardStorage(() => store.delete(id))),
    'history:clear': async () => afterChange(await guardStorage(() => store.clear())),
    'history:mark-seen': async () => afterChange(await guardStorage(() => store.markSeen())),
    'history:export-csv': () => store.exportCsv(language()),
  })
}
