import { message } from '../../contract/i18n'
import type { Say } from './ui.svelte'

/**
 * The transfer state machine: pure data, no side effects (the controller in
 * transfer.svelte.ts talks to the phone). Every change goes through `transition`, which
 * refuses anything not drawn below by returning null.
 *
 *                 begin                    blind(target)
 *   Idle ───────────────────▶ ChoosingTarget ──────────────▶ BlindRequested ──succeeded──▶ Done
 *    │ ▲ ▲                     │    │ cancel / call-ended         │   │ ▲ progress          │
 *    │ │ └─────────────────────┼────┘                             │   └─┘                   │
 *    │ │                       │ consult(target)            failed│/call-ended              │
 *    │ │  blind (drag & drop)  ▼                                  ▼                         │
 *    │ │       ─────▶   Consulting ──failed / call-ended──────▶ Failed ──dismiss──▶ Idle ◀──┘
 *    │ │                 │  ▲  │ consultation-placed,                  ▲          dismiss
 *    │ └──cancel─────────┘  └──┘ consultation-answered                  │
 *    │ consult (call button    │ complete (answered)     blind-instead  │
 *    │ while in a call)        ▼                         (not answered) │
 *    └──────────────▶     Completing ──succeeded──▶ Done                │
 *                              │ progress (self)                        │
 *                              └──failed / call-ended───────────────────┘
 *
 * Consulting holds the first call (held) and rings or talks to the target (consultation).
 * While the target has not answered, the UI offers: wait, cancel (back to the held call), or
 * `blind-instead` (hang up the consultation and blind-transfer the held call to the target).
 */

export enum TransferStage {
  Idle = 'idle', // no transfer under way
  ChoosingTarget = 'choosing-target', // the operator picks whom to transfer to
  BlindRequested = 'blind-requested', // our REFER is out; the caller is held by the adapter
  Consulting = 'consulting', // the caller is held while we ring or talk to the target
  Completing = 'completing', // REFER with Replaces is out, joining caller and target
  Done = 'done', // the caller went to the target
  Failed = 'failed', // shown until dismissed; the caller is back off hold
}

export type TransferStepProgress = 'requested' | 'trying' | 'ringing'

export type TransferState =
  | { stage: TransferStage.Idle }
  | { stage: TransferStage.ChoosingTarget; callId: string }
  | {
      stage: TransferStage.BlindRequested
      callId: string
      target: string
      label: string
      progress: TransferStepProgress
    }
  | {
      stage: TransferStage.Consulting
      heldCallId: string
      /** null until the phone has placed the consultation call. */
      consultCallId: string | null
      target: string
      label: string
      answered: boolean
    }
  | {
      stage: TransferStage.Completing
      heldCallId: string
      consultCallId: string
      target: string
      label: string
      progress: TransferStepProgress
    }
  | { stage: TransferStage.Done; callId: string; label: string }
  | { stage: TransferStage.Failed; callId: string; label: string; message: Say }

export type TransferEvent =
  | { type: 'begin'; callId: string }
  | { type: 'blind'; callId: string; target: string; label: string }
  | { type: 'consult'; heldCallId: string; target: string; label: string }
  | { type: 'consultation-placed'; consultCallId: string }
  | { type: 'consultation-answered'; consultCallId: string }
  | { type: 'complete' }
  | { type: 'blind-instead' }
  | { type: 'progress'; callId: string; progress: 'trying' | 'ringing' }
  | { type: 'succeeded'; callId: string }
  | { type: 'failed'; callId: string; message: Say }
  | { type: 'call-ended'; callId: string; transferred: boolean }
  | { type: 'cancel' }
  | { type: 'dismiss' }

export const idleTransfer: TransferState = { stage: TransferStage.Idle }

