import { render, type Message } from '../../contract/i18n'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { historyEntrySchema, type HistoryEntry, type HistoryQuery } from '../../contract/schemas'
import { MemoryLogger } from '../log/logger'
import { HistoryStore } from './history-store'

let directory: string
let path: string

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'parley-history-'))
  path = join(directory, 'history.jsonl')
})
afterEach(async () => {
  await rm(directory, { recursive: true, force: true })
})

let counter = 0
function call(overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  counter++
  return {
    id: `call-${counter}`,
    direction: 'incoming',
    outcome: 'answered',
    remoteName: `Caller ${counter}`,
    remoteNumber: `+46 8 555 ${String(counter).padStart(4, '0')}`,
    via: '',
    transferredTo: '',
    startedAt: 1_700_000_000_000 + counter * 60_000,
    ringMs: 3000,
    talkMs: 60_000,
    ...overrides,
  }
}

const query = (overrides: Partial<HistoryQuery> = {}): HistoryQuery => ({
  filter: 'all',
  search: '',
  offset: 0,
  limit: 200,
  ...overrides,
})

async function openStore(limit = 50_000, logger = new MemoryLogger()): Promise<HistoryStore> {
  const store = new HistoryStore({ path, limit, logger, now: () => new Date('2026-11-25T15:20:00Z') })
  await store.start()
  return store
}

