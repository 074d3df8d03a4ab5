import { describe, expect, it } from 'vitest'
import { PresenceStatus } from '../../contract/presence/status'
import type { DialogEntry } from './dialog-info'
import { LampKind, lampOf, type LampInputs } from './lamp'

const dialog = (state: DialogEntry['state'], direction: DialogEntry['direction']): DialogEntry => ({
  id: `${state}-${direction}`,
  state,
  direction,
  callId: 'c',
  localTag: 'l',
  remoteTag: 'r',
  remoteIdentity: '',
  remoteDisplay: '',
  remoteTarget: '',
  localIdentity: '',
})
const inputs = (change: Partial<LampInputs>): LampInputs => ({
  presence: null,
  presenceState: 'active',
  dialogs: [],
  dialogState: 'active',
  ...change,
})
const lunch = {
  status: PresenceStatus.Lunch,
  until: '2026-11-30T12:00:00.000Z',
  note: 'back soon',
  open: true,
}

describe('lampOf', () => {
  it('is Unknown until a subscription is active, Available once one is', () => {
    expect(lampOf(inputs({ presenceState: 'pending', dialogState: 'pending' })).kind).toBe(LampKind.Unknown)
    expect(lampOf(inputs({ presenceState: 'failed', dialogState: 'failed' })).kind).toBe(LampKind.Unknown)
    expect(lampOf(inputs({ presenceState: 'failed' })).kind).toBe(LampKind.Available)
    expect(lampOf(inputs({})).kind).toBe(LampKind.Available)
  })

  it('a call ringing at them is Ringing and carries the dialog to pick up', () => {
    const early = dialog('early', 'recipient')
    const lamp = lampOf(inputs({ dialogs: [early] }))
    expect(lamp.kind).toBe(LampKind.Ringing)
    expect(lamp.ringing).toBe(early)
    expect(lampOf(inputs({ dialogs: [dialog('proceeding', null)] })).kind).toBe(LampKind.Ringing)
  })

  it('a call they answered or are placing is InCall, and outranks a ringing one', () => {
    expect(lampOf(inputs({ dialogs: [dialog('confirmed', 'recipient')] })).kind).toBe(LampKind.InCall)
    expect(lampOf(inputs({ dialogs: [dialog('early', 'initiator')] })).kind).toBe(LampKind.InCall)
    const both = lampOf(inputs({ dialogs: [dialog('early', 'recipient'), dialog('confirmed', 'initiator')] }))
    expect(both.kind).toBe(LampKind.InCall)
    expect(both.ringing).toBeUndefined()
  })

  it('a status other than Available shows with its until and note; a call outranks it but keeps it', () => {
    expect(lampOf(inputs({ presence: lunch }))).toEqual({
      kind: LampKind.Status,
      status: PresenceStatus.Lunch,
      until: lunch.until,
      note: 'back soon',
    })
    const busy = lampOf(inputs({ presence: lunch, dialogs: [dialog('confirmed', 'recipient')] }))
    expect([busy.kind, busy.status, busy.note]).toEqual([LampKind.InCall, PresenceStatus.Lunch, 'back soon'])
  })

  it('no device online is Offline; Available keeps its note', () => {
    expect(lampOf(inputs({ presence: { ...lunch, open: false } })).kind).toBe(LampKind.Offline)
    const available = lampOf(
      inputs({ presence: { status: PresenceStatus.Available, note: 'desk 4', open: true } }),
    )
    expect([available.kind, available.note]).toEqual([LampKind.Available, 'desk 4'])
  })

  it('forgets what a subscription said once it is no longer active', () => {
    const lamp = lampOf(
      inputs({
        presence: lunch,
        presenceState: 'terminated',
        dialogs: [dialog('confirmed', null)],
        dialogState: 'failed',
      }),
    )
    expect(lamp.kind).toBe(LampKind.Unknown)
  })
})
