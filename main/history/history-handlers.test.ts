import { render, type Message } from '../../contract/i18n'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { historyEntrySchema, historyQuerySchema, type HistoryEntry } from '../../contract/schemas'
import { MemoryLogger } from '../log/logger'
import { historyHandlers } from './history-handlers'
import { HistoryStore } from './history-store'

let directory: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'parley-history-handlers-'))
})
afterEach(async () => {
  await rm(directory, { recursive: true, force: true })
})

const context = { sender: { frameUrl: 'app://parley/index.html', isMainFrame: true } }
const missed: HistoryEntry = historyEntrySchema.parse({
  id: 'm1',
  direction: 'incoming',
  outcome: 'missed',
  remoteName: 'Åsa',
  remoteNumber: '100',
  startedAt: 1,
  ringMs: 20_000,
  talkMs: 0,
})

describe('history handlers', () => {
  it('records, reports missed counts to the observer, and clears them when seen', async () => {
    const store = new HistoryStore({
      path: join(directory, 'history.jsonl'),
      limit: 50_000,
      logger: new MemoryLogger(),
    })
    await store.start()
    const recorded: string[] = []
    const counts: number[] = []
    const handlers = historyHandlers(store, () => 'en', {
      recorded: (entry) => recorded.push(entry.id),
      missedUnseenChanged: (count) => counts.push(count),
    })
    expect(await handlers['history:record'](missed, context)).toEqual(missed)
    const page = await handlers['history:query'](historyQuerySchema.parse({}), context)
    expect(page.missedUnseen).toBe(1)
    expect(page.entries).toEqual([missed])
    expect(await handlers['history:mark-seen'](undefined, context)).toBe(true)
    expect(recorded).toEqual(['m1'])
    expect(counts).toEqual([1, 0])
    expect(await handlers['history:export-csv'](undefined, context)).toContain('Åsa')
    expect(await handlers['history:clear'](undefined, context)).toBe(true)
    expect((await handlers['history:query'](historyQuerySchema.parse({}), context)).total).toBe(0)
  })

  it('hands out the notice about a damaged file once, with the first page', async () => {
    const path = join(directory, 'history.jsonl')
    await writeFile(path, 'garbage\n')
    const store = new HistoryStore({ path, limit: 50_000, logger: new MemoryLogger() })
    await store.start()
    const handlers = historyHandlers(store, () => 'en')
    const first = await handlers['history:query'](historyQuerySchema.parse({}), context)
    expect(render('en', first.notices?.[0] as Message)).toMatch(/damaged/)
    const second = await handlers['history:query'](historyQuerySchema.parse({}), context)
    expect(second.notices).toBeUndefined()
  })
})