/** The one guarded transition: the next state, or null when the event is not allowed now. */
export function transition(state: TransferState, event: TransferEvent): TransferState | null {
  switch (state.stage) {
    case TransferStage.Idle:
      if (event.type === 'begin') return { stage: TransferStage.ChoosingTarget, callId: event.callId }
      if (event.type === 'blind') return blindRequested(event)
      if (event.type === 'consult') return consulting(event)
      return null

    case TransferStage.ChoosingTarget:
      if (event.type === 'blind' && event.callId === state.callId) return blindRequested(event)
      if (event.type === 'consult' && event.heldCallId === state.callId) return consulting(event)
      if (event.type === 'cancel') return idleTransfer
      if (event.type === 'call-ended' && event.callId === state.callId) return idleTransfer
      return null

    case TransferStage.BlindRequested:
      return afterRequest(state, state.callId, event)

    case TransferStage.Consulting: {
      const isConsult = (id: string) => state.consultCallId !== null && id === state.consultCallId
      switch (event.type) {
        case 'consultation-placed':
          return state.consultCallId === null ? { ...state, consultCallId: event.consultCallId } : null
        case 'consultation-answered':
          return isConsult(event.consultCallId) && !state.answered ? { ...state, answered: true } : null
        case 'complete':
          if (state.consultCallId === null || !state.answered) return null
          return {
            stage: TransferStage.Completing,
            heldCallId: state.heldCallId,
            consultCallId: state.consultCallId,
            target: state.target,
            label: state.label,
            progress: 'requested',
          }
        case 'blind-instead':
          if (state.answered) return null
          return blindRequested({ callId: state.heldCallId, target: state.target, label: state.label })
        case 'cancel':
          return idleTransfer
        case 'failed':
          if (event.callId !== state.heldCallId && !isConsult(event.callId)) return null
          return failed(state.heldCallId, state.label, event.message)
        case 'call-ended':
          if (event.callId === state.heldCallId) {
            return failed(state.heldCallId, state.label, message('transfer.caller-hung-up'))
          }
          if (isConsult(event.callId)) {
            const text = message(state.answered ? 'transfer.target-hung-up' : 'transfer.target-declined', {
              target: state.label,
            })
            return failed(state.heldCallId, state.label, text)
          }
          return null
        default:
          return null
      }
    }

    case TransferStage.Completing:
      if (event.type === 'call-ended' && event.callId === state.consultCallId) {
        // The consultation leg ends as part of a successful REFER with Replaces; the
        // held call's own end or NOTIFY decides the outcome.
        return state
      }
      return afterRequest(state, state.heldCallId, event)

    case TransferStage.Done:
    case TransferStage.Failed:
      if (event.type === 'dismiss') return idleTransfer
      if (event.type === 'begin') return { stage: TransferStage.ChoosingTarget, callId: event.callId }
      if (event.type === 'blind') return blindRequested(event)
      if (event.type === 'consult') return consulting(event)
      return null
  }
}

function blindRequested(event: { callId: string; target: string; label: string }): TransferState {
  return {
    stage: TransferStage.BlindRequested,
    callId: event.callId,
    target: event.target,
    label: event.label,
    progress: 'requested',
  }
}

function consulting(event: { heldCallId: string; target: string; label: string }): TransferState {
  return {
    stage: TransferStage.Consulting,
    heldCallId: event.heldCallId,
    consultCallId: null,
    target: event.target,
    label: event.label,
    answered: false,
  }
}

function failed(callId: string, label: string, text: Say): TransferState {
  return { stage: TransferStage.Failed, callId, label, message: text }
}

/** Shared by a blind request and a completing attended transfer: progress, success, failure. */
function afterRequest(
  state: Extract<TransferState, { stage: TransferStage.BlindRequested | TransferStage.Completing }>,
  callId: string,
  event: TransferEvent,
): TransferState | null {
  if (!('callId' in event) || event.callId !== callId) return null
  switch (event.type) {
    case 'progress':
      return { ...state, progress: event.progress }
    case 'succeeded':
      return { stage: TransferStage.Done, callId, label: state.label }
    case 'failed':
      return failed(callId, state.label, event.message)
    case 'call-ended':
      if (event.transferred) return { stage: TransferStage.Done, callId, label: state.label }
      return failed(callId, state.label, message('transfer.call-ended-first'))
    default:
      return null
  }
}
