import { render } from '../../contract/i18n'
import { join } from 'node:path'
import type { MainPart, PartContext } from '../parts'
import { historyHandlers } from './history-handlers'
import { HistoryStore } from './history-store'

export const historyFileName = 'history.jsonl'

/**
 * Call history (Node only: runs in Electron and in the headless harness). Tells the other
 * parts about each recorded call and the unseen missed count, through PartContext.calls.
 */
export function historyPart(context: PartContext): MainPart {
  const store = new HistoryStore({
    path: join(context.dataDir, historyFileName),
    limit: 50_000,
    logger: context.logger,
  })
  let stopFollowingPreferences: (() => void) | null = null
  return {
    name: 'history',
    handlers: historyHandlers(store, context.language, {
      recorded: (entry) => context.calls.emit('recorded', entry),
      missedUnseenChanged: (count) => context.calls.emit('missedUnseen', count),
    }),
    async start() {
      await store.setLimit(context.preferences().historyLimit)
      await store.start()
      for (const notice of store.pendingNotices()) context.logger.warn(`History: ${render('en', notice)}`)
      context.calls.emit('missedUnseen', store.missedUnseen)
      stopFollowingPreferences = context.events.on('preferences-changed', (preferences) => {
        store
          .setLimit(preferences.historyLimit)
          .catch((error: unknown) => context.logger.error('History: pruning failed', error))
      })
    },
    async stop() {
      stopFollowingPreferences?.()
      stopFollowingPreferences = null
      await store.stop()
    },
  }
}
