import { join } from 'node:path'
import type { HistoryEntry } from '../contract/schemas'
import { historyFileName } from '../main/history/history-part'
import type { TestApp } from './harness/app'

/** What main holds (newest first), for the numbers the UI shows rounded. */
export async function storedHistory(app: TestApp): Promise<HistoryEntry[]> {
  const result = await app.main.dispatch('history:query', {
    filter: 'all',
    search: '',
    offset: 0,
    limit: 1000,
  })
  if (!result.ok) throw new Error(`history:query failed: ${JSON.stringify(result.error)}`)
  return (result.value as { entries: HistoryEntry[] }).entries
}

export const historyPathOf = (app: TestApp): string => join(app.dataDir, historyFileName)
