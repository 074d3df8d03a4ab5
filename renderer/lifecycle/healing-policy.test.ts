import { describe, expect, it } from 'vitest'
import {
  HealingPhase,
  healingStep,
  initialHealingState,
  type HealingAction,
  type HealingInput,
  type HealingState,
} from './healing-policy'

/** Feeds inputs at the given times and collects every action. */
function run(inputs: Array<[number, HealingInput]>, start: HealingState = initialHealingState(true)) {
  let state = start
  const actions: HealingAction[] = []
  for (const [at, input] of inputs) {
    const step = healingStep(state, input, at)
    state = step.state
    actions.push(...step.actions)
  }
  return { state, actions, reconnects: actions.filter((a) => a.type === 'reconnect') }
}

const registered: HealingInput = { type: 'registration', state: 'registered' }
const connecting: HealingInput = { type: 'registration', state: 'connecting' }
const failed: HealingInput = { type: 'registration', state: 'failed' }

describe('healingStep', () => {
  it('unregisters on suspend and re-registers plus re-reads devices on resume', () => {
    const { actions, state } = run([
      [0, registered],
      [10, { type: 'suspend' }],
      [20, { type: 'registration', state: 'unregistered' }],
      [5_000, { type: 'resume' }],
    ])
    expect(actions).toEqual([
      { type: 'suspend-phone' },
      { type: 'reconnect', reason: 'resume', afterSleep: true },
      { type: 'refresh-devices', reapply: true },
    ])
    expect(state.phase).toBe(HealingPhase.Reconnecting)
  })

  it('reconnects once when resume, online and devicechange arrive together', () => {
    const { reconnects, state } = run([
      [0, registered],
      [1, { type: 'suspend' }],
      [100, { type: 'resume' }],
      [101, { type: 'online' }],
      [102, { type: 'unlock' }],
      [103, connecting],
      [150, { type: 'online' }],
      [180, registered],
      [181, { type: 'reconnect-settled', ok: true }],
    ])
    expect(reconnects).toHaveLength(1)
    expect(state.phase).toBe(HealingPhase.Idle)
    expect(state.queued).toBeNull()
  })

  it('waits for the network after a wake-up without one, then reconnects at once', () => {
    const { reconnects, state } = run([
      [0, registered],
      [1, { type: 'suspend' }],
      [2, { type: 'offline' }],
      [100, { type: 'resume' }],
    ])
    expect(reconnects).toHaveLength(0)
    expect(state.phase).toBe(HealingPhase.Offline)
    const after = healingStep(state, { type: 'online' }, 2_000)
    expect(after.actions).toContainEqual({ type: 'reconnect', reason: 'resume', afterSleep: true })
  })

  it('runs a kick that came in meanwhile as soon as the attempt fails', () => {
    const { reconnects } = run([
      [0, registered],
      [10, { type: 'resume' }],
      [20, { type: 'online' }],
      [30, failed],
    ])
    expect(reconnects.map((a) => a.reason)).toEqual(['resume', 'online'])
  })

  it('does not retry a failed attempt by itself when nothing new happened (the adapter backs off)', () => {
    const { reconnects } = run([
      [0, registered],
      [10, { type: 'resume' }],
      [30, failed],
      [40, { type: 'reconnect-settled', ok: true }],
    ])
    expect(reconnects).toHaveLength(1)
  })

  it('an online event after a failure reconnects immediately instead of waiting for the back-off', () => {
    const { reconnects } = run([
      [0, registered],
      [10, failed],
      [5_000, { type: 'online' }],
    ])
    expect(reconnects).toEqual([{ type: 'reconnect', reason: 'online', afterSleep: false }])
  })

  it('re-registers after the network dropped and came back, even if the phone still says registered', () => {
    const { reconnects, actions } = run([
      [0, registered],
      [10, { type: 'offline' }],
      [20, { type: 'online' }],
    ])
    expect(reconnects).toHaveLength(1)
    expect(actions).toContainEqual({ type: 'network', online: false })
  })

  it('leaves a registered phone alone on a stray online event', () => {
    expect(
      run([
        [0, registered],
        [10, { type: 'online' }],
      ]).reconnects,
    ).toHaveLength(0)
  })

  it('an offline event during a reconnect makes the next online redo it', () => {
    const { reconnects } = run([
      [0, registered],
      [10, { type: 'resume' }],
      [20, { type: 'offline' }],
      [30, failed],
      [500, { type: 'online' }],
    ])
    expect(reconnects).toHaveLength(2)
  })

  it('overtakes an attempt that has hung since before the network was usable', () => {
    const { reconnects } = run([
      [0, registered],
      [10, { type: 'resume' }],
      [20, connecting],
      [5_000, { type: 'online' }],
    ])
    expect(reconnects).toHaveLength(2)
  })

  it('leaves a signed-out phone alone', () => {
    const { actions } = run([
      [0, registered],
      [10, { type: 'registration', state: 'unregistered' }],
      [20, { type: 'suspend' }],
      [30, { type: 'resume' }],
      [40, { type: 'offline' }],
      [50, { type: 'online' }],
    ])
    expect(actions.filter((a) => a.type === 'reconnect' || a.type === 'suspend-phone')).toEqual([])
  })

  it('unlock: short lock only re-reads devices; long lock or a lost registration re-registers', () => {
    const short = run([
      [0, registered],
      [10, { type: 'lock' }],
      [5_000, { type: 'unlock' }],
    ])
    expect(short.reconnects).toHaveLength(0)
    expect(short.actions).toContainEqual({ type: 'refresh-devices', reapply: false })

    const long = run([
      [0, registered],
      [10, { type: 'lock' }],
      [120_000, { type: 'unlock' }],
    ])
    expect(long.reconnects).toEqual([{ type: 'reconnect', reason: 'unlock', afterSleep: false }])

    const lost = run([
      [0, registered],
      [1, failed],
      [10, { type: 'lock' }],
      [20, { type: 'unlock' }],
    ])
    expect(lost.reconnects).toHaveLength(1)
  })

  it('a rejected reconnect ends the attempt and runs a queued kick', () => {
    const { reconnects, state } = run([
      [0, registered],
      [10, { type: 'resume' }],
      [20, { type: 'online' }],
      [30, { type: 'reconnect-settled', ok: false }],
    ])
    expect(reconnects).toHaveLength(2)
    expect(state.phase).toBe(HealingPhase.Reconnecting)
  })
})
