import type { RegistrationStatus } from '../sip/types'

/**
 * Decides what to do when the computer sleeps, wakes, unlocks or changes network, so the
 * phone is registered again without the user doing anything. Pure: events in, actions out;
 * `self-healing.ts` does the wiring.
 *
 *            suspend (from any phase: suspend-phone)
 *   ┌──────────────────────────────────────────────▶ Asleep
 *   │                                                  │ resume
 *   │           kick, network up                       ▼
 * Idle ────────────────────────────────────▶ Reconnecting ──registered / failed / settled──▶ Idle
 *   │  ▲                                        ▲  │
 *   │  │ online (kick)               online     │  │ offline
 *   │  └─────────── Offline ◀───────────────────┼──┘
 *   └── kick, network down ──▶ Offline ─────────┘
 *
 * A "kick" is resume, online after a drop, or unlock after a long lock. Kicks arriving while a
 * reconnect is running are folded into it (resume + online + devicechange come in a burst):
 * they re-run only if that attempt fails, or if it has been running longer than `staleMs`
 * (it probably started before the network was usable). Nothing waits on a timer.
 */
export enum HealingPhase {
  Idle = 'idle', // registered, or nothing to do until the next kick
  Reconnecting = 'reconnecting', // one reconnect (or wake) is running; kicks fold into it
  Offline = 'offline', // no network: wait for online rather than retry
  Asleep = 'asleep', // the computer sleeps; the phone is suspended until resume
}

export type KickReason = 'resume' | 'online' | 'unlock'

export type HealingInput =
  | { type: 'suspend' }
  | { type: 'resume' }
  | { type: 'lock' }
  | { type: 'unlock' }
  | { type: 'online' }
  | { type: 'offline' }
  | { type: 'registration'; state: RegistrationStatus['state'] }
  /** The promise of our reconnect() resolved (ok) or rejected (!ok). */
  | { type: 'reconnect-settled'; ok: boolean }

export type HealingAction =
  | { type: 'suspend-phone' }
  /**
   * Register again now. `afterSleep`: the phone was suspended for sleep by us, so it is woken
   * (phone.wake() registers the account it had) rather than reconnected.
   */
  | { type: 'reconnect'; reason: KickReason; afterSleep: boolean }
  /** Re-read devices; `reapply` pushes routing even when unchanged (tracks may be dead). */
  | { type: 'refresh-devices'; reapply: boolean }
  | { type: 'network'; online: boolean }

export interface HealingState {
  phase: HealingPhase
  online: boolean
  registration: RegistrationStatus['state'] | 'unknown'
  /** False once the phone was unregistered on purpose (signed out): then we leave it alone. */
  wantRegistered: boolean
  /** The network went away since we were last registered: the transport is suspect. */
  networkDropped: boolean
  /** A kick that arrived during a reconnect or while offline, to run if still needed. */
  queued: KickReason | null
  attemptStartedAt: number
  lockedAt: number | null
  /** We unregistered for sleep and have not been registered since. */
  signedOffForSleep: boolean
}

export interface HealingConfig {
  /** A reconnect running longer than this is overtaken by a new online/resume kick. */
  staleMs: number
  /** After a lock this long, unlocking re-registers even if the phone still says registered. */
  longLockMs: number
}

export const defaultHealingConfig: HealingConfig = { staleMs: 2_000, longLockMs: 60_000 }

export function initialHealingState(online: boolean): HealingState {
  return {
    phase: online ? HealingPhase.Idle : HealingPhase.Offline,
    online,
    registration: 'unknown',
    wantRegistered: true,
    networkDropped: false,
    queued: null,
    attemptStartedAt: 0,
    lockedAt: null,
    signedOffForSleep: false,
  }
}

export interface Step {
  state: HealingState
  actions: HealingAction[]
}

function kick(state: HealingState, reason: KickReason, now: number, config: HealingConfig): Step {
  if (!state.wantRegistered) return { state: { ...state, queued: null }, actions: [] }
  if (!state.online) return { state: { ...state, phase: HealingPhase.Offline, queued: reason }, actions: [] }
  if (state.phase === HealingPhase.Reconnecting && now - state.attemptStartedAt < config.staleMs) {
    return { state: { ...state, queued: reason }, actions: [] }
  }
  return {
    // What the phone said before this attempt no longer counts until it speaks again.
    state: {
      ...state,
      phase: HealingPhase.Reconnecting,
      registration: 'unknown',
      queued: null,
      attemptStartedAt: now,
      networkDropped: false,
    },
    actions: [{ type: 'reconnect', reason, afterSleep: state.signedOffForSleep }],
  }
}

