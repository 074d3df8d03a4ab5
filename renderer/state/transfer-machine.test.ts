import { describe, expect, it } from 'vitest'
import {
  idleTransfer,
  transition,
  TransferStage,
  type TransferEvent,
  type TransferState,
} from './transfer-machine'

const choosing: TransferState = { stage: TransferStage.ChoosingTarget, callId: 'a' }
const blind: TransferState = {
  stage: TransferStage.BlindRequested,
  callId: 'a',
  target: '1002',
  label: 'Bo',
  progress: 'requested',
}
const consultingRinging: TransferState = {
  stage: TransferStage.Consulting,
  heldCallId: 'a',
  consultCallId: 'c',
  target: '1002',
  label: 'Bo',
  answered: false,
}
const consultingUnplaced: TransferState = { ...consultingRinging, consultCallId: null }
const consultingAnswered: TransferState = { ...consultingRinging, answered: true }
const completing: TransferState = {
  stage: TransferStage.Completing,
  heldCallId: 'a',
  consultCallId: 'c',
  target: '1002',
  label: 'Bo',
  progress: 'requested',
}
const done: TransferState = { stage: TransferStage.Done, callId: 'a', label: 'Bo' }
const failedState: TransferState = { stage: TransferStage.Failed, callId: 'a', label: 'Bo', message: 'busy' }

const next = (state: TransferState, event: TransferEvent) => transition(state, event)

describe('transfer machine: legal transitions', () => {
  it('Idle → ChoosingTarget on begin', () => {
    expect(next(idleTransfer, { type: 'begin', callId: 'a' })).toEqual(choosing)
  })
  it('Idle → BlindRequested on a drop (blind)', () => {
    expect(next(idleTransfer, { type: 'blind', callId: 'a', target: '1002', label: 'Bo' })).toEqual(blind)
  })
  it('Idle → Consulting when a contact is called during a call', () => {
    expect(next(idleTransfer, { type: 'consult', heldCallId: 'a', target: '1002', label: 'Bo' })).toEqual(
      consultingUnplaced,
    )
  })
  it('ChoosingTarget → BlindRequested / Consulting / Idle', () => {
    expect(next(choosing, { type: 'blind', callId: 'a', target: '1002', label: 'Bo' })).toEqual(blind)
    expect(next(choosing, { type: 'consult', heldCallId: 'a', target: '1002', label: 'Bo' })).toEqual(
      consultingUnplaced,
    )
    expect(next(choosing, { type: 'cancel' })).toEqual(idleTransfer)
    expect(next(choosing, { type: 'call-ended', callId: 'a', transferred: false })).toEqual(idleTransfer)
  })
  it('BlindRequested: progress, success, failure, call ended', () => {
    expect(next(blind, { type: 'progress', callId: 'a', progress: 'ringing' })).toMatchObject({
      stage: TransferStage.BlindRequested,
      progress: 'ringing',
    })
    expect(next(blind, { type: 'succeeded', callId: 'a' })).toEqual(done)
    expect(next(blind, { type: 'failed', callId: 'a', message: 'busy' })).toEqual(failedState)
    expect(next(blind, { type: 'call-ended', callId: 'a', transferred: true })).toEqual(done)
    expect(next(blind, { type: 'call-ended', callId: 'a', transferred: false })).toMatchObject({
      stage: TransferStage.Failed,
      callId: 'a',
    })
  })
  it('Consulting: placed, answered, complete, blind-instead, cancel', () => {
    expect(next(consultingUnplaced, { type: 'consultation-placed', consultCallId: 'c' })).toEqual(
      consultingRinging,
    )
    expect(next(consultingRinging, { type: 'consultation-answered', consultCallId: 'c' })).toEqual(
      consultingAnswered,
    )
    expect(next(consultingAnswered, { type: 'complete' })).toEqual(completing)
    expect(next(consultingRinging, { type: 'blind-instead' })).toEqual(blind)
    expect(next(consultingUnplaced, { type: 'blind-instead' })).toEqual(blind)
    expect(next(consultingRinging, { type: 'cancel' })).toEqual(idleTransfer)
    expect(next(consultingAnswered, { type: 'cancel' })).toEqual(idleTransfer)
  })
  it('Consulting → Failed when the target refuses or either party hangs up', () => {
    expect(next(consultingRinging, { type: 'call-ended', callId: 'c', transferred: false })).toMatchObject({
      stage: TransferStage.Failed,
      callId: 'a',
      message: { key: 'transfer.target-declined', params: { target: 'Bo' } },
    })
    expect(next(consultingAnswered, { type: 'call-ended', callId: 'c', transferred: false })).toMatchObject({
      stage: TransferStage.Failed,
      message: { key: 'transfer.target-hung-up', params: { target: 'Bo' } },
    })
    expect(next(consultingAnswered, { type: 'call-ended', callId: 'a', transferred: false })).toMatchObject({
      stage: TransferStage.Failed,
      message: { key: 'transfer.caller-hung-up' },
    })
    expect(next(consultingAnswered, { type: 'failed', callId: 'c', message: 'x' })).toMatchObject({
      stage: TransferStage.Failed,
      callId: 'a',
    })
  })
  it('Completing: progress, consultation leg ending, success, failure', () => {
    expect(next(completing, { type: 'progress', callId: 'a', progress: 'trying' })).toMatchObject({
      stage: TransferStage.Completing,
      progress: 'trying',
    })
    expect(next(completing, { type: 'call-ended', callId: 'c', transferred: false })).toEqual(completing)
    expect(next(completing, { type: 'succeeded', callId: 'a' })).toEqual(done)
    expect(next(completing, { type: 'call-ended', callId: 'a', transferred: true })).toEqual(done)
    expect(next(completing, { type: 'failed', callId: 'a', message: 'busy' })).toEqual(failedState)
  })
  it('Done and Failed return to Idle on dismiss, or start a new transfer', () => {
    expect(next(done, { type: 'dismiss' })).toEqual(idleTransfer)
    expect(next(failedState, { type: 'dismiss' })).toEqual(idleTransfer)
    expect(next(failedState, { type: 'begin', callId: 'b' })).toEqual({
      stage: TransferStage.ChoosingTarget,
      callId: 'b',
    })
    expect(next(done, { type: 'blind', callId: 'a', target: '1002', label: 'Bo' })).toEqual(blind)
  })
})

