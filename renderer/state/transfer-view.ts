import { TransferStage, type TransferState } from './transfer-machine'

/**
 * What a call card and the keyboard show and do for a transfer, decided from the machine's
 * state alone (pure, so unit tests reach every case); the components only put it into words.
 */

/** The note on one call card about the transfer it is part of (null: none). */
export type TransferNote =
  | { kind: 'choosing-target' }
  | { kind: 'blind'; label: string; ringing: boolean }
  | { kind: 'completing'; label: string }
  | { kind: 'held-for-consultation'; label: string }
  | { kind: 'consultation'; label: string; answered: boolean }
  | { kind: 'failed'; message: Extract<TransferState, { stage: TransferStage.Failed }>['message'] }
  | { kind: 'done'; label: string }

export function transferNoteOf(state: TransferState, callId: string): TransferNote | null {
  switch (state.stage) {
    case TransferStage.ChoosingTarget:
      return state.callId === callId ? { kind: 'choosing-target' } : null
    case TransferStage.BlindRequested:
      return state.callId === callId
        ? { kind: 'blind', label: state.label, ringing: state.progress === 'ringing' }
        : null
    case TransferStage.Completing:
      return state.heldCallId === callId || state.consultCallId === callId
        ? { kind: 'completing', label: state.label }
        : null
    case TransferStage.Consulting:
      if (state.heldCallId === callId) return { kind: 'held-for-consultation', label: state.label }
      if (state.consultCallId === callId)
        return { kind: 'consultation', label: state.label, answered: state.answered }
      return null
    case TransferStage.Failed:
      return state.callId === callId ? { kind: 'failed', message: state.message } : null
    case TransferStage.Done:
      return state.callId === callId ? { kind: 'done', label: state.label } : null
    case TransferStage.Idle:
      return null
  }
}

/** The transfer buttons a call card offers (besides "Transfer", which canBegin decides). */
export interface TransferButtons {
  complete: boolean
  transferNow: boolean
  cancel: boolean
  dismiss: boolean
}

export function transferButtonsOf(state: TransferState, callId: string): TransferButtons {
  const consultation = state.stage === TransferStage.Consulting && state.consultCallId === callId
  const inConsultation =
    state.stage === TransferStage.Consulting && (state.heldCallId === callId || consultation)
  return {
    complete: consultation && state.answered,
    transferNow: consultation && !state.answered,
    cancel: inConsultation || (state.stage === TransferStage.ChoosingTarget && state.callId === callId),
    dismiss: state.stage === TransferStage.Failed && state.callId === callId,
  }
}

/** A call dragged onto another: it completes the transfer only for the consultation's two calls. */
export function joinsConsultation(state: TransferState, draggedId: string, targetId: string): boolean {
  if (state.stage !== TransferStage.Consulting || draggedId === targetId) return false
  const pair = [draggedId, targetId]
  return pair.includes(state.heldCallId) && state.consultCallId !== null && pair.includes(state.consultCallId)
}

/** Escape: cancels a transfer being set up, clears a finished one's note, else is not ours. */
export function escapeActionOf(state: TransferState): 'cancel' | 'dismiss' | null {
  switch (state.stage) {
    case TransferStage.ChoosingTarget:
    case TransferStage.Consulting:
      return 'cancel'
    case TransferStage.Done:
    case TransferStage.Failed:
      return 'dismiss'
    default:
      return null
  }
}

/** Ctrl+Enter completes the attended transfer only while one is being announced. */
export function ctrlEnterCompletes(state: TransferState): boolean {
  return state.stage === TransferStage.Consulting
}
