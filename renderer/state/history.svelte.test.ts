import { message } from '../../contract/i18n'
import { describe, expect, it, vi } from 'vitest'
import type { HistoryPage } from '../../contract/ipc'
import type { HistoryEntry, HistoryQuery } from '../../contract/schemas'
import { HistoryState } from './history.svelte'
import { FakeApi } from '../testing/fake-api'
import { inEnglish } from '../testing/in-english'

const entry = (id: string, change: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id,
  direction: 'incoming',
  outcome: 'answered',
  remoteName: `Name ${id}`,
  remoteNumber: `10${id}`,
  via: '',
  transferredTo: '',
  startedAt: 1000,
  ringMs: 1,
  talkMs: 1,
  ...change,
})

function setup(
  all: HistoryEntry[] = [
    entry('1'),
    entry('2', { outcome: 'missed' }),
    entry('3', { direction: 'outgoing' }),
  ],
) {
  let stored = [...all]
  let missedUnseen = 1
  const api = new FakeApi()
    .handle('history:query', (raw): HistoryPage => {
      const query = raw as HistoryQuery
      const matching = stored.filter(
        (e) =>
          (query.filter === 'all' ||
            (query.filter === 'missed' ? e.outcome === 'missed' : e.direction === query.filter)) &&
          (e.remoteName.includes(query.search) || e.remoteNumber.includes(query.search)),
      )
      return {
        entries: matching.slice(query.offset, query.offset + query.limit),
        total: matching.length,
        missedUnseen,
      }
    })
    .handle('history:delete', (raw) => {
      stored = stored.filter((e) => e.id !== (raw as { id: string }).id)
      return true
    })
    .handle('history:clear', () => {
      stored = []
      return true
    })
    .handle('history:mark-seen', () => {
      missedUnseen = 0
      return true
    })
    .handle('history:export-csv', () => 'id,name\n1,"Name 1"\n')
  const notifier = { announce: vi.fn(), alert: vi.fn() }
  const dial = vi.fn(async () => 'out-1')
  const download = vi.fn()
  const history = new HistoryState({ api, notifier: inEnglish(notifier), dial, download, pageSize: 2 })
  return { api, notifier, dial, download, history }
}

