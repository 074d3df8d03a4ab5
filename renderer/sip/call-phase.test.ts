import { describe, expect, it } from 'vitest'
import { canTransition, transitionPhase } from './call-phase'
import { CallPhase } from './types'

const all = Object.values(CallPhase)

describe('call phase machine', () => {
  it('allows the documented paths', () => {
    expect(transitionPhase(CallPhase.Dialing, CallPhase.Alerting)).toBe(CallPhase.Alerting)
    expect(transitionPhase(CallPhase.Alerting, CallPhase.Active)).toBe(CallPhase.Active)
    expect(transitionPhase(CallPhase.Dialing, CallPhase.Active)).toBe(CallPhase.Active)
    expect(transitionPhase(CallPhase.Ringing, CallPhase.Active)).toBe(CallPhase.Active)
    expect(transitionPhase(CallPhase.Active, CallPhase.Held)).toBe(CallPhase.Held)
    expect(transitionPhase(CallPhase.Held, CallPhase.Active)).toBe(CallPhase.Active)
  })

  it('lets every live phase end', () => {
    for (const phase of all.filter((p) => p !== CallPhase.Ended)) {
      expect(canTransition(phase, CallPhase.Ended)).toBe(true)
    }
  })

  it('refuses illegal moves', () => {
    expect(transitionPhase(CallPhase.Ringing, CallPhase.Held)).toBeNull()
    expect(transitionPhase(CallPhase.Dialing, CallPhase.Held)).toBeNull()
    expect(transitionPhase(CallPhase.Held, CallPhase.Alerting)).toBeNull()
    expect(transitionPhase(CallPhase.Active, CallPhase.Ringing)).toBeNull()
    expect(transitionPhase(CallPhase.Alerting, CallPhase.Dialing)).toBeNull()
  })

  it('makes Ended terminal', () => {
    for (const phase of all) expect(canTransition(CallPhase.Ended, phase)).toBe(false)
  })

  it('refuses unknown phases instead of throwing', () => {
    expect(canTransition('bogus' as CallPhase, CallPhase.Active)).toBe(false)
  })
})
