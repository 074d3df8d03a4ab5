import { describe, expect, it } from 'vitest'
import type { Call } from './call'
import {
  answeredTimer,
  expiryDelayMs,
  incomingTimer,
  sessionExpiresOf,
  SessionTimers,
  MIN_SE_S,
} from './session-timer'
import { FakeClock } from '../testing/fake-clock'

const lookupOf = (headers: Record<string, string[]>) => (name: string) =>
  Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1] ?? []

describe('sessionExpiresOf', () => {
  it('reads the interval and the refresher, long or compact form', () => {
    expect(sessionExpiresOf(lookupOf({ 'Session-Expires': ['1800;refresher=uac'] }))).toEqual({
      intervalS: 1800,
      refresher: 'uac',
    })
    expect(sessionExpiresOf(lookupOf({ x: ['90 ; refresher = UAS'] }))).toEqual({
      intervalS: 90,
      refresher: 'uas',
    })
    expect(sessionExpiresOf(lookupOf({ 'Session-Expires': ['600'] }))).toEqual({ intervalS: 600 })
  })

  it('ignores absent, zero and unreadable values', () => {
    expect(sessionExpiresOf(lookupOf({}))).toBeNull()
    expect(sessionExpiresOf(lookupOf({ 'Session-Expires': ['0'] }))).toBeNull()
    expect(sessionExpiresOf(lookupOf({ 'Session-Expires': ['soon'] }))).toBeNull()
  })
})

describe('incomingTimer (RFC 4028 §9)', () => {
  it('refuses an interval below our Min-SE with 422 and Min-SE', () => {
    expect(incomingTimer(lookupOf({ 'Session-Expires': ['30'], Supported: ['timer'] }))).toEqual({
      kind: 'too-brief',
      headers: [`Min-SE: ${MIN_SE_S}`],
    })
  })

  it('keeps the caller as refresher when it supports timers and asks for nothing else', () => {
    expect(incomingTimer(lookupOf({ 'Session-Expires': ['90'], Supported: ['replaces, timer'] }))).toEqual({
      kind: 'agreed',
      terms: { intervalS: 90, weRefresh: false },
      headers: ['Session-Expires: 90;refresher=uac', 'Require: timer'],
    })
  })

  it('refreshes itself when the caller asks it to, or cannot refresh (no timer support)', () => {
    expect(
      incomingTimer(lookupOf({ 'Session-Expires': ['120;refresher=uas'], Supported: ['timer'] })),
    ).toMatchObject({
      terms: { intervalS: 120, weRefresh: true },
      headers: ['Session-Expires: 120;refresher=uas', 'Require: timer'],
    })
    expect(incomingTimer(lookupOf({ 'Session-Expires': ['1800;refresher=uac'] }))).toEqual({
      kind: 'agreed',
      terms: { intervalS: 1800, weRefresh: true },
      headers: ['Session-Expires: 1800;refresher=uas'],
    })
  })

  it('means no timer when none was asked for', () => {
    expect(incomingTimer(lookupOf({ Supported: ['timer'] }))).toEqual({ kind: 'none' })
  })
})

describe('answeredTimer', () => {
  it('reads who refreshes from the 2xx to our INVITE', () => {
    expect(answeredTimer(lookupOf({ 'Session-Expires': ['90;refresher=uac'] }))).toEqual({
      intervalS: 90,
      weRefresh: true,
    })
    expect(answeredTimer(lookupOf({ 'Session-Expires': ['90;refresher=uas'] }))).toEqual({
      intervalS: 90,
      weRefresh: false,
    })
    expect(answeredTimer(lookupOf({}))).toBeNull()
  })
})

function fakeCall(id = 'c1'): Call {
  return { id, isEnded: false } as unknown as Call
}

describe('SessionTimers', () => {
  const setUp = () => {
    const clock = new FakeClock()
    const refreshes: string[][] = []
    const expired: string[] = []
    const timers = new SessionTimers(clock, {
      refresh: (_call, headers) => refreshes.push(headers),
      expire: (call) => expired.push(call.id),
    })
    return { clock, refreshes, expired, timers }
  }

  it('refreshes every half interval while we are the refresher', async () => {
    const { clock, refreshes, expired, timers } = setUp()
    timers.start(fakeCall(), { intervalS: 90, weRefresh: true })
    await clock.advance(44_999)
    expect(refreshes).toEqual([])
    await clock.advance(1)
    expect(refreshes).toEqual([['Session-Expires: 90;refresher=uac']])
    await clock.advance(45_000)
    expect(refreshes).toHaveLength(2)
    expect(expired).toEqual([])
  })

  it('ends the session when the far end does not refresh in time, and not while it does', async () => {
    const { clock, expired, timers } = setUp()
    const call = fakeCall()
    timers.start(call, { intervalS: 90, weRefresh: false })
    expect(expiryDelayMs(90)).toBe(60_000)
    await clock.advance(50_000)
    timers.refreshed(call, lookupOf({ 'Session-Expires': ['90;refresher=uac'] }))
    await clock.advance(50_000)
    expect(expired).toEqual([])
    await clock.advance(10_000)
    expect(expired).toEqual(['c1'])
  })

  it('takes over refreshing when their refresh says refresher=uas', async () => {
    const { clock, refreshes, timers } = setUp()
    const call = fakeCall()
    timers.start(call, { intervalS: 90, weRefresh: false })
    timers.refreshed(call, lookupOf({ 'Session-Expires': ['100;refresher=uas'] }))
    await clock.advance(50_000)
    expect(refreshes).toEqual([['Session-Expires: 100;refresher=uac']])
  })

  it('an incoming call answers with the agreed headers and runs the timer from the answer', async () => {
    const { clock, refreshes, timers } = setUp()
    const call = fakeCall()
    const agreed = incomingTimer(lookupOf({ 'Session-Expires': ['90;refresher=uas'], Supported: ['timer'] }))
    if (agreed.kind !== 'agreed') throw new Error('not agreed')
    timers.agree(call, agreed)
    expect(timers.answerHeaders(call)).toEqual(['Session-Expires: 90;refresher=uas', 'Require: timer'])
    await clock.advance(60_000)
    expect(refreshes).toEqual([])
    timers.answered(call)
    await clock.advance(45_000)
    expect(refreshes).toHaveLength(1)
  })

  it('stops with the call', async () => {
    const { clock, refreshes, expired, timers } = setUp()
    const call = fakeCall()
    timers.start(call, { intervalS: 90, weRefresh: true })
    timers.stop(call)
    await clock.advance(200_000)
    expect([refreshes, expired]).toEqual([[], []])
  })
})
