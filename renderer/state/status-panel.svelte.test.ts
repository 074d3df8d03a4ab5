import { describe, expect, it } from 'vitest'
import { message } from '../../contract/i18n'
import { PresenceStatus } from '../../contract/presence/status'
import { StatusPanelState, type StatusSetter } from './status-panel.svelte'

function setup(answer = true) {
  const calls: unknown[][] = []
  const status: StatusSetter = {
    set: (...args) => (calls.push(['set', ...args]), Promise.resolve(answer)),
    clear: () => (calls.push(['clear']), Promise.resolve(answer)),
  }
  // 2026-11-30 10:00 local time
  const now = new Date(2026, 10, 30, 10, 0).getTime()
  return { calls, panel: new StatusPanelState(status, () => now) }
}

describe('StatusPanelState', () => {
  it('opens clean each time: a note or an until never carries over unseen', () => {
    const { panel } = setup()
    panel.toggle()
    panel.note = 'at the dentist'
    panel.untilKind = 'time'
    panel.untilTime = '13:00'
    panel.toggle()
    expect(panel.open).toBe(false)
    panel.toggle()
    expect([panel.open, panel.note, panel.untilKind, panel.untilTime]).toEqual([true, '', 'none', ''])
  })

  it('a choice is set with the until and note typed, and closes the panel', async () => {
    const { panel, calls } = setup()
    panel.toggle()
    panel.untilKind = 'time'
    panel.untilTime = '13:00'
    panel.note = 'lunch with Erik'
    expect(await panel.choose(PresenceStatus.Lunch)).toBe(true)
    expect(calls).toEqual([
      [
        'set',
        PresenceStatus.Lunch,
        { until: new Date(2026, 10, 30, 13, 0).toISOString(), note: 'lunch with Erik' },
      ],
    ])
    expect(panel.open).toBe(false)
  })

  it('an until that is not a time is refused in words, and the panel stays with what was typed', async () => {
    const { panel, calls } = setup()
    panel.toggle()
    panel.untilKind = 'date'
    panel.untilDate = '2020-01-01'
    panel.note = 'kept'
    expect(await panel.choose(PresenceStatus.Away)).toBe(false)
    expect(calls).toEqual([])
    expect(panel.problem).toEqual(message('status.invalid-until'))
    expect([panel.open, panel.note]).toEqual([true, 'kept'])
  })

  it('a refused change keeps the panel open; clear closes it when done', async () => {
    const refused = setup(false)
    refused.panel.toggle()
    expect(await refused.panel.choose(PresenceStatus.Busy)).toBe(false)
    expect(refused.panel.open).toBe(true)
    const { panel, calls } = setup()
    panel.toggle()
    expect(await panel.clear()).toBe(true)
    expect(calls).toEqual([['clear']])
    expect(panel.open).toBe(false)
  })

  it('the schedule dialog opens and closes on its own', () => {
    const { panel } = setup()
    panel.openSchedule()
    expect(panel.scheduleOpen).toBe(true)
    panel.closeSchedule()
    expect(panel.scheduleOpen).toBe(false)
  })
})
