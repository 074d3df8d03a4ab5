import type { SipSubscription } from './stack'
import type { WatchEvent, WatchState } from './types'

/**
 * One watch's subscription, as the subscription manager (subscriptions.ts) moves it.
 *
 *   Queued ──paced SUBSCRIBE──▶ Subscribing ──2xx / NOTIFY──▶ Live ──refresh due──▶ Refreshing
 *     ▲  ▲                        │   │  └─423 (Min-Expires)─▶ Queued            │  │
 *     │  │                        │   └──403/404/489…──▶ Over ◀──rejected/noresource NOTIFY──┤
 *     │  └──────timer─── Backoff ◀┴──503/408/5xx, giveup/probation NOTIFY◀──────────────────┤
 *     └──deactivated/timeout NOTIFY, dialog lost, reconnect, 481 to a refresh──────────────┘
 *   Refreshing ──2xx──▶ Live;  Over ──watch() again──▶ Queued;  any ──unwatch/sign-out──▶ gone
 */
export enum WatchPhase {
  Queued = 'queued', // waiting for its paced slot to send SUBSCRIBE
  Subscribing = 'subscribing', // SUBSCRIBE sent, no 2xx or NOTIFY yet
  Live = 'live', // a dialog with the notifier; NOTIFYs update the lamp
  Refreshing = 'refreshing', // live, and a refreshing SUBSCRIBE is out
  Backoff = 'backoff', // a transient failure: a timer queues it again
  Over = 'over', // refused for good; only watch() again revives it
}

const ALLOWED: Readonly<Record<WatchPhase, readonly WatchPhase[]>> = {
  [WatchPhase.Queued]: [WatchPhase.Subscribing],
  [WatchPhase.Subscribing]: [WatchPhase.Live, WatchPhase.Queued, WatchPhase.Backoff, WatchPhase.Over],
  [WatchPhase.Live]: [WatchPhase.Refreshing, WatchPhase.Queued, WatchPhase.Backoff, WatchPhase.Over],
  [WatchPhase.Refreshing]: [WatchPhase.Live, WatchPhase.Queued, WatchPhase.Backoff, WatchPhase.Over],
  [WatchPhase.Backoff]: [WatchPhase.Queued],
  [WatchPhase.Over]: [WatchPhase.Queued],
}

/** The one guarded transition: the next phase, or null when the move is not allowed. */
export function transitionWatch(from: WatchPhase, to: WatchPhase): WatchPhase | null {
  return ALLOWED[from].includes(to) ? to : null
}

/** One watch as the subscription manager keeps it (mutable: the manager is its only owner). */
export interface Watch {
  readonly key: string
  readonly target: string
  readonly event: WatchEvent
  phase: WatchPhase
  expires: number
  subscription: SipSubscription | null
  /** Bumped whenever the subscription is replaced: late callbacks of an old one are ignored. */
  generation: number
  timer: unknown
  failures: number
  reported: WatchState | null
  /** Frees the pacer slot of the request in flight (once); a dropped dialog frees it too. */
  release: (() => void) | undefined
}

export function newWatch(key: string, target: string, event: WatchEvent, expires: number): Watch {
  return {
    key,
    target,
    event,
    phase: WatchPhase.Queued,
    expires,
    subscription: null,
    generation: 0,
    timer: undefined,
    failures: 0,
    reported: null,
    release: undefined,
  }
}
