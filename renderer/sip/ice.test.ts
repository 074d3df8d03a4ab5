import { describe, expect, it } from 'vitest'
import { candidateCompletesGathering, createIceCandidateHandler, iceServersFrom } from './ice'

const host = 'candidate:1 1 udp 2122260223 127.0.0.1 54321 typ host generation 0'
const hostTcp = 'candidate:2 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active'
const srflx = 'candidate:3 1 udp 1686052607 203.0.113.5 61000 typ srflx raddr 10.0.0.2 rport 61000'

describe('ICE gathering bound', () => {
  it('without ICE servers a UDP host candidate is enough', () => {
    expect(candidateCompletesGathering(host, false)).toBe(true)
    expect(candidateCompletesGathering(hostTcp, false)).toBe(false)
    expect(candidateCompletesGathering('garbage', false)).toBe(false)
  })

  it('with ICE servers it waits for a server-reflexive or relay candidate', () => {
    expect(candidateCompletesGathering(host, true)).toBe(false)
    expect(candidateCompletesGathering(srflx, true)).toBe(true)
  })

  it('completes once, shortly after the last sufficient candidate', () => {
    const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = []
    let completed = 0
    const handler = createIceCandidateHandler(() => completed++, {
      hasIceServers: false,
      settleMs: 15,
      setTimeout: (fn, ms) => {
        const t = { fn, ms, cleared: false }
        timers.push(t)
        return t
      },
      clearTimeout: (t) => {
        ;(t as { cleared: boolean }).cleared = true
      },
    })
    handler({ candidate: { candidate: hostTcp } })
    expect(timers).toHaveLength(0)
    handler({ candidate: { candidate: host } })
    handler({ candidate: { candidate: host.replace('127.0.0.1', '127.0.0.2') } })
    handler({ candidate: null })
    expect(timers).toHaveLength(2)
    expect(timers[0]?.cleared).toBe(true)
    expect(timers[1]?.ms).toBe(15)
    timers[1]?.fn()
    expect(completed).toBe(1)
  })
})

describe('iceServersFrom', () => {
  it('is empty by default: never a public STUN server', () => {
    expect(iceServersFrom([])).toEqual([])
    expect(iceServersFrom(undefined)).toEqual([])
  })
  it('reads stun and turn URLs with credentials and skips junk', () => {
    expect(
      iceServersFrom([
        'stun:stun.example:3478',
        'turn:user:p%40ss@turn.example:3478?transport=udp',
        'http://x',
      ]),
    ).toEqual([
      { urls: 'stun:stun.example:3478' },
      { urls: 'turn:turn.example:3478?transport=udp', username: 'user', credential: 'p@ss' },
    ])
  })
})
