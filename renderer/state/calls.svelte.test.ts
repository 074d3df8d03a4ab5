import { message } from '../../contract/i18n'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Contact, HistoryEntry } from '../../contract/schemas'
import { CallPhase } from '../sip/types'
import { endedLingerMs, voicemailNumberOf } from './calls.svelte'
import { dndNote } from '../../contract/history-note'
import type { FakeApi } from '../testing/fake-api'
import { english } from '../testing/english'
import { createTestApp, testPreferences, type TestApp } from '../testing/test-app'

const started: TestApp[] = []
afterEach(() => started.splice(0).forEach((test) => test.stop()))

/**
 * The real app state (createTestApp, as boot.ts wires it) on a FakePhone: CallsState with the
 * contacts, transfer, quality, history and preferences it really asks. `said()` is what the
 * live region said since setup, `alerts()` what was alerted.
 */
async function setup(options: { contacts?: Contact[] } = {}) {
  const test = await createTestApp(options)
  started.push(test)
  const before = test.announcements().length
  return {
    test,
    phone: test.phone,
    api: test.api,
    calls: test.app.calls,
    said: () => test.announcements().slice(before),
    alerts: () => test.alerts(),
  }
}

/** Main says the preferences changed (the user's or admin's choice), as it does after a save. */
const preferencesChange = (api: FakeApi, change: Partial<typeof testPreferences>) =>
  api.emit('preferences-changed', { ...testPreferences, ...change })