describe('HistoryStore', () => {
  it('appends calls and reads them back newest first after a restart', async () => {
    const store = await openStore()
    const first = call()
    const second = call()
    const third = call({ startedAt: first.startedAt - 1000 }) // a long call that began earlier, ended later
    for (const entry of [first, second, third]) await store.record(entry)
    await store.stop()

    const reopened = await openStore()
    expect(reopened.query(query()).entries.map((entry) => entry.id)).toEqual([second.id, first.id, third.id])
    expect(reopened.query(query()).total).toBe(3)
  })

  it("keeps a call's note (e.g. turned away by do-not-disturb) across a restart", async () => {
    const store = await openStore()
    const turnedAway = call({ outcome: 'missed', note: 'Do not disturb' })
    const plain = call()
    await store.record(turnedAway)
    await store.record(plain)
    await store.stop()

    const reopened = await openStore()
    const byId = new Map(reopened.query(query()).entries.map((entry) => [entry.id, entry]))
    expect(byId.get(turnedAway.id)?.note).toBe('Do not disturb')
    expect(byId.get(plain.id)?.note).toBeUndefined()
  })

  it('drops a quality value a hand-edited file put outside the MOS scale, keeping the call', async () => {
    const store = await openStore()
    const measured = call({ outcome: 'answered', mos: 3.9 })
    await store.record(measured)
    await store.record(call({ outcome: 'answered', mos: 42 }))
    await store.stop()
    const reopened = await openStore()
    const entries = reopened.query(query()).entries
    expect(entries).toHaveLength(2)
    expect(entries.map((entry) => entry.mos).sort()).toEqual([3.9, undefined])
  })

  it('pages with offset and limit', async () => {
    const store = await openStore()
    const entries = [call(), call(), call(), call(), call()]
    for (const entry of entries) await store.record(entry)
    const page = store.query(query({ offset: 1, limit: 2 }))
    expect(page.entries.map((entry) => entry.id)).toEqual([entries[3]?.id, entries[2]?.id])
    expect(page.total).toBe(5)
  })

  it('filters missed, incoming and outgoing calls', async () => {
    const store = await openStore()
    const missed = call({ outcome: 'missed', talkMs: 0 })
    const outgoing = call({ direction: 'outgoing' })
    const incoming = call()
    for (const entry of [missed, outgoing, incoming]) await store.record(entry)
    expect(store.query(query({ filter: 'missed' })).entries.map((e) => e.id)).toEqual([missed.id])
    expect(store.query(query({ filter: 'outgoing' })).entries.map((e) => e.id)).toEqual([outgoing.id])
    expect(store.query(query({ filter: 'incoming' })).entries.map((e) => e.id)).toEqual([
      incoming.id,
      missed.id,
    ])
    expect(store.query(query({ filter: 'incoming' })).total).toBe(2)
  })

  it('searches by name without accents and by number whatever the formatting', async () => {
    const store = await openStore()
    const asa = call({ remoteName: 'Åsa Östlund', remoteNumber: '+46 8-123 45 67' })
    const via = call({ remoteName: 'Bo', remoteNumber: '200', via: 'Switchboard 0812' })
    await store.record(asa)
    await store.record(via)
    await store.record(call())
    expect(store.query(query({ search: 'ostlund' })).entries.map((e) => e.id)).toEqual([asa.id])
    expect(store.query(query({ search: 'ÅSA' })).entries.map((e) => e.id)).toEqual([asa.id])
    expect(store.query(query({ search: '4681234' })).entries.map((e) => e.id)).toEqual([asa.id])
    expect(store.query(query({ search: '+46 (8) 123' })).entries.map((e) => e.id)).toEqual([asa.id])
    expect(store.query(query({ search: '0812' })).entries.map((e) => e.id)).toEqual([via.id])
    expect(store.query(query({ search: 'nobody' })).total).toBe(0)
  })

  it('prunes the oldest calls past the limit, in memory at once and in the file lazily', async () => {
    const store = await openStore(100)
    const entries = Array.from({ length: 250 }, () => call())
    for (const entry of entries) await store.record(entry)
    expect(store.query(query({ limit: 1000 })).total).toBe(100)
    expect(store.query(query({ limit: 1 })).entries[0]?.id).toBe(entries[249]?.id)
    await store.stop()
    const lines = (await readFile(path, 'utf8')).trim().split('\n')
    expect(lines.length).toBeLessThanOrEqual(100 + 100 + 1)

    const reopened = await openStore(100)
    const kept = reopened.query(query({ limit: 1000 })).entries
    expect(kept).toHaveLength(100)
    expect(kept.at(-1)?.id).toBe(entries[150]?.id)
  })

  it('prunes right away when the limit is lowered', async () => {
    const store = await openStore()
    for (let i = 0; i < 150; i++) await store.record(call())
    await store.setLimit(100)
    expect(store.query(query()).total).toBe(100)
    const reopened = await openStore(100)
    expect(reopened.query(query()).total).toBe(100)
  })

  it('survives a crash in the middle of a write: the cut line is dropped and the file repaired', async () => {
    const store = await openStore()
    const kept = [call(), call()]
    for (const entry of kept) await store.record(entry)
    const inFlight = call()
    await store.record(inFlight)
    await store.stop()
    const size = (await stat(path)).size
    await truncate(path, size - 25) // cut the last record in the middle

    const logger = new MemoryLogger()
    const reopened = await openStore(50_000, logger)
    expect(reopened.query(query()).entries.map((e) => e.id)).toEqual([kept[1]?.id, kept[0]?.id])
    expect(reopened.takeNotices()).toEqual([])
    expect(logger.lines.some((line) => line.message.includes('cut short'))).toBe(true)

    // The repaired file takes new appends cleanly.
    const after = call()
    await reopened.record(after)
    const third = await openStore()
    expect(third.query(query()).entries.map((e) => e.id)).toEqual([after.id, kept[1]?.id, kept[0]?.id])
    expect((await readFile(path, 'utf8')).endsWith('\n')).toBe(true)
  })

  it('keeps a record whose newline never reached the disk', async () => {
    const store = await openStore()
    const entry = call()
    await store.record(entry)
    await truncate(path, (await stat(path)).size - 1)
    const reopened = await openStore()
    expect(reopened.query(query()).entries.map((e) => e.id)).toEqual([entry.id])
  })

  it('sets a damaged file aside, keeps it, and starts fresh with what could be read', async () => {
    const good = call()
    await writeFile(path, `${JSON.stringify(good)}\nthis is not json\n${JSON.stringify(call())}\n`)
    const original = await readFile(path, 'utf8')
    const store = await openStore()
    const said = store.takeNotices()
    const notices = said.map((notice) => render('en', notice))
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(/damaged.*line 2/)
    expect(render('sv', said[0] as Message)).toMatch(/skadad \(rad 2 kunde inte läsas\)/)
    expect(store.query(query()).total).toBe(2)

    const files = await readdir(directory)
    const setAside = files.find((name) => name.startsWith('history.jsonl.corrupt-'))
    expect(setAside).toBeDefined()
    expect(await readFile(join(directory, setAside as string), 'utf8')).toBe(original)
    expect(notices[0]).toContain(setAside)
    const reopened = await openStore()
    expect(reopened.takeNotices()).toEqual([])
    expect(reopened.query(query()).total).toBe(2)
  })

  it('sets aside a file that is not history at all rather than discarding it', async () => {
    await writeFile(path, Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x42]))
    const store = await openStore()
    expect(render('en', store.takeNotices()[0] as Message)).toMatch(/damaged/)
    expect(store.query(query()).total).toBe(0)
    expect((await readdir(directory)).some((name) => name.startsWith('history.jsonl.corrupt-'))).toBe(true)
  })

  it('counts unseen missed calls until the list is seen, across restarts', async () => {
    const store = await openStore()
    await store.record(call({ outcome: 'missed' }))
    await store.record(call({ outcome: 'missed' }))
    await store.record(call())
    expect(store.missedUnseen).toBe(2)
    await store.markSeen()
    expect(store.query(query()).missedUnseen).toBe(0)
    await store.record(call({ outcome: 'missed' }))
    expect(store.missedUnseen).toBe(1)

    const reopened = await openStore()
    expect(reopened.missedUnseen).toBe(1)
  })

  it('deletes one call and clears all, durably', async () => {
    const store = await openStore()
    const keep = call()
    const drop = call({ outcome: 'missed' })
    await store.record(keep)
    await store.record(drop)
    expect(await store.delete(drop.id)).toBe(true)
    expect(await store.delete('no-such-call')).toBe(false)
    expect(store.missedUnseen).toBe(0)
    expect((await openStore()).query(query()).entries.map((e) => e.id)).toEqual([keep.id])

    expect(await store.clear()).toBe(true)
    expect(store.query(query()).total).toBe(0)
    expect((await openStore()).query(query()).total).toBe(0)
  })

  it('reports a failed write, keeps the call, and writes it once the disk is back', async () => {
    const store = await openStore()
    const first = call()
    await store.record(first)
    // The disk "goes away": the history path is briefly something that cannot be appended to.
    await rename(path, `${path}.moved`)
    await mkdir(path)
    const failed = call()
    await expect(store.record(failed)).rejects.toThrowError(/could not be saved/)
    expect(store.query(query()).entries.map((e) => e.id)).toEqual([failed.id, first.id])

    await rm(path, { recursive: true })
    await rename(`${path}.moved`, path)
    const later = call()
    await store.record(later)
    const reopened = await openStore()
    expect(reopened.query(query()).entries.map((e) => e.id)).toEqual([later.id, failed.id, first.id])
    expect(reopened.takeNotices()).toEqual([])
  })

  it('never replaces a history file it could not read at start', async () => {
    await mkdir(path) // unreadable as a file, whoever runs the test
    const store = await openStore()
    expect(render('en', store.takeNotices()[0] as Message)).toMatch(/could not be read/)
    await expect(store.clear()).rejects.toThrowError(/left as it is/)
    expect((await stat(path)).isDirectory()).toBe(true)
  })

  it('replaces a call recorded twice under the same id', async () => {
    const store = await openStore()
    const first = call({ outcome: 'missed' })
    await store.record(first)
    await store.record({ ...first, outcome: 'answered' })
    expect(store.query(query()).entries).toEqual([{ ...first, outcome: 'answered' }])
    expect(store.missedUnseen).toBe(0)
    expect((await openStore()).query(query()).entries).toHaveLength(1)
  })

  it('cuts fields a hand-edited file made too long to the schema limits (a 16 MB name loads as 512 characters)', async () => {
    const huge = call({
      remoteName: 'A'.repeat(16 * 1024 * 1024),
      via: 'v'.repeat(10_000),
      note: 'n'.repeat(5000),
    })
    await writeFile(path, `${JSON.stringify(huge)}\n`)
    const store = await openStore()
    const [loaded] = store.query(query()).entries
    expect(loaded?.remoteName).toBe('A'.repeat(512))
    expect(loaded?.via).toHaveLength(256)
    expect(loaded?.note).toHaveLength(256)
    expect(historyEntrySchema.safeParse(loaded).success).toBe(true)
  })
})