describe('transfer machine: illegal transitions are refused', () => {
  const cases: [string, TransferState, TransferEvent][] = [
    ['complete from Idle', idleTransfer, { type: 'complete' }],
    ['cancel from Idle', idleTransfer, { type: 'cancel' }],
    ['progress from Idle', idleTransfer, { type: 'progress', callId: 'a', progress: 'trying' }],
    ['dismiss from Idle', idleTransfer, { type: 'dismiss' }],
    [
      'blind for another call while choosing',
      choosing,
      { type: 'blind', callId: 'b', target: '1', label: 'x' },
    ],
    ['begin again while choosing', choosing, { type: 'begin', callId: 'b' }],
    ['complete while choosing', choosing, { type: 'complete' }],
    ['cancel a blind transfer already sent', blind, { type: 'cancel' }],
    ['progress for another call', blind, { type: 'progress', callId: 'b', progress: 'trying' }],
    ['complete a blind transfer', blind, { type: 'complete' }],
    ['complete before the target answered', consultingRinging, { type: 'complete' }],
    ['complete before the consultation is placed', consultingUnplaced, { type: 'complete' }],
    ['blind-instead after the target answered', consultingAnswered, { type: 'blind-instead' }],
    ['a second consultation-placed', consultingRinging, { type: 'consultation-placed', consultCallId: 'd' }],
    [
      'answered for an unrelated call',
      consultingRinging,
      { type: 'consultation-answered', consultCallId: 'z' },
    ],
    [
      'unrelated call ending while consulting',
      consultingRinging,
      { type: 'call-ended', callId: 'z', transferred: false },
    ],
    ['begin while consulting', consultingRinging, { type: 'begin', callId: 'a' }],
    ['cancel while completing', completing, { type: 'cancel' }],
    ['succeeded for another call', completing, { type: 'succeeded', callId: 'c' }],
    ['progress after done', done, { type: 'progress', callId: 'a', progress: 'trying' }],
    ['cancel after failure', failedState, { type: 'cancel' }],
  ]
  it.each(cases)('%s', (_name, state, event) => {
    expect(transition(state, event)).toBeNull()
  })
})
