import { message } from '../../contract/i18n'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHeadlessMain, type HeadlessMain } from '../headless'

let dataDir: string
const running: HeadlessMain[] = []
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'parley-history-part-'))
})
afterEach(async () => {
  for (const main of running.splice(0)) await main.stop()
  await rm(dataDir, { recursive: true, force: true })
})

async function start(): Promise<HeadlessMain> {
  const main = await createHeadlessMain({ dataDir })
  running.push(main)
  return main
}

const missedCall = {
  id: 'call-1',
  direction: 'incoming',
  outcome: 'missed',
  remoteName: 'Åsa Östlund',
  remoteNumber: '+46 8 123 45 67',
  via: 'Switchboard',
  startedAt: 1_764_000_000_000,
  ringMs: 21_000,
  talkMs: 0,
}

describe('history through the headless main (real dispatcher, validation and files)', () => {
  it('records a call, finds it by name and number, and keeps it across a restart', async () => {
    const main = await start()
    expect(await main.dispatch('history:record', missedCall)).toMatchObject({ ok: true })
    const found = await main.dispatch('history:query', { search: 'ostlund' })
    expect(found).toMatchObject({
      ok: true,
      value: { total: 1, missedUnseen: 1, entries: [{ id: 'call-1', transferredTo: '' }] },
    })
    await main.stop()
    running.pop()

    const again = await start()
    expect(
      await again.dispatch('history:query', { search: '+46 (8) 1234567', filter: 'missed' }),
    ).toMatchObject({
      ok: true,
      value: { total: 1, missedUnseen: 1 },
    })
    expect(await again.dispatch('history:mark-seen', {})).toEqual({ ok: true, value: true })
    expect(await again.dispatch('history:query', {})).toMatchObject({ ok: true, value: { missedUnseen: 0 } })
    const csv = await again.dispatch('history:export-csv', {})
    expect(csv).toMatchObject({ ok: true, value: expect.stringContaining("'+46 8 123 45 67") })
  })

  it("keeps a call's quality average, and refuses one outside the MOS scale", async () => {
    const main = await start()
    const answered = { ...missedCall, id: 'call-q', outcome: 'answered', talkMs: 60_000, mos: 4.31 }
    expect(await main.dispatch('history:record', answered)).toMatchObject({ ok: true })
    expect(await main.dispatch('history:record', { ...answered, id: 'call-bad', mos: 9 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    })
    await main.stop()
    running.pop()
    const again = await start()
    expect(await again.dispatch('history:query', {})).toMatchObject({
      ok: true,
      value: { total: 1, entries: [{ id: 'call-q', mos: 4.31 }] },
    })
  })

  it('refuses a malformed entry with a readable message and stores nothing', async () => {
    const main = await start()
    const result = await main.dispatch('history:record', { ...missedCall, direction: 'sideways' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    expect(await main.dispatch('history:query', {})).toMatchObject({ ok: true, value: { total: 0 } })
  })
})

describe('contacts and phone status through the headless main', () => {
  it('imports a vCard file, lists it, and refuses a broken one whole with its line number', async () => {
    const main = await start()
    const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Åsa Östlund\r\nTEL;TYPE=CELL:070-123\r\nEND:VCARD\r\n'
    expect(await main.dispatch('contacts:import', { format: 'vcard', text })).toEqual({
      ok: true,
      value: { imported: 1, skipped: 0 },
    })
    const broken = await main.dispatch('contacts:import', { format: 'csv', text: 'Name,Phone\n"Bo,1\n' })
    expect(broken).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message: message('import.at-line', { line: 2, reason: message('import.quote-not-closed') }),
      },
    })
    const listed = await main.dispatch('contacts:list', {})
    expect(listed).toMatchObject({
      ok: true,
      value: [{ name: 'Åsa Östlund', numbers: [{ kind: 'mobile', value: '070-123' }] }],
    })
  })

  it('takes a message-waiting summary and refuses a malformed one (validated in main)', async () => {
    const main = await start()
    expect(await main.dispatch('voicemail:waiting', { waiting: true, newCount: 2, oldCount: 5 })).toEqual({
      ok: true,
      value: true,
    })
    for (const bad of [
      { waiting: 'yes', newCount: 2, oldCount: 5 },
      { waiting: true, newCount: -1, oldCount: 0 },
      { waiting: true, newCount: 1.5, oldCount: 0 },
      { waiting: true, newCount: 100_000, oldCount: 0 },
      { waiting: true },
    ])
      expect(await main.dispatch('voicemail:waiting', bad as never)).toMatchObject({ ok: false })
  })

  it('accepts phone status, and answers an incoming notice with false when nothing can notify', async () => {
    const main = await start()
    expect(
      await main.dispatch('phone:status', { registration: 'registered', calls: 1, ringing: true }),
    ).toEqual({ ok: true, value: true })
    expect(
      await main.dispatch('phone:incoming-notice', { callId: 'c1', remoteName: 'Åsa', remoteNumber: '100' }),
    ).toEqual({
      ok: true,
      value: false,
    })
  })
})
