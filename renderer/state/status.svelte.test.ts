import { message } from '../../contract/i18n'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parsePidf } from '../../contract/presence/pidf'
import { PresenceStatus } from '../../contract/presence/status'
import type { ScheduleEntry, StatusRecord, StatusSnapshot } from '../../contract/presence/schemas'
import type { Say } from './ui.svelte'
import { FakeApi } from '../testing/fake-api'
import { FakeClock } from '../testing/fake-clock'
import { FakePhone } from '../testing/fake-phone'
import { StatusState } from './status.svelte'
import { StatusPhase } from './status-machine'

const zoneBefore = process.env.TZ
beforeEach(() => {
  process.env.TZ = 'Europe/Stockholm'
})
afterEach(() => {
  process.env.TZ = zoneBefore
})

const everyDay = [0, 1, 2, 3, 4, 5, 6]

/** A main process that keeps what it is sent, with the admin rules the test gives. */
function fakeMain(snapshot: Partial<StatusSnapshot> = {}) {
  let state: StatusSnapshot = { record: {}, schedule: [], hidden: [], scheduleLocked: false, ...snapshot }
  const api = new FakeApi()
    .handle('status:get', () => state)
    .handle('status:save', (request) => {
      const change = request as { record?: StatusRecord; schedule?: ScheduleEntry[] }
      if (change.record?.manual && state.hidden.includes(change.record.manual.value.status))
        return {
          ok: false,
          error: {
            code: 'forbidden',
            message: message('reason.status-not-allowed', { status: message('status.lunch') }),
          },
        }
      state = { ...state, ...change }
      return state
    })
  return { api, current: () => state }
}

class FakeDnd {
  enabled = false
  async setEnabled(on: boolean) {
    this.enabled = on
    return true
  }
}

async function setup(
  snapshot: Partial<StatusSnapshot> = {},
  startAt = new Date(2026, 10, 30, 11, 59).getTime(),
) {
  const main = fakeMain(snapshot)
  const phone = new FakePhone()
  const clock = new FakeClock()
  await clock.advance(startAt - clock.now())
  const dnd = new FakeDnd()
  const said: Say[] = []
  const status = new StatusState({
    api: main.api,
    phone,
    clock,
    sipAddress: () => '4701@127.0.0.1',
    dnd,
    notifier: { announce: (m) => said.push(m), alert: (m) => said.push(m) },
    log: { write: () => undefined, failed: () => () => undefined },
  })
  const stop = status.start()
  await clock.advance(0)
  phone.emit('registration', { state: 'registered', since: clock.now() })
  const published = () =>
    phone.commands
      .filter((c) => c.name === 'publish')
      .map((c) => (c.args[2] === undefined ? undefined : parsePidf(c.args[2] as string)))
  return { status, phone, clock, dnd, main, said, stop, published }
}

