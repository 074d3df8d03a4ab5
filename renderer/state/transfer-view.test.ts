import { describe, expect, it } from 'vitest'
import { TransferStage, type TransferState } from './transfer-machine'
import {
  ctrlEnterCompletes,
  escapeActionOf,
  joinsConsultation,
  transferButtonsOf,
  transferNoteOf,
} from './transfer-view'

const idle: TransferState = { stage: TransferStage.Idle }
const choosing: TransferState = { stage: TransferStage.ChoosingTarget, callId: 'a' }
const blind: TransferState = {
  stage: TransferStage.BlindRequested,
  callId: 'a',
  target: '1002',
  label: 'Bo',
  progress: 'ringing',
}
const consulting = (answered: boolean, consultCallId: string | null = 'b'): TransferState => ({
  stage: TransferStage.Consulting,
  heldCallId: 'a',
  consultCallId,
  target: '1002',
  label: 'Bo',
  answered,
})
const completing: TransferState = {
  stage: TransferStage.Completing,
  heldCallId: 'a',
  consultCallId: 'b',
  target: '1002',
  label: 'Bo',
  progress: 'requested',
}
const failed: TransferState = {
  stage: TransferStage.Failed,
  callId: 'a',
  label: 'Bo',
  message: 'Bo is busy.',
}
const done: TransferState = { stage: TransferStage.Done, callId: 'a', label: 'Bo' }

describe('transferNoteOf', () => {
  it('notes the calls a transfer involves, and no other call', () => {
    expect(transferNoteOf(idle, 'a')).toBeNull()
    expect(transferNoteOf(choosing, 'a')).toEqual({ kind: 'choosing-target' })
    expect(transferNoteOf(blind, 'a')).toEqual({ kind: 'blind', label: 'Bo', ringing: true })
    expect(transferNoteOf(consulting(false), 'a')).toEqual({ kind: 'held-for-consultation', label: 'Bo' })
    expect(transferNoteOf(consulting(false), 'b')).toEqual({
      kind: 'consultation',
      label: 'Bo',
      answered: false,
    })
    expect(transferNoteOf(completing, 'a')).toEqual({ kind: 'completing', label: 'Bo' })
    expect(transferNoteOf(completing, 'b')).toEqual({ kind: 'completing', label: 'Bo' })
    expect(transferNoteOf(failed, 'a')).toEqual({ kind: 'failed', message: 'Bo is busy.' })
    expect(transferNoteOf(done, 'a')).toEqual({ kind: 'done', label: 'Bo' })
    for (const state of [choosing, blind, consulting(true), completing, failed, done])
      expect(transferNoteOf(state, 'c')).toBeNull()
  })
})

describe('transferButtonsOf', () => {
  const none = { complete: false, transferNow: false, cancel: false, dismiss: false }
  it('complete once the target answered, transfer now before; cancel on both calls', () => {
    expect(transferButtonsOf(consulting(false), 'b')).toEqual({ ...none, transferNow: true, cancel: true })
    expect(transferButtonsOf(consulting(true), 'b')).toEqual({ ...none, complete: true, cancel: true })
    expect(transferButtonsOf(consulting(true), 'a')).toEqual({ ...none, cancel: true })
  })

  it('cancel while choosing a target, dismiss on a failure, nothing otherwise', () => {
    expect(transferButtonsOf(choosing, 'a')).toEqual({ ...none, cancel: true })
    expect(transferButtonsOf(failed, 'a')).toEqual({ ...none, dismiss: true })
    expect(transferButtonsOf(blind, 'a')).toEqual(none)
    expect(transferButtonsOf(done, 'a')).toEqual(none)
    expect(transferButtonsOf(consulting(true), 'c')).toEqual(none)
  })
})

describe('drops and keys', () => {
  it("a drop joins only the consultation's two calls, either way round", () => {
    expect(joinsConsultation(consulting(true), 'a', 'b')).toBe(true)
    expect(joinsConsultation(consulting(true), 'b', 'a')).toBe(true)
    expect(joinsConsultation(consulting(true), 'a', 'c')).toBe(false)
    expect(joinsConsultation(consulting(true), 'a', 'a')).toBe(false)
    expect(joinsConsultation(consulting(false, null), 'a', 'b')).toBe(false)
    expect(joinsConsultation(completing, 'a', 'b')).toBe(false)
  })

  it('Escape cancels a transfer being set up and clears a finished one; Ctrl+Enter only while consulting', () => {
    expect(escapeActionOf(choosing)).toBe('cancel')
    expect(escapeActionOf(consulting(false))).toBe('cancel')
    expect(escapeActionOf(done)).toBe('dismiss')
    expect(escapeActionOf(failed)).toBe('dismiss')
    expect(escapeActionOf(idle)).toBeNull()
    expect(escapeActionOf(blind)).toBeNull()
    expect(ctrlEnterCompletes(consulting(false))).toBe(true)
    expect(ctrlEnterCompletes(completing)).toBe(false)
  })
})
