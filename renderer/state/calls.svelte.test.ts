import { describe, expect, it, vi } from 'vitest'
import type { HistoryEntry } from '../../contract/schemas'
import { CallPhase, type DtmfPreference } from '../sip/types'
import { CallsState, endedLingerMs, voicemailNumberOf } from './calls.svelte'
import { dndNote } from '../../contract/history-note'
import { FakeApi } from '../testing/fake-api'
import { FakePhone } from '../testing/fake-phone'
import { inEnglish } from '../testing/in-english'
import { english } from '../testing/english'

function setup(
  options: {
    doNotDisturb?: () => boolean
    nameForNumber?: (number: string) => string
    dtmfMethod?: () => DtmfPreference
    endedLingerMs?: number
    qualityOf?: (callId: string) => number | null
  } = {},
) {
  const phone = new FakePhone()
  const api = new FakeApi()
    .handle('history:record', (entry) => entry as HistoryEntry)
    .handle('phone:status', () => true)
    .handle('phone:incoming-notice', () => true)
  const notifier = { announce: vi.fn(), alert: vi.fn(), focus: vi.fn() }
  const recorded = vi.fn()
  let clock = 1_000_000
  const calls = new CallsState({
    phone,
    api,
    notifier: inEnglish(notifier),
    onHistoryRecorded: recorded,
    transferTargetOf: (id) => (id === 'in-t' ? 'Bo Berg' : ''),
    endedLingerMs: 0,
    now: () => clock,
    ...options,
  })
  const stop = calls.start()
  return { phone, api, notifier, recorded, calls, stop, setClock: (t: number) => (clock = t) }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const recordedEntries = (api: FakeApi) => api.sent('history:record') as HistoryEntry[]

describe('CallsState', () => {
  it('mirrors calls from phone events', () => {
    const { phone, calls } = setup()
    phone.addCall({ id: 'in-1', remoteName: 'Åsa', remoteNumber: '1001' })
    expect(calls.calls.map((call) => call.id)).toEqual(['in-1'])
    expect(calls.ringing.map((call) => call.id)).toEqual(['in-1'])
    phone.update('in-1', { phase: CallPhase.Active, answeredAt: 1_000_500 })
    expect(calls.active?.id).toBe('in-1')
  })

  // Only one call talks at a time is the phone's rule (renderer/sip, tested in phone.test.ts):
  // the state asks for the answer, resume or dial once and never holds the other call itself.
  it('answering, resuming or dialling asks the phone once and leaves holding the other call to it', async () => {
    const { phone, calls } = setup()
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

  it('sends an incoming notice to main for a ringing incoming call only', () => {
    const { phone, api } = setup()
    phone.addCall({ id: 'in-1', remoteName: '<img src=x>', remoteNumber: '1001', via: 'Switchboard' })
    phone.addCall({ id: 'out-1', direction: 'outgoing', phase: CallPhase.Dialing })
    expect(api.sent('phone:incoming-notice')).toEqual([
      { callId: 'in-1', remoteName: '<img src=x>', remoteNumber: '1001', via: 'Switchboard' },
    ])
  })

  it('reports phone status to main when it changes', () => {
    const { phone, api } = setup()
    phone.emit('registration', { state: 'registered', since: 1 })
    phone.addCall({ id: 'a' })
    expect(api.sent('phone:status').at(-1)).toEqual({ registration: 'registered', calls: 1, ringing: true })
    phone.update('a', { phase: CallPhase.Active, answeredAt: 1 })
    expect(api.sent('phone:status').at(-1)).toEqual({ registration: 'registered', calls: 1, ringing: false })
  })

  it('records an answered call with ring and talk times', async () => {
    const { phone, api, recorded } = setup()
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
    expect(recorded).toHaveBeenCalledTimes(1)
  })

  it("keeps the call's average quality in its history entry, and none when it was never measured", async () => {
    const { phone, api } = setup({ qualityOf: (id) => (id === 'measured' ? 4.12 : null) })
    for (const id of ['measured', 'unmeasured']) {
      phone.addCall({ id, remoteNumber: '1001', createdAt: 1000 })
      phone.update(id, { phase: CallPhase.Active, answeredAt: 2000 })
      phone.update(id, { phase: CallPhase.Ended, endedAt: 9000, endReason: 'remote-hangup' })
    }
    await flush()
    const [measured, unmeasured] = recordedEntries(api)
    expect(measured).toMatchObject({ id: 'measured', mos: 4.12 })
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
      const { phone, api } = setup()
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
    const { phone, api } = setup()
    phone.addCall({ id: 'in-t', phase: CallPhase.Active, answeredAt: 1000, createdAt: 500 })
    phone.update('in-t', { phase: CallPhase.Ended, endedAt: 9000, endReason: 'transferred' })
    await flush()
    expect(recordedEntries(api)[0]).toMatchObject({ outcome: 'transferred', transferredTo: 'Bo Berg' })
  })

  it('records each ended call once and then removes it from the list', async () => {
    const { phone, api, calls } = setup()
    phone.addCall({ id: 'a' })
    const ended = phone.update('a', { phase: CallPhase.Ended, endReason: 'cancelled' })
    // The same end reported twice (e.g. a BYE crossing our CANCEL) is still one history entry.
    phone.emit('call-ended', ended)
    expect(calls.byId('a')?.phase).toBe(CallPhase.Ended)
    await flush()
    expect(recordedEntries(api)).toHaveLength(1)
    expect(calls.calls).toEqual([])
  })

  it('an ended call leaves the call area within a second, said once in the live region, recorded once', async () => {
    vi.useFakeTimers()
    try {
      expect(endedLingerMs).toBeLessThan(1000)
      const { phone, api, calls, notifier } = setup({ endedLingerMs: undefined })
      phone.addCall({
        id: 'a',
        remoteName: 'Åsa',
        direction: 'outgoing',
        phase: CallPhase.Active,
        answeredAt: 10,
      })
      notifier.announce.mockClear()
      const ended = phone.update('a', { phase: CallPhase.Ended, endReason: 'remote-hangup' })
      phone.emit('call-ended', ended)
      expect(calls.byId('a')?.phase).toBe(CallPhase.Ended)
      expect(notifier.announce.mock.calls.map(([said]) => said)).toEqual(['Call with Åsa ended'])
      await vi.advanceTimersByTimeAsync(endedLingerMs - 1)
      expect(calls.calls).toHaveLength(1)
      await vi.advanceTimersByTimeAsync(1)
      expect(calls.calls).toEqual([])
      // A late repeat of the end brings nothing back and says nothing more.
      phone.emit('call-ended', ended)
      await vi.advanceTimersByTimeAsync(endedLingerMs)
      expect(calls.calls).toEqual([])
      expect(notifier.announce).toHaveBeenCalledTimes(1)
      expect(recordedEntries(api)).toHaveLength(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it.each([
    ['a missed call', { direction: 'incoming', endReason: 'cancelled' }, 'Missed call from Åsa'],
    ['a busy callee', { direction: 'outgoing', endReason: 'busy' }, 'Åsa is busy'],
    ['a declined incoming call', { direction: 'incoming', endReason: 'local-hangup' }, 'Call with Åsa ended'],
  ] as const)('says the end of %s', async (_, change, said) => {
    const { phone, notifier } = setup()
    phone.addCall({ id: 'a', remoteName: 'Åsa', direction: change.direction })
    notifier.announce.mockClear()
    phone.update('a', { phase: CallPhase.Ended, endReason: change.endReason })
    await flush()
    expect(notifier.announce.mock.calls.map(([text]) => text)).toEqual([said])
  })

  it('a transferred or replaced call is not said as ended: the transfer says what happened', async () => {
    const { phone, notifier } = setup()
    phone.addCall({ id: 't', remoteName: 'Åsa', phase: CallPhase.Active, answeredAt: 1 })
    phone.addCall({ id: 'r', remoteName: 'Bo', phase: CallPhase.Active, answeredAt: 1 })
    notifier.announce.mockClear()
    phone.update('t', { phase: CallPhase.Ended, endReason: 'transferred' })
    phone.update('r', { phase: CallPhase.Ended, endReason: 'replaced' })
    await flush()
    expect(notifier.announce).not.toHaveBeenCalled()
  })

  it('tells the person when the history could not be saved', async () => {
    const { phone, api, notifier } = setup()
    api.handle('history:record', () => ({ ok: false, error: { code: 'storage', message: 'disk full' } }))
    phone.addCall({ id: 'a', remoteName: 'Åsa' })
    phone.update('a', { phase: CallPhase.Ended, endReason: 'cancelled' })
    await flush()
    expect(notifier.alert).toHaveBeenCalledWith(expect.stringContaining('disk full'))
  })

  it('a dial-request only fills the dial field and never dials', () => {
    const { api, phone, calls, notifier } = setup()
    api.emit('dial-request', { target: '+46 8 120 100 64' })
    expect(calls.dialText).toBe('+46 8 120 100 64')
    expect(notifier.focus).toHaveBeenCalledWith('dial')
    expect(phone.commandNames()).not.toContain('dial')
  })

  it('dials the parsed target and refuses garbage without dialling', async () => {
    const { phone, calls } = setup()
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
    const { phone, api, calls } = setup()
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
    const { phone, api, calls } = setup({
      nameForNumber: (number) => (number === '1001' ? 'Åsa Östlund' : ''),
    })
    phone.addCall({ id: 'in-1', remoteNumber: '1001' })
    phone.addCall({ id: 'in-2', remoteNumber: '1001', remoteName: 'Reception' })
    phone.addCall({ id: 'in-3', remoteNumber: '2002' })
    expect(calls.calls.map((call) => call.remoteName)).toEqual(['Åsa Östlund', 'Reception', ''])
    expect(api.sent('phone:incoming-notice')[0]).toMatchObject({ remoteName: 'Åsa Östlund' })
  })

  it('dialling during a call shows the call the phone put on hold', async () => {
    const { phone, calls } = setup()
    phone.addCall({ id: 'a', phase: CallPhase.Active, answeredAt: 1 })
    await calls.dial('555')
    expect(phone.commandNames()).toEqual(['dial'])
    expect(calls.byId('a')?.phase).toBe(CallPhase.Held)
  })

  it('answers and rejects from notification actions', async () => {
    const { api, phone } = setup()
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

  it('dialpad keys send DTMF to the active call, or type into the dial field', () => {
    const { phone, calls } = setup()
    calls.pressKey('5')
    calls.pressKey('#')
    expect(calls.dialText).toBe('5#')
    phone.addCall({ id: 'a', phase: CallPhase.Active, answeredAt: 1 })
    calls.pressKey('7')
    expect(phone.commands).toEqual([{ name: 'sendDtmf', args: ['a', '7', 'auto'] }])
    expect(calls.dialText).toBe('5#')
  })

  it("sends keypad tones the way the user's (or admin's) setting says", () => {
    let method: DtmfPreference = 'info'
    const { phone, calls } = setup({ dtmfMethod: () => method })
    phone.addCall({ id: 'a', phase: CallPhase.Active, answeredAt: 1 })
    calls.pressKey('1')
    method = 'rfc4733'
    calls.pressKey('2')
    expect(phone.commands).toEqual([
      { name: 'sendDtmf', args: ['a', '1', 'info'] },
      { name: 'sendDtmf', args: ['a', '2', 'rfc4733'] },
    ])
  })

  it('toggles mute and hold', async () => {
    const { phone, calls } = setup()
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

  it('stops listening when stopped', () => {
    const { phone, stop } = setup()
    expect(phone.listenerCount()).toBeGreaterThan(0)
    stop()
    expect(phone.listenerCount()).toBe(0)
  })

  it('turns incoming calls away as busy while do not disturb is on, recorded as missed with a note', async () => {
    let dnd = true
    const { phone, api, calls, notifier } = setup({ doNotDisturb: () => dnd })
    phone.addCall({ id: 'in-dnd', remoteName: 'Åsa', remoteNumber: '1001' })
    expect(phone.commands).toEqual([{ name: 'reject', args: ['in-dnd', 'busy'] }])
    expect(calls.calls).toEqual([])
    expect(api.sent('phone:incoming-notice')).toEqual([])
    expect(notifier.announce).not.toHaveBeenCalled()
    phone.update('in-dnd', { phase: CallPhase.Ended, endReason: 'rejected', endedAt: 1_000_100 })
    await flush()
    expect(calls.calls).toEqual([])
    expect(recordedEntries(api)).toEqual([
      expect.objectContaining({ id: 'in-dnd', outcome: 'missed', note: dndNote, remoteName: 'Åsa' }),
    ])

    dnd = false
    phone.addCall({ id: 'in-2', remoteNumber: '1002' })
    expect(calls.ringing.map((call) => call.id)).toEqual(['in-2'])
    phone.update('in-2', { phase: CallPhase.Ended, endReason: 'cancelled' })
    await flush()
    expect(recordedEntries(api)[1]).toMatchObject({ id: 'in-2', outcome: 'missed' })
    expect(recordedEntries(api)[1]?.note).toBeUndefined()
  })

  it('do not disturb leaves outgoing calls alone', async () => {
    const { phone, calls } = setup({ doNotDisturb: () => true })
    await calls.dial('1003')
    expect(phone.commandNames()).toEqual(['dial'])
    expect(calls.calls.map((call) => call.remoteNumber)).toEqual(['1003'])
  })

  it('voicemail dials the account number, 555 when none is set', async () => {
    expect(voicemailNumberOf(null)).toBe('555')
    expect(voicemailNumberOf({ voicemailNumber: ' ' })).toBe('555')
    expect(voicemailNumberOf({ voicemailNumber: '*97' })).toBe('*97')
    const { phone, calls } = setup()
    await calls.dial(voicemailNumberOf({ voicemailNumber: '8000' }))
    await calls.dial(voicemailNumberOf(undefined))
    expect(phone.commands.map((command) => command.args)).toEqual([['8000'], ['555']])
  })
})