describe('StatusState', () => {
  it('publishes Available on registration, then each status set by hand with its until and note', async () => {
    const { status, published } = await setup()
    const until = new Date(2026, 10, 30, 13, 0).toISOString()
    await status.set(PresenceStatus.Lunch, { until, note: 'Kantinen' })
    expect(published()).toEqual([
      { status: PresenceStatus.Available, open: true },
      { status: PresenceStatus.Lunch, until, note: 'Kantinen', open: true },
    ])
    expect(status.phase).toBe(StatusPhase.Manual)
  })

  it('ends a status at its until by itself, and publishes nothing twice', async () => {
    const { status, clock, published } = await setup()
    await status.set(PresenceStatus.Meeting, { until: new Date(2026, 10, 30, 12, 30).toISOString() })
    await clock.advance(30 * 60_000)
    expect(published().map((p) => p?.status)).toEqual(['available', 'meeting'])
    await clock.advance(60_000)
    expect(published().map((p) => p?.status)).toEqual(['available', 'meeting', 'available'])
    expect(status.phase).toBe(StatusPhase.None)
  })

  it('runs a schedule: lunch at 12:00 and Available again at 13:00, without anyone touching it', async () => {
    const lunch: ScheduleEntry = {
      id: 'l',
      status: PresenceStatus.Lunch,
      days: everyDay,
      start: '12:00',
      end: '13:00',
    }
    const { clock, published, status } = await setup({ schedule: [lunch] })
    await clock.advance(60_000)
    expect(status.phase).toBe(StatusPhase.Scheduled)
    await clock.advance(60 * 60_000)
    expect(published().map((p) => p?.status)).toEqual(['available', 'lunch', 'available'])
    expect(published()[1]?.until).toBe(new Date(2026, 10, 30, 13).toISOString())
  })

  it('clears on wake a status whose until passed while asleep (timers did not run)', async () => {
    const { status, clock, main, published } = await setup()
    await status.set(PresenceStatus.Away, { until: new Date(2026, 10, 30, 12, 10).toISOString() })
    // asleep: the clock jumps without running timers, then main says "resume"
    clock.jump(3 * 3600_000)
    main.api.emit('power', { kind: 'resume', at: clock.now() })
    expect(published().at(-1)?.status).toBe(PresenceStatus.Available)
  })

  it('clearing during a slot keeps it cleared until its next day', async () => {
    const lunch: ScheduleEntry = {
      id: 'l',
      status: PresenceStatus.Lunch,
      days: everyDay,
      start: '12:00',
      end: '13:00',
    }
    const { status, clock, main } = await setup({ schedule: [lunch] })
    await clock.advance(5 * 60_000)
    await status.clear()
    expect(status.current.status).toBe(PresenceStatus.Available)
    expect(main.current().record.dismissed).toEqual({
      entryId: 'l',
      start: new Date(2026, 10, 30, 12).getTime(),
    })
    await clock.advance(10 * 60_000)
    expect(status.current.status).toBe(PresenceStatus.Available)
  })

  it('drives Do not disturb (the one rule that turns callers away) and follows it when switched off elsewhere', async () => {
    const { status, dnd, main, published } = await setup()
    await status.set(PresenceStatus.DoNotDisturb, { note: 'Fokus' })
    expect(dnd.enabled).toBe(true)
    expect(published().at(-1)).toMatchObject({ status: PresenceStatus.DoNotDisturb, note: 'Fokus' })
    // switched off from the tray: the status ends too
    dnd.enabled = false
    main.api.emit('preferences-changed', {} as never)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(status.current.status).toBe(PresenceStatus.Available)
    expect(main.current().record.manual).toBeUndefined()
    await status.set(PresenceStatus.Busy)
    expect(dnd.enabled).toBe(false)
    // switched on elsewhere: shown and published as Do not disturb
    dnd.enabled = true
    main.api.emit('preferences-changed', {} as never)
    expect(published().at(-1)?.status).toBe(PresenceStatus.DoNotDisturb)
  })

  it('offers no hidden status and says why a refused one did not change', async () => {
    const { status, said } = await setup({ hidden: [PresenceStatus.OutOfOffice] })
    expect(status.offered).not.toContain(PresenceStatus.OutOfOffice)
    expect(await status.set(PresenceStatus.OutOfOffice)).toBe(false)
    expect(JSON.stringify(said.at(-1))).toContain('reason.status-not-allowed')
    expect(status.current.status).toBe(PresenceStatus.Available)
  })

  it('after sign-out (the adapter withdraws), publishes again after the next registration', async () => {
    const { status, phone } = await setup()
    const before = phone.commands.length
    status.signedOut()
    expect(phone.commands.length).toBe(before)
    expect(status.phase).toBe(StatusPhase.Off)
    phone.emit('registration', { state: 'registered', since: 1 })
    expect(phone.commands.at(-1)?.args[2]).toContain('<basic>open</basic>')
  })
})
