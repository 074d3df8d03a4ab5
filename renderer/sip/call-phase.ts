import { CallPhase } from './types'

/**
 * The call-phase machine (the UI reads `CallPhase`, this module guards how it moves).
 *
 *   outgoing:  Dialing ──18x──▶ Alerting ──2xx──▶ Active ⇄ Held
 *                 └────────────2xx───────────────▲
 *   incoming:  Ringing ──answer──▶ Active ⇄ Held
 *   replaced:  Ringing ──INVITE with Replaces, auto-answered──▶ Active
 *   every phase except Ended ──BYE/CANCEL/error/hang-up──▶ Ended (terminal)
 */
const ALLOWED: Readonly<Record<CallPhase, readonly CallPhase[]>> = {
  [CallPhase.Dialing]: [CallPhase.Alerting, CallPhase.Active, CallPhase.Ended],
  [CallPhase.Alerting]: [CallPhase.Active, CallPhase.Ended],
  [CallPhase.Ringing]: [CallPhase.Active, CallPhase.Ended],
  [CallPhase.Active]: [CallPhase.Held, CallPhase.Ended],
  [CallPhase.Held]: [CallPhase.Active, CallPhase.Ended],
  [CallPhase.Ended]: [],
}

export function canTransition(from: CallPhase, to: CallPhase): boolean {
  return ALLOWED[from]?.includes(to) ?? false
}

/** The one guarded transition: the next phase, or null when the move is not allowed. */
export function transitionPhase(from: CallPhase, to: CallPhase): CallPhase | null {
  return canTransition(from, to) ? to : null
}
