import { describe, expect, it } from 'vitest'
import { FakeClock } from '../../testing/fake-clock'
import { FakeWebSocket } from '../../testing/fake-web-socket'
import { EarlySocket } from './early-socket'

const server = 'wss://pbx.example/ws'

function early(unusedAfterMs = 5000) {
  const clock = new FakeClock()
  const opened: FakeWebSocket[] = []
  const logged: string[] = []
  const socket = new EarlySocket({
    openSocket: (url) => {
      const made = new FakeWebSocket(url, 'sip')
      opened.push(made)
      return made as unknown as WebSocket
    },
    setTimeout: (fn, ms) => clock.setTimeout(fn, ms),
    clearTimeout: (handle) => clock.clearTimeout(handle),
    unusedAfterMs,
    log: (text) => logged.push(text),
  })
  return { socket, clock, opened, logged }
}

describe('EarlySocket', () => {
  it('hands the socket to the first connection to its server, once', () => {
    const { socket, opened, logged, clock } = early()
    socket.open(server)
    expect(opened.map((s) => s.url)).toEqual([server])
    expect(socket.take(server)).toBe(opened[0])
    expect(socket.take(server)).toBeUndefined()
    expect(clock.pending()).toEqual([])
    expect(opened[0]?.closeCalls).toEqual([])
    expect(logged).toEqual([])
  })

  it('closes it for a connection to another server, which opens its own', () => {
    const { socket, opened, logged } = early()
    socket.open(server)
    expect(socket.take('wss://other.example/ws')).toBeUndefined()
    expect(opened[0]?.closeCalls).toEqual([1000])
    expect(socket.take(server)).toBeUndefined()
    expect(logged).toEqual(['the early SIP connection was to another server: closed'])
  })

  it('closes a socket no connection took within unusedAfterMs', async () => {
    const { socket, opened, clock, logged } = early(5000)
    socket.open(server)
    await clock.advance(4999)
    expect(opened[0]?.closeCalls).toEqual([])
    await clock.advance(1)
    expect(opened[0]?.closeCalls).toEqual([1000])
    expect(socket.take(server)).toBeUndefined()
    expect(logged).toEqual(['the early SIP connection was not used: closed'])
  })

  it('opens once; a URL the browser refuses opens nothing (the phone reports it)', () => {
    const refusing = new EarlySocket({
      openSocket: () => {
        throw new SyntaxError('bad URL')
      },
    })
    refusing.open('wss://bad')
    expect(refusing.take('wss://bad')).toBeUndefined()
    const { socket, opened } = early()
    socket.open(server)
    socket.open(server)
    expect(opened).toHaveLength(1)
  })

  it('without one, a connection gets nothing to adopt', () => {
    expect(early().socket.take(server)).toBeUndefined()
  })
})
