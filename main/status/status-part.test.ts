import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PresenceStatus } from '../../contract/presence/status'
import type { ScheduleEntry } from '../../contract/presence/schemas'
import { invokeSchemas } from '../../contract/ipc'
import { MemoryLogger } from '../log/logger'
import { noPolicy, validatePolicy, type AdminPolicy } from '../policy/admin-policy'
import { statusFileName, statusPart } from './status-part'

const lunch: ScheduleEntry = {
  id: 'l',
  status: PresenceStatus.Lunch,
  days: [1, 2, 3, 4, 5],
  start: '12:00',
  end: '13:00',
}
const context = { sender: { frameUrl: 'app://parley', isMainFrame: true } }

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parley-status-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function started(policy: AdminPolicy = noPolicy()) {
  const part = statusPart({ dataDir: dir, logger: new MemoryLogger(), policy })
  await part.start?.()
  const handlers = part.handlers as Required<typeof part.handlers>
  return {
    part,
    get: () => handlers['status:get'](undefined, context),
    save: (request: unknown) => handlers['status:save'](invokeSchemas['status:save'].parse(request), context),
  }
}

describe('status part', () => {
  it('keeps the status and the schedule across a restart, in a file only the user can read', async () => {
    const first = await started()
    const record = { manual: { value: { status: PresenceStatus.Busy, note: 'x' }, setAt: 5 } }
    await first.save({ record, schedule: [lunch] })
    await first.part.stop?.()
    const second = await started()
    expect(await second.get()).toEqual({ record, schedule: [lunch], hidden: [], scheduleLocked: false })
    if (process.platform !== 'win32') expect((await stat(join(dir, statusFileName))).mode & 0o777).toBe(0o600)
  })

  it('starts as Available from a damaged file and says so in the log', async () => {
    await writeFile(
      join(dir, statusFileName),
      '{"version":1,"record":{"manual":{"value":{"status":"on fire"}}}}',
    )
    const logger = new MemoryLogger()
    const part = statusPart({ dataDir: dir, logger, policy: noPolicy() })
    await part.start?.()
    expect(await part.handlers['status:get']?.(undefined, context)).toMatchObject({
      record: {},
      schedule: [],
    })
    expect(JSON.stringify(logger)).toContain('damaged')
  })

  it('refuses a status the admin hid, by hand or in a schedule, and stores nothing', async () => {
    const load = validatePolicy({ hiddenStatuses: ['out-of-office'] }, 'policy.json')
    const status = await started(load.policy)
    const ooo = { manual: { value: { status: PresenceStatus.OutOfOffice }, setAt: 1 } }
    await expect(status.save({ record: ooo })).rejects.toMatchObject({ code: 'forbidden' })
    await expect(
      status.save({ schedule: [{ ...lunch, status: PresenceStatus.OutOfOffice }] }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    })
    expect((await status.get()).hidden).toEqual([PresenceStatus.OutOfOffice])
    await expect(readFile(join(dir, statusFileName))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('gives the admin’s locked schedule and refuses changing it', async () => {
    const load = validatePolicy({ statusSchedule: [lunch], locked: ['statusSchedule'] }, 'policy.json')
    expect(load.status).toBe('applied')
    const status = await started(load.policy)
    expect(await status.get()).toMatchObject({ schedule: [lunch], scheduleLocked: true })
    await expect(status.save({ schedule: [] })).rejects.toMatchObject({ code: 'locked' })
  })

  it('starts from the admin’s preset schedule until the user saves their own', async () => {
    const status = await started(validatePolicy({ statusSchedule: [lunch] }, 'policy.json').policy)
    expect((await status.get()).schedule).toEqual([lunch])
    expect((await status.save({ schedule: [] })).schedule).toEqual([])
  })

  it('rejects a policy with an unknown status or a malformed slot, and malformed requests', () => {
    expect(validatePolicy({ hiddenStatuses: ['asleep'] }, 'p').status).toBe('rejected')
    expect(validatePolicy({ hiddenStatuses: ['available'] }, 'p').status).toBe('rejected')
    expect(validatePolicy({ statusSchedule: [{ ...lunch, start: '25:00' }] }, 'p').status).toBe('rejected')
    const request = invokeSchemas['status:save']
    expect(request.safeParse({ schedule: [{ ...lunch, end: '12:00' }] }).success).toBe(false)
    expect(request.safeParse({ schedule: [{ ...lunch, status: 'available' }] }).success).toBe(false)
    expect(request.safeParse({ schedule: [{ ...lunch, days: [7] }] }).success).toBe(false)
    expect(request.safeParse({ other: 1 }).success).toBe(false)
  })

  it('keeps the PBX publication (entity tag, expiry) across a restart beside the status; null forgets it', async () => {
    const first = await started()
    const record = { manual: { value: { status: PresenceStatus.Lunch }, setAt: 5 } }
    await first.save({ record })
    const publication = { aor: '7301@parley.test', etag: 'a.1732.99.1.0', expiresAt: 1_800_000 }
    expect((await first.save({ publication })).publication).toEqual(publication)
    await first.part.stop?.()
    const second = await started()
    expect(await second.get()).toMatchObject({ record, publication })
    if (process.platform !== 'win32') expect((await stat(join(dir, statusFileName))).mode & 0o777).toBe(0o600)
    expect((await second.save({ publication: null })).publication).toBeUndefined()
    await second.part.stop?.()
    expect(await (await started()).get()).toEqual({ record, schedule: [], hidden: [], scheduleLocked: false })
  })

  it('drops a damaged remembered publication on read (logged), keeping the status', async () => {
    const record = { manual: { value: { status: PresenceStatus.Meeting }, setAt: 5 } }
    const bad = { aor: 'x@y', etag: 'a\r\nVia: evil', expiresAt: 1 }
    await writeFile(join(dir, statusFileName), JSON.stringify({ version: 1, record, publication: bad }))
    const logger = new MemoryLogger()
    const part = statusPart({ dataDir: dir, logger, policy: noPolicy() })
    await part.start?.()
    const snapshot = await part.handlers['status:get']?.(undefined, context)
    expect(snapshot).toMatchObject({ record })
    expect(snapshot).not.toHaveProperty('publication')
    expect(JSON.stringify(logger)).toContain('publication is damaged')
  })

  it('refuses a publication whose tag is not a token or whose expiry is not a time', () => {
    const request = invokeSchemas['status:save']
    const ok = { aor: '7301@parley.test', etag: 'e1', expiresAt: 5 }
    expect(request.safeParse({ publication: ok }).success).toBe(true)
    expect(request.safeParse({ publication: { ...ok, etag: 'a b' } }).success).toBe(false)
    expect(request.safeParse({ publication: { ...ok, etag: 'x'.repeat(129) } }).success).toBe(false)
    expect(request.safeParse({ publication: { ...ok, expiresAt: -1 } }).success).toBe(false)
    expect(request.safeParse({ publication: { ...ok, extra: 1 } }).success).toBe(false)
  })
})