describe('HistoryState', () => {
  it('queries with the filter and search and pages on demand', async () => {
    const { history, api } = setup()
    await history.refresh()
    expect(history.entries.map((e) => e.id)).toEqual(['1', '2'])
    expect(history.total).toBe(3)
    expect(history.hasMore).toBe(true)
    await history.loadMore()
    expect(history.entries.map((e) => e.id)).toEqual(['1', '2', '3'])
    await history.setFilter('missed')
    expect(history.entries.map((e) => e.id)).toEqual(['2'])
    await history.setFilter('all')
    await history.setSearch('Name 3')
    expect(history.entries.map((e) => e.id)).toEqual(['3'])
    expect(api.sent('history:query').at(-1)).toMatchObject({ filter: 'all', search: 'Name 3', offset: 0 })
  })

  it('shows a message when the history cannot be read', async () => {
    const { history, api } = setup()
    api.handle('history:query', () => ({
      ok: false,
      error: { code: 'storage', message: message('reason.history-not-updated') },
    }))
    await history.refresh()
    expect(history.error).toEqual(
      message('history.load-failed', { reason: message('reason.history-not-updated') }),
    )
  })

  it('calls back the entry number', async () => {
    const { history, dial, notifier } = setup()
    await history.callBack(entry('9', { remoteNumber: '0812010064' }))
    expect(dial).toHaveBeenCalledWith('0812010064', 'Name 9')
    await history.callBack(entry('9', { remoteNumber: '' }))
    expect(dial).toHaveBeenCalledTimes(1)
    expect(notifier.alert).toHaveBeenCalled()
  })

  it('deletes one entry', async () => {
    const { history, api } = setup()
    await history.refresh()
    await history.remove('1')
    expect(api.sent('history:delete')).toEqual([{ id: '1' }])
    expect(history.entries.map((e) => e.id)).toEqual(['2'])
    expect(history.total).toBe(2)
  })

  it('clears everything only after confirmation', async () => {
    const { history, api } = setup()
    await history.refresh()
    await history.confirmClear()
    expect(api.sent('history:clear')).toEqual([])
    history.requestClear()
    history.cancelClear()
    await history.confirmClear()
    expect(api.sent('history:clear')).toEqual([])
    history.requestClear()
    await history.confirmClear()
    expect(api.sent('history:clear')).toHaveLength(1)
    expect(history.entries).toEqual([])
    expect(history.total).toBe(0)
  })

  it('marks missed calls seen and clears the count', async () => {
    const { history, api } = setup()
    await history.refresh()
    expect(history.missedUnseen).toBe(1)
    await history.markSeen()
    expect(history.missedUnseen).toBe(0)
    await history.markSeen()
    expect(api.sent('history:mark-seen')).toHaveLength(1)
  })

  it('exports CSV through the download function', async () => {
    const { history, download } = setup()
    await history.exportCsv()
    expect(download).toHaveBeenCalledWith(
      expect.stringMatching(/^parley-history-\d{4}-\d\d-\d\d\.csv$/),
      'id,name\n1,"Name 1"\n',
      'text/csv;charset=utf-8',
    )
  })

  it('keeps only the answer to the latest query', async () => {
    const { history, api } = setup()
    let release: (() => void) | null = null
    const gate = new Promise<void>((resolve) => (release = resolve))
    const realInvoke = api.invoke.bind(api)
    let first = true
    api.invoke = (async (channel: never, request?: never) => {
      if (first) {
        first = false
        await gate
        return { ok: true, value: { entries: [entry('stale')], total: 1, missedUnseen: 0 } }
      }
      return realInvoke(channel, request)
    }) as typeof api.invoke
    const slow = history.setSearch('x')
    await history.setSearch('')
    release!()
    await slow
    expect(history.entries.map((e) => e.id)).toEqual(['1', '2'])
  })

  it('keeps notices main gives once (also on a stale answer) until dismissed', async () => {
    const { history, api } = setup()
    const setAside = 'The call history file was damaged; it was set aside as history.damaged.jsonl.'
    let release: (() => void) | null = null
    const gate = new Promise<void>((resolve) => (release = resolve))
    const realInvoke = api.invoke.bind(api)
    let first = true
    api.invoke = (async (channel: never, request?: never) => {
      if (first) {
        first = false
        await gate
        return { ok: true, value: { entries: [], total: 0, missedUnseen: 0, notices: [setAside] } }
      }
      return realInvoke(channel, request)
    }) as typeof api.invoke
    const slow = history.refresh()
    await history.setSearch('Name')
    release!()
    await slow
    expect(history.fileNotices.list).toEqual([setAside])
    await history.refresh()
    expect(history.fileNotices.list).toEqual([setAside])
    history.fileNotices.dismiss(setAside)
    expect(history.fileNotices.list).toEqual([])
  })

  it('shows a call main just recorded without asking for the page again', async () => {
    const { history, api } = setup([entry('old', { startedAt: 500 })])
    await history.refresh()
    history.recorded(entry('new', { startedAt: 2000, outcome: 'missed' }))
    expect(history.entries.map((e) => e.id)).toEqual(['new', 'old'])
    expect(history.total).toBe(2)
    expect(history.missedUnseen).toBe(2)
    await history.setFilter('outgoing')
    history.recorded(entry('in', { startedAt: 3000 }))
    expect(history.entries).toEqual([])
    expect(api.sent('history:query')).toHaveLength(2)
  })

  it('asks main again for a call recorded while a search is typed (main matches searches)', async () => {
    const { history, api } = setup()
    await history.setSearch('Name 1')
    history.recorded(entry('9'))
    await vi.waitFor(() => expect(api.sent('history:query')).toHaveLength(2))
  })
})
