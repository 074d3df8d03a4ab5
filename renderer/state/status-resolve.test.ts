import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PresenceStatus } from '../../contract/presence/status'
import type { ScheduleEntry, StatusRecord } from '../../contract/presence/schemas'
import { resolveStatus, StatusSource } from './status-resolve'
import { activeOccurrence, nextStart } from './status-schedule'

// Swedish time: daylight saving starts 2026-03-29 02:00 → 03:00 and ends 2026-10-25 03:00 → 02:00.
const zoneBefore = process.env.TZ
beforeAll(() => {
  process.env.TZ = 'Europe/Stockholm'
})
afterAll(() => {
  process.env.TZ = zoneBefore
})

/** Local wall-clock time in Stockholm as epoch ms. */
const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime()
const iso = (at: number) => new Date(at).toISOString()

const weekdays = [1, 2, 3, 4, 5]
const lunch: ScheduleEntry = {
  id: 'lunch',
  status: PresenceStatus.Lunch,
  days: weekdays,
  start: '12:00',
  end: '13:00',
  note: 'Kantinen',
}
const night: ScheduleEntry = {
  id: 'night',
  status: PresenceStatus.Away,
  days: [5],
  start: '22:00',
  end: '06:00',
}
// Monday 30 November 2026
const monday = (h: number, mi = 0) => local(2026, 11, 30, h, mi)

describe('schedule slots', () => {
  it('is in a weekday slot between its start and its end, and not on Saturday', () => {
    expect(activeOccurrence([lunch], monday(12, 30))?.end).toBe(monday(13))
    expect(activeOccurrence([lunch], monday(13))).toBeUndefined()
    expect(activeOccurrence([lunch], monday(11, 59))).toBeUndefined()
    expect(activeOccurrence([lunch], local(2026, 12, 5, 12, 30))).toBeUndefined()
  })

  it('runs a slot over midnight into the next day, belonging to the day it started', () => {
    // Friday 4 December 22:00 → Saturday 06:00
    expect(activeOccurrence([night], local(2026, 12, 5, 3))?.start).toBe(local(2026, 12, 4, 22))
    expect(activeOccurrence([night], local(2026, 12, 5, 6))).toBeUndefined()
    // Thursday night is not in it
    expect(activeOccurrence([night], local(2026, 12, 4, 3))).toBeUndefined()
    expect(nextStart([night], monday(9))).toBe(local(2026, 12, 4, 22))
  })

  it('keeps wall-clock times on the days daylight saving starts and ends', () => {
    const everyDay: ScheduleEntry = { ...lunch, days: [0, 1, 2, 3, 4, 5, 6] }
    const spring = activeOccurrence([everyDay], local(2026, 3, 29, 12, 30))
    expect(spring && new Date(spring.start).getHours()).toBe(12)
    expect(spring && spring.end - spring.start).toBe(3_600_000)
    // a night slot across the autumn change lasts one hour longer in real time
    const autumnNight: ScheduleEntry = { ...night, days: [6] }
    const autumn = activeOccurrence([autumnNight], local(2026, 10, 25, 1))
    expect(autumn && (autumn.end - autumn.start) / 3_600_000).toBe(9)
    expect(autumn && new Date(autumn.end).getHours()).toBe(6)
    // a start inside the spring gap (02:30 does not exist) happens at 03:30 on the clock
    const gap: ScheduleEntry = { ...lunch, days: [0], start: '02:30', end: '04:00' }
    expect(nextStart([gap], local(2026, 3, 29, 1))).toBe(local(2026, 3, 29, 3, 30))
  })
})

describe('resolveStatus', () => {
  const none: StatusRecord = {}

  it('sets the slot’s status, note and end as until inside the slot, and Available after', () => {
    expect(resolveStatus(none, [lunch], monday(12, 10))).toMatchObject({
      source: StatusSource.Scheduled,
      value: { status: PresenceStatus.Lunch, until: iso(monday(13)), note: 'Kantinen' },
      changesAt: monday(13),
    })
    expect(resolveStatus(none, [lunch], monday(13))).toMatchObject({
      source: StatusSource.None,
      value: { status: PresenceStatus.Available },
      changesAt: local(2026, 12, 1, 12),
    })
  })

  it('clears a status whose until passed while the computer slept (same answer on wake as if awake)', () => {
    const record: StatusRecord = {
      manual: { value: { status: PresenceStatus.Meeting, until: iso(monday(10)) }, setAt: monday(9) },
    }
    expect(resolveStatus(record, [], monday(9, 59)).value.status).toBe(PresenceStatus.Meeting)
    expect(resolveStatus(record, [], monday(15)).value).toEqual({ status: PresenceStatus.Available })
    // slept over the whole lunch slot: woke at 14:00, lunch is over too
    expect(resolveStatus(none, [lunch], monday(14)).value).toEqual({ status: PresenceStatus.Available })
  })

  it('restarted inside a slot: the slot’s status again, unless it was cleared by hand', () => {
    expect(resolveStatus(none, [lunch], monday(12, 45)).value.status).toBe(PresenceStatus.Lunch)
    const dismissed: StatusRecord = { dismissed: { entryId: 'lunch', start: monday(12) } }
    expect(resolveStatus(dismissed, [lunch], monday(12, 45)).value.status).toBe(PresenceStatus.Available)
    // the next day the slot applies again
    expect(resolveStatus(dismissed, [lunch], local(2026, 12, 1, 12, 5)).value.status).toBe(
      PresenceStatus.Lunch,
    )
  })

  it('a slot replaces an earlier status set by hand, which is back after the slot if it still lasts', () => {
    const record: StatusRecord = {
      manual: { value: { status: PresenceStatus.Busy, until: iso(monday(15)) }, setAt: monday(9) },
    }
    expect(resolveStatus(record, [lunch], monday(12, 30)).value.status).toBe(PresenceStatus.Lunch)
    expect(resolveStatus(record, [lunch], monday(13, 30)).value.status).toBe(PresenceStatus.Busy)
    expect(resolveStatus(record, [lunch], monday(15)).value.status).toBe(PresenceStatus.Available)
  })

  it('a status set by hand during the slot wins; Do not disturb and Out of office outlast a slot', () => {
    const during: StatusRecord = {
      manual: { value: { status: PresenceStatus.Meeting }, setAt: monday(12, 20) },
    }
    expect(resolveStatus(during, [lunch], monday(12, 30)).source).toBe(StatusSource.Manual)
    for (const status of [PresenceStatus.DoNotDisturb, PresenceStatus.OutOfOffice]) {
      const before: StatusRecord = { manual: { value: { status }, setAt: monday(9) } }
      expect(resolveStatus(before, [lunch], monday(12, 30)).value.status).toBe(status)
    }
  })

  it('with no schedule and nothing set, never needs to wake up', () => {
    expect(resolveStatus(none, [], monday(12))).toEqual({
      value: { status: PresenceStatus.Available },
      source: StatusSource.None,
    })
  })
})