/** A contact with one number, 1001. */
const asa: Contact = {
  id: 'asa',
  name: 'Åsa Östlund',
  company: '',
  favourite: false,
  numbers: [{ kind: 'work', value: '1001' }],
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const recordedEntries = (api: FakeApi) => api.sent('history:record') as HistoryEntry[]

describe('CallsState', () => {
  it('mirrors calls from phone events', async () => {
    const { phone, calls } = await setup()
    phone.addCall({ id: 'in-1', remoteName: 'Åsa', remoteNumber: '1001' })
    expect(calls.calls.map((call) => call.id)).toEqual(['in-1'])
    expect(calls.ringing.map((call) => call.id)).toEqual(['in-1'])
    phone.update('in-1', { phase: CallPhase.Active, answeredAt: 1_000_500 })
    expect(calls.active?.id).toBe('in-1')
  })

  // Only one call talks at a time is the phone's rule (renderer/sip, tested in phone.test.ts):
  // the state asks for the answer, resume or dial once and never holds the other call itself.
  it('answering, resuming or dialling asks the phone once and leaves holding the other call to it', async () => {
    const { phone, calls } = await setup()
    phone.addCall({ id: 'a', phase: CallPhase.Active, answeredAt: 1 })
    phone.addCall({ id: 'b' })
    phone.addCall({ id: 'c', phase: CallPhase.Held, answeredAt: 1 })
    await calls.answer('b')
    await calls.resume('c')
    await calls.dial('1003')
    expect(phone.commands.map((c) => `${c.name}:${String(c.args[0])}`)).toEqual([
      'answer:b',
      'resume:c',
      'dial:1003',
    ])
  })

  it('sends an incoming notice to main for a ringing incoming call only', async () => {
    const { phone, api } = await setup()
    phone.addCall({ id: 'in-1', remoteName: '<img src=x>', remoteNumber: '1001', via: 'Switchboard' })
    phone.addCall({ id: 'out-1', direction: 'outgoing', phase: CallPhase.Dialing })
    expect(api.sent('phone:incoming-notice')).toEqual([
      { callId: 'in-1', remoteName: '<img src=x>', remoteNumber: '1001', via: 'Switchboard' },
    ])
  })

  it('reports phone status to main when it changes', async () => {
    const { phone, api } = await setup()
    phone.emit('registration', { state: 'registered', since: 1 })
    phone.addCall({ id: 'a' })
    expect(api.sent('phone:status').at(-1)).toEqual({ registration: 'registered', calls: 1, ringing: true })
    phone.update('a', { phase: CallPhase.Active, answeredAt: 1 })
    expect(api.sent('phone:status').at(-1)).toEqual({ registration: 'registered', calls: 1, ringing: false })
  })

  it('records an answered call with ring and talk times', async () => {
    const { phone, api, test } = await setup()
    phone.addCall({ id: 'a', remoteName: 'Åsa', remoteNumber: '1001', via: '08-120', createdAt: 1000 })
    phone.update('a', { phase: CallPhase.Active, answeredAt: 4000 })
    phone.update('a', { phase: CallPhase.Ended, endedAt: 64_000, endReason: 'remote-hangup' })
    await flush()
    expect(recordedEntries(api)).toEqual([
      {
        id: 'a',
        direction: 'incoming',
        outcome: 'answered',
        remoteName: 'Åsa',
        remoteNumber: '1001',
        via: '08-120',
        transferredTo: '',
        startedAt: 1000,
        ringMs: 3000,
        talkMs: 60_000,
      },
    ])
    // Main's stored entry reaches the history view once.
    expect(test.app.history.entries.map((entry) => entry.id)).toEqual(['a'])
  })

  it("keeps the call's average quality in its history entry, and none when it was never measured", async () => {
    const { phone, api, test } = await setup()
    for (const id of ['measured', 'unmeasured']) {
      phone.addCall({ id, remoteNumber: '1001', createdAt: 1000 })
      phone.update(id, { phase: CallPhase.Active, answeredAt: 2000 })
    }
    // One reading of the call's RTP figures, as the quality state takes them every 2 s.
    phone.stats.set('measured', { packetsReceived: 100, packetsLost: 0, jitterS: 0.003, roundTripS: 0.02 })
    await test.app.quality.sample()
    const average = test.app.quality.averageOf('measured')
    expect(average).toBeGreaterThan(4)
    for (const id of ['measured', 'unmeasured'])
      phone.update(id, { phase: CallPhase.Ended, endedAt: 9000, endReason: 'remote-hangup' })
    await flush()
    const [measured, unmeasured] = recordedEntries(api)
    expect(measured).toMatchObject({ id: 'measured', mos: average })
    expect(unmeasured?.id).toBe('unmeasured')
    expect(unmeasured).not.toHaveProperty('mos')
  })

  it.each([
    ['incoming', 'cancelled', null, 'missed'],
    ['incoming', 'no-answer', null, 'missed'],
    ['incoming', 'remote-hangup', null, 'missed'],
    ['incoming', 'rejected', null, 'rejected'],
    ['incoming', 'local-hangup', null, 'rejected'],
    ['outgoing', 'busy', null, 'busy'],
    ['outgoing', 'failed', null, 'failed'],
    ['outgoing', 'cancelled', null, 'cancelled'],
    ['outgoing', 'local-hangup', null, 'cancelled'],
    ['outgoing', 'rejected', null, 'rejected'],
    ['outgoing', 'local-hangup', 2000, 'answered'],
    ['incoming', 'transferred', 2000, 'transferred'],
  ] as const)(
    '%s call ended by %s (answered at %s) is recorded as %s',
    async (direction, endReason, answeredAt, outcome) => {
      const { phone, api } = await setup()
      phone.addCall({
        id: 'x',
        direction,
        phase: direction === 'incoming' ? CallPhase.Ringing : CallPhase.Dialing,
        createdAt: 1000,
        answeredAt,
      })
      phone.update('x', { phase: CallPhase.Ended, endedAt: 5000, endReason })
      await flush()
      const [entry] = recordedEntries(api)
      expect(entry?.outcome).toBe(outcome)
      expect(entry?.ringMs).toBe((answeredAt ?? 5000) - 1000)
      expect(entry?.talkMs).toBe(answeredAt === null ? 0 : 5000 - answeredAt)
    },
  )

  it('records who a transferred call went to', async () => {
    const { phone, api, test } = await setup()
    phone.addCall({ id: 'in-t', phase: CallPhase.Active, answeredAt: 1000, createdAt: 500 })
    expect(await test.app.transfer.blind('in-t', '1002', 'Bo Berg')).toBe(true)
    phone.update('in-t', { phase: CallPhase.Ended, endedAt: 9000, endReason: 'transferred' })
    await flush()
    expect(recordedEntries(api)[0]).toMatchObject({ outcome: 'transferred', transferredTo: 'Bo Berg' })
  })

  it('records each ended call once and then removes it from the list', async () => {
    const { phone, api, calls } = await setup()
    vi.useFakeTimers()
    try {
      phone.addCall({ id: 'a' })
      const ended = phone.update('a', { phase: CallPhase.Ended, endReason: 'cancelled' })
      // The same end reported twice (e.g. a BYE crossing our CANCEL) is still one history entry.
      phone.emit('call-ended', ended)
      expect(calls.byId('a')?.phase).toBe(CallPhase.Ended)
      await vi.advanceTimersByTimeAsync(endedLingerMs)
      expect(recordedEntries(api)).toHaveLength(1)
      expect(calls.calls).toEqual([])
    } finally {
      vi.useRealTimers()
    }
  })

  it('an ended call leaves the call area within a second, said once in the live region, recorded once', async () => {
    const { phone, api, calls, said } = await setup()
    vi.useFakeTimers()
    try {
      expect(endedLingerMs).toBeLessThan(1000)
      phone.addCall({
        id: 'a',
        remoteName: 'Åsa',
        direction: 'outgoing',
        phase: CallPhase.Active,
        answeredAt: 10,
      })
      const before = said().length
      const ended = phone.update('a', { phase: CallPhase.Ended, endReason: 'remote-hangup' })
      phone.emit('call-ended', ended)
      expect(calls.byId('a')?.phase).toBe(CallPhase.Ended)
      expect(said().slice(before)).toEqual(['Call with Åsa ended'])
      await vi.advanceTimersByTimeAsync(endedLingerMs - 1)
      expect(calls.calls).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(1)
      expect(calls.calls).toEqual([])
      // A late repeat of the end brings nothing back and says nothing more.
      phone.emit('call-ended', ended)
      await vi.advanceTimersByTimeAsync(endedLingerMs)
      expect(calls.calls).toEqual([])
      expect(said().slice(before)).toHaveLength(1)
      expect(recordedEntries(api)).toHaveLength(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it.each([
    ['a missed call', { direction: 'incoming', endReason: 'cancelled' }, 'Missed call from Åsa'],
    ['a busy callee', { direction: 'outgoing', endReason: 'busy' }, 'Åsa is busy'],
    ['a declined incoming call', { direction: 'incoming', endReason: 'local-hangup' }, 'Call with Åsa ended'],
  ] as const)('says the end of %s', async (_, change, text) => {
    const { phone, said } = await setup()
    phone.addCall({ id: 'a', remoteName: 'Åsa', direction: change.direction })
    const before = said().length
    phone.update('a', { phase: CallPhase.Ended, endReason: change.endReason })
    await flush()
    expect(said().slice(before)).toEqual([text])
  })

  it('a transferred or replaced call is not said as ended: the transfer says what happened', async () => {
    const { phone, said } = await setup()
    phone.addCall({ id: 't', remoteName: 'Åsa', phase: CallPhase.Active, answeredAt: 1 })
    phone.addCall({ id: 'r', remoteName: 'Bo', phase: CallPhase.Active, answeredAt: 1 })
    const before = said().length
    phone.update('t', { phase: CallPhase.Ended, endReason: 'transferred' })
    phone.update('r', { phase: CallPhase.Ended, endReason: 'replaced' })
    await flush()
    expect(said().slice(before)).toEqual([])
  })

  it('tells the person when the history could not be saved', async () => {
    const { phone, api, alerts } = await setup()
    api.handle('history:record', () => ({
      ok: false,
      error: { code: 'storage', message: message('reason.history-not-saved') },
    }))
    phone.addCall({ id: 'a', remoteName: 'Åsa' })
    phone.update('a', { phase: CallPhase.Ended, endReason: 'cancelled' })
    await flush()
    expect(alerts()).toContainEqual(expect.stringContaining('the disk may be full'))
  })

  it('a dial-request only fills the dial field and never dials', async () => {
    const { api, phone, calls, test } = await setup()
    api.emit('dial-request', { target: '+46 8 120 100 64' })
    expect(calls.dialText).toBe('+46 8 120 100 64')
    expect(test.app.ui.focusRequest?.target).toBe('dial')
    expect(phone.commandNames()).not.toContain('dial')
  })

  it('dials the parsed target and refuses garbage without dialling', async () => {
    const { phone, calls } = await setup()
    calls.setDialText('08-ABC')
    expect(await calls.dial()).toBeNull()
    expect(english(calls.dialError)).toMatch(/letters/)
    expect(phone.commandNames()).toEqual([])
    calls.setDialText('(08) 120 100 64')
    expect(await calls.dial()).toBe('out-1')
    expect(phone.commands).toEqual([{ name: 'dial', args: ['0812010064'] }])
    expect(calls.dialText).toBe('')
  })

  it('a call dialled with a known name keeps it on the card and in the history when the far end sends none', async () => {
    const { phone, api, calls } = await setup()
    const id = await calls.dial('4103', 'Carol Dahl')
    expect(id).toBe('out-1')
    expect(calls.byId('out-1')?.remoteName).toBe('Carol Dahl')
    phone.update('out-1', { phase: CallPhase.Active, answeredAt: 1_000_100, remoteName: '4103' })
    expect(calls.byId('out-1')?.remoteName).toBe('Carol Dahl')
    phone.update('out-1', { phase: CallPhase.Ended, endedAt: 1_000_900, endReason: 'local-hangup' })
    await flush()
    expect(recordedEntries(api)[0]).toMatchObject({ remoteName: 'Carol Dahl', remoteNumber: '4103' })
  })

  it('a nameless call takes the contact name for its number; a name the far end sends wins', async () => {
    const { phone, api, calls } = await setup({ contacts: [asa] })
    phone.addCall({ id: 'in-1', remoteNumber: '1001' })
    phone.addCall({ id: 'in-2', remoteNumber: '1001', remoteName: 'Reception' })
    phone.addCall({ id: 'in-3', remoteNumber: '2002' })
    expect(calls.calls.map((call) => call.remoteName)).toEqual(['Åsa Östlund', 'Reception', ''])
    expect(api.sent('phone:incoming-notice')[0]).toMatchObject({ remoteName: 'Åsa Östlund' })
  })

  it('a ringing call and its end look the caller up in the address book once each, found or not', async () => {
    const { test, phone, calls } = await setup({ contacts: [asa] })
    // each lookup scans the whole book (10,000 contacts: ~0.4 ms) on the way to the ringing card
    const lookups = vi.spyOn(test.app.contacts, 'nameForNumber')
    phone.addCall({ id: 'in-1', remoteNumber: '1001' })
    phone.addCall({ id: 'in-2', remoteNumber: '2002' })
    expect(calls.calls.map((call) => call.remoteName)).toEqual(['Åsa Östlund', ''])
    expect(lookups.mock.calls).toEqual([['1001'], ['2002']])
    phone.update('in-2', { phase: CallPhase.Ended, endedAt: 1_000_900, endReason: 'remote-hangup' })
    expect(lookups.mock.calls).toEqual([['1001'], ['2002'], ['2002']])
  })

  it('dialling during a call shows the call the phone put on hold', async () => {
    const { phone, calls } = await setup()
    phone.addCall({ id: 'a', phase: CallPhase.Active, answeredAt: 1 })
    await calls.dial('555')
    expect(phone.commandNames()).toEqual(['dial'])
    expect(calls.byId('a')?.phase).toBe(CallPhase.Held)
  })

  it('answers and rejects from notification actions', async () => {
    const { api, phone } = await setup()
    phone.addCall({ id: 'a' })
    phone.addCall({ id: 'b' })
    api.emit('notification-action', { callId: 'a', action: 'answer' })
    api.emit('notification-action', { callId: 'b', action: 'reject' })
    await flush()
    expect(phone.commands).toHaveLength(2)
    expect(phone.commands).toEqual(
      expect.arrayContaining([
        { name: 'answer', args: ['a'] },
        { name: 'reject', args: ['b'] },
      ]),
    )
  })

  it('dialpad keys send DTMF to the active call, or type into the dial field', async () => {
    const { phone, calls } = await setup()
    calls.pressKey('5')
    calls.pressKey('#')
    expect(calls.dialText).toBe('5#')
    phone.addCall({ id: 'a', phase: CallPhase.Active, answeredAt: 1 })
    calls.pressKey('7')
    expect(phone.commands).toEqual([{ name: 'sendDtmf', args: ['a', '7', 'auto'] }])
    expect(calls.dialText).toBe('5#')
  })

  it("sends keypad tones the way the user's (or admin's) setting says", async () => {
    const { phone, api, calls } = await setup()
    preferencesChange(api, { dtmfMethod: 'info' })
    phone.addCall({ id: 'a', phase: CallPhase.Active, answeredAt: 1 })
    calls.pressKey('1')
    preferencesChange(api, { dtmfMethod: 'rfc4733' })
    calls.pressKey('2')
    expect(phone.commands).toEqual([
      { name: 'sendDtmf', args: ['a', '1', 'info'] },
      { name: 'sendDtmf', args: ['a', '2', 'rfc4733'] },
    ])
  })

  it('toggles mute and hold', async () => {
    const { phone, calls } = await setup()
    phone.addCall({ id: 'a', phase: CallPhase.Active, answeredAt: 1 })
    calls.toggleMute('a')
    expect(calls.byId('a')?.muted).toBe(true)
    calls.toggleMute('a')
    expect(calls.byId('a')?.muted).toBe(false)
    await calls.toggleHold('a')
    expect(calls.byId('a')?.phase).toBe(CallPhase.Held)
    await calls.toggleHold('a')
    expect(calls.byId('a')?.phase).toBe(CallPhase.Active)
  })

  it('stops listening when stopped', async () => {
    const { phone, test } = await setup()
    expect(phone.listenerCount()).toBeGreaterThan(0)
    started.splice(started.indexOf(test), 1)
    test.stop()
    expect(phone.listenerCount()).toBe(0)
  })

  it('turns incoming calls away as busy while do not disturb is on, recorded as missed with a note', async () => {
    const { phone, api, calls, said } = await setup()
    preferencesChange(api, { doNotDisturb: true })
    const before = said().length
    phone.addCall({ id: 'in-dnd', remoteName: 'Åsa', remoteNumber: '1001' })
    expect(phone.commands).toEqual([{ name: 'reject', args: ['in-dnd', 'busy'] }])
    expect(calls.calls).toEqual([])
    expect(api.sent('phone:incoming-notice')).toEqual([])
    expect(said().slice(before)).toEqual([])
    phone.update('in-dnd', { phase: CallPhase.Ended, endReason: 'rejected', endedAt: 1_000_100 })
    await flush()
    expect(calls.calls).toEqual([])
    expect(recordedEntries(api)).toEqual([
      expect.objectContaining({ id: 'in-dnd', outcome: 'missed', note: dndNote, remoteName: 'Åsa' }),
    ])

    preferencesChange(api, { doNotDisturb: false })
    phone.addCall({ id: 'in-2', remoteNumber: '1002' })
    expect(calls.ringing.map((call) => call.id)).toEqual(['in-2'])
    phone.update('in-2', { phase: CallPhase.Ended, endReason: 'cancelled' })
    await flush()
    expect(recordedEntries(api)[1]).toMatchObject({ id: 'in-2', outcome: 'missed' })
    expect(recordedEntries(api)[1]?.note).toBeUndefined()
  })

  it('do not disturb leaves outgoing calls alone', async () => {
    const { phone, api, calls } = await setup()
    preferencesChange(api, { doNotDisturb: true })
    await calls.dial('1003')
    expect(phone.commandNames()).toEqual(['dial'])
    expect(calls.calls.map((call) => call.remoteNumber)).toEqual(['1003'])
  })

  it('voicemail dials the account number, 555 when none is set', async () => {
    expect(voicemailNumberOf(null)).toBe('555')
    expect(voicemailNumberOf({ voicemailNumber: ' ' })).toBe('555')
    expect(voicemailNumberOf({ voicemailNumber: '*97' })).toBe('*97')
    const { phone, calls } = await setup()
    await calls.dial(voicemailNumberOf({ voicemailNumber: '8000' }))
    await calls.dial(voicemailNumberOf(undefined))
    expect(phone.commands.map((command) => command.args)).toEqual([['8000'], ['555']])
  })
})
