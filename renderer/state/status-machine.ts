import { StatusSource } from './status-resolve'

/**
 * What "My status" is doing with the PBX: nothing while signed out, else publishing the status
 * from one of its sources (status-resolve.ts decides which).
 *
 *            sign in / registered
 *   Off ───────────────────────────▶ None ◀──── until passed, slot ended, clear ────┐
 *    ▲                                 │  ▲                                          │
 *    │ sign out (withdraw)             │  └──── Manual ◀── set ──┐                   │
 *    └──────────── any ◀───────────────┘          │  ▲           │                   │
 *                                       slot starts│  │set       │                   │
 *                                                  ▼  │          │                   │
 *                                             Scheduled ─────────┴───────────────────┘
 *
 * Manual → Manual (a new status or note) and Scheduled → Scheduled (back-to-back slots) are
 * moves; None → None and Off → Off are not (nothing to publish).
 */
export enum StatusPhase {
  Off = 'off',
  None = StatusSource.None,
  Manual = StatusSource.Manual,
  Scheduled = StatusSource.Scheduled,
}

const moves: Record<StatusPhase, readonly StatusPhase[]> = {
  [StatusPhase.Off]: [StatusPhase.None, StatusPhase.Manual, StatusPhase.Scheduled],
  [StatusPhase.None]: [StatusPhase.Off, StatusPhase.Manual, StatusPhase.Scheduled],
  [StatusPhase.Manual]: [StatusPhase.Off, StatusPhase.None, StatusPhase.Manual, StatusPhase.Scheduled],
  [StatusPhase.Scheduled]: [StatusPhase.Off, StatusPhase.None, StatusPhase.Manual, StatusPhase.Scheduled],
}

/** The one guarded transition: the phase after `to`, or `from` when the move is not allowed. */
export function moveStatus(from: StatusPhase, to: StatusPhase): { phase: StatusPhase; moved: boolean } {
  return moves[from].includes(to) ? { phase: to, moved: true } : { phase: from, moved: false }
}

export const phaseOf = (source: StatusSource): StatusPhase => source as unknown as StatusPhase