/** After an attempt ends without registering, a kick that came in meanwhile runs now. */
function attemptEnded(state: HealingState, now: number, config: HealingConfig): Step {
  const idle: HealingState = { ...state, phase: state.online ? HealingPhase.Idle : HealingPhase.Offline }
  if (state.queued === null || state.registration === 'registered')
    return { state: { ...idle, queued: null }, actions: [] }
  return kick({ ...idle, queued: null }, state.queued, now, config)
}

/** The one transition function: guarded per phase. */
export function healingStep(
  state: HealingState,
  input: HealingInput,
  now: number,
  config: HealingConfig = defaultHealingConfig,
): Step {
  switch (input.type) {
    case 'suspend': {
      const next = {
        ...state,
        phase: HealingPhase.Asleep,
        queued: null,
        signedOffForSleep: state.signedOffForSleep || state.wantRegistered,
      }
      return { state: next, actions: state.wantRegistered ? [{ type: 'suspend-phone' }] : [] }
    }
    case 'resume': {
      const awake = { ...state, phase: state.online ? HealingPhase.Idle : HealingPhase.Offline }
      const base = state.phase === HealingPhase.Asleep ? awake : state
      const step = kick(base, 'resume', now, config)
      return { state: step.state, actions: [...step.actions, { type: 'refresh-devices', reapply: true }] }
    }
    case 'lock':
      return { state: { ...state, lockedAt: now }, actions: [] }
    case 'unlock': {
      const lockedFor = state.lockedAt === null ? 0 : now - state.lockedAt
      const unlocked = { ...state, lockedAt: null }
      const refresh: HealingAction = { type: 'refresh-devices', reapply: false }
      if (state.phase === HealingPhase.Asleep) return { state: unlocked, actions: [refresh] }
      const suspect = state.registration !== 'registered' && state.registration !== 'connecting'
      if (!suspect && lockedFor < config.longLockMs) return { state: unlocked, actions: [refresh] }
      const step = kick(unlocked, 'unlock', now, config)
      return { state: step.state, actions: [...step.actions, refresh] }
    }
    case 'offline': {
      // A reconnect under way will fail without a network: redo it when the network is back.
      const queued = state.phase === HealingPhase.Reconnecting ? (state.queued ?? 'online') : state.queued
      const phase = state.phase === HealingPhase.Asleep ? HealingPhase.Asleep : HealingPhase.Offline
      return {
        state: { ...state, phase, online: false, networkDropped: true, queued },
        actions: [{ type: 'network', online: false }],
      }
    }
    case 'online': {
      const back = { ...state, online: true }
      const actions: HealingAction[] = [{ type: 'network', online: true }]
      if (state.phase === HealingPhase.Asleep) return { state: back, actions }
      const needed =
        state.queued !== null ||
        state.networkDropped ||
        state.registration === 'failed' ||
        state.phase === HealingPhase.Reconnecting
      if (!needed) return { state: { ...back, phase: HealingPhase.Idle }, actions }
      const step = kick(
        { ...back, phase: state.phase === HealingPhase.Offline ? HealingPhase.Idle : state.phase },
        state.queued ?? 'online',
        now,
        config,
      )
      return { state: step.state, actions: [...actions, ...step.actions] }
    }
    case 'registration': {
      const seen = { ...state, registration: input.state }
      switch (input.state) {
        case 'registered':
          return {
            state: {
              ...seen,
              wantRegistered: true,
              networkDropped: false,
              signedOffForSleep: false,
              queued: null,
              phase: seen.phase === HealingPhase.Reconnecting ? HealingPhase.Idle : seen.phase,
            },
            actions: [],
          }
        case 'connecting':
          return { state: { ...seen, wantRegistered: true }, actions: [] }
        case 'failed':
          if (seen.phase === HealingPhase.Reconnecting) return attemptEnded(seen, now, config)
          return { state: seen, actions: [] }
        case 'unregistered': {
          // Our own suspend (sleep) or the reconnect's teardown: not a sign-out.
          const ours = seen.phase === HealingPhase.Asleep || seen.phase === HealingPhase.Reconnecting
          return { state: ours ? seen : { ...seen, wantRegistered: false, queued: null }, actions: [] }
        }
      }
      return { state: seen, actions: [] }
    }
    case 'reconnect-settled': {
      if (state.phase !== HealingPhase.Reconnecting) return { state, actions: [] }
      if (state.registration === 'registered')
        return { state: { ...state, phase: HealingPhase.Idle, queued: null }, actions: [] }
      // Resolved but still registering: the registration event will end the attempt.
      if (input.ok && (state.registration === 'connecting' || state.registration === 'unknown'))
        return { state, actions: [] }
      return attemptEnded(state, now, config)
    }
  }
}
