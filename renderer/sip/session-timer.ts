import type { Call } from './call'
import type { HeaderLookup } from './caller-context'
import type { Clock } from './registration'

/**
 * Session timers (RFC 4028) as the far end asks for them. We never ask for a timer ourselves
 * (our INVITEs only say `Supported: timer`), so a 422 can only come our way as the answer we
 * give: an INVITE whose Session-Expires is below our Min-SE gets 422 with `Min-SE: 90`.
 *
 * - Incoming INVITE with Session-Expires: the 2xx repeats the interval with the refresher (the
 *   caller's choice; the caller when it supports timers, else us) and `Require: timer`.
 * - The 2xx to our INVITE with Session-Expires: its refresher says who refreshes.
 * - We refresh: a re-INVITE (same media, same hold state) every interval / 2 with
 *   `Session-Expires: <interval>;refresher=uac`.
 * - They refresh: any re-INVITE from them restarts the clock; none before
 *   interval − min(32 s, interval / 3) (§10) means the session is gone: we send BYE.
 */

/** Our Min-SE in seconds: RFC 4028's floor. */
export const MIN_SE_S = 90

export interface TimerTerms {
  intervalS: number
  weRefresh: boolean
}

export interface SessionExpires {
  intervalS: number
  refresher?: 'uac' | 'uas'
}

/** `Session-Expires: 1800;refresher=uac` (or its compact form `x`), null when absent or unreadable. */
export function sessionExpiresOf(lookup: HeaderLookup): SessionExpires | null {
  const value = lookup('session-expires')[0] ?? lookup('x')[0]
  const match = /^\s*(\d{1,9})\s*((?:;[^;]*)*)$/.exec(value ?? '')
  if (!match) return null
  const intervalS = Number(match[1])
  if (!(intervalS > 0)) return null
  const refresher = /;\s*refresher\s*=\s*(uac|uas)\b/i.exec(match[2] ?? '')?.[1]?.toLowerCase()
  return refresher === 'uac' || refresher === 'uas' ? { intervalS, refresher } : { intervalS }
}

function supportsTimer(lookup: HeaderLookup): boolean {
  return [...lookup('supported'), ...lookup('k')].some((value) =>
    value.split(',').some((tag) => tag.trim().toLowerCase() === 'timer'),
  )
}

export type IncomingTimer =
  | { kind: 'none' }
  | { kind: 'too-brief'; headers: string[] }
  | { kind: 'agreed'; terms: TimerTerms; headers: string[] }

/** What an incoming INVITE's timer request means for our answer (RFC 4028 §9). */
export function incomingTimer(lookup: HeaderLookup): IncomingTimer {
  const asked = sessionExpiresOf(lookup)
  if (!asked) return { kind: 'none' }
  if (asked.intervalS < MIN_SE_S) return { kind: 'too-brief', headers: [`Min-SE: ${MIN_SE_S}`] }
  const callerSupports = supportsTimer(lookup)
  // a caller without timer support cannot refresh: then we do
  const refresher = callerSupports ? (asked.refresher ?? 'uac') : 'uas'
  return {
    kind: 'agreed',
    terms: { intervalS: asked.intervalS, weRefresh: refresher === 'uas' },
    headers: [
      `Session-Expires: ${asked.intervalS};refresher=${refresher}`,
      ...(callerSupports ? ['Require: timer'] : []),
    ],
  }
}

/** The timer the 2xx to our INVITE set up, if any (§7.2: its refresher decides). */
export function answeredTimer(lookup: HeaderLookup): TimerTerms | null {
  const set = sessionExpiresOf(lookup)
  return set ? { intervalS: set.intervalS, weRefresh: (set.refresher ?? 'uac') === 'uac' } : null
}

/** When, in ms after the last refresh, the side that does not refresh gives up (§10). */
export function expiryDelayMs(intervalS: number): number {
  return (intervalS - Math.min(32, intervalS / 3)) * 1000
}

export interface TimerActions {
  /** Send a refresh (a re-INVITE with these headers). */
  refresh(call: Call, headers: string[]): void
  /** The far end stopped refreshing: end the session. */
  expire(call: Call): void
}

/** The running session timer of each call. */
export class SessionTimers {
  private readonly running = new Map<string, { terms: TimerTerms; handle: unknown }>()
  private readonly agreed = new Map<string, IncomingTimer & { kind: 'agreed' }>()

  constructor(
    private readonly clock: Clock,
    private readonly actions: TimerActions,
  ) {}

  /** An incoming call's timer, agreed when it rang; its headers go into our 2xx. */
  agree(call: Call, timer: IncomingTimer & { kind: 'agreed' }): void {
    this.agreed.set(call.id, timer)
  }

  answerHeaders(call: Call): string[] {
    return this.agreed.get(call.id)?.headers ?? []
  }

  /** The incoming call was answered with our 2xx: its agreed timer runs from now. */
  answered(call: Call): void {
    const timer = this.agreed.get(call.id)
    this.agreed.delete(call.id)
    if (timer) this.start(call, timer.terms)
  }

  start(call: Call, terms: TimerTerms): void {
    this.stop(call)
    const delay = terms.weRefresh ? (terms.intervalS * 1000) / 2 : expiryDelayMs(terms.intervalS)
    const handle = this.clock.setTimeout(() => {
      if (call.isEnded) return
      if (!terms.weRefresh) {
        this.stop(call)
        this.actions.expire(call)
        return
      }
      this.actions.refresh(call, [`Session-Expires: ${terms.intervalS};refresher=uac`])
      this.start(call, terms)
    }, delay)
    this.running.set(call.id, { terms, handle })
  }

  /** The far end sent a re-INVITE: a refresh (with a new interval when it names one). */
  refreshed(call: Call, lookup: HeaderLookup): void {
    const current = this.running.get(call.id)
    if (!current) return
    const asked = sessionExpiresOf(lookup)
    if (!asked) {
      this.start(call, current.terms)
      return
    }
    // in their refresh they are the UAC: refresher=uas means we take over
    this.start(call, { intervalS: asked.intervalS, weRefresh: asked.refresher === 'uas' })
  }

  stop(call: Call): void {
    const current = this.running.get(call.id)
    if (current) this.clock.clearTimeout(current.handle)
    this.running.delete(call.id)
    this.agreed.delete(call.id)
  }
}
