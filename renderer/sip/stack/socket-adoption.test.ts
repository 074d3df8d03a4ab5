import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { UserAgent } from 'sip.js'
import { userAgentConfig } from '../account'
import { sipServerUrl } from '../server-url'
import { Registration } from '../registration'
import type { RegistrationStatus, SipAccount } from '../types'
import { FakeClock } from '../../testing/fake-clock'
import { FakeWebSocket } from '../../testing/fake-web-socket'
import { EarlySocket } from './early-socket'
import { realSipStack } from './sipjs'

/**
 * The early socket end to end on a real SIP.js user agent (our transport, our wrappers) driven
 * by the adapter's Registration: what the window's entry opened is what the first REGISTER
 * leaves on, and every later connection is a socket of its own.
 */
const account: SipAccount = {
  displayName: 'Alice',
  sipAddress: '3901@parley.test',
  authUser: '',
  password: 'secret',
  // spaces as a user may have typed them: the entry and the user agent read the URL one way
  wsServer: '  ws://127.0.0.1:9/ws ',
  outboundProxy: '',
  iceServers: [],
}

let statuses: RegistrationStatus[]
let logged: string[]
let traced: string[]
let clock: FakeClock

beforeEach(() => {
  statuses = []
  logged = []
  traced = []
  clock = new FakeClock()
  FakeWebSocket.opened = []
  vi.stubGlobal('WebSocket', FakeWebSocket.asGlobal())
})

afterEach(() => {
  vi.unstubAllGlobals()
})

/** The entry's early socket for `account`, and the registration the phone would run. */
function start() {
  const early = new EarlySocket()
  early.open(sipServerUrl(account))
  const socket = FakeWebSocket.opened[0]
  if (!socket) throw new Error('no early socket')
  FakeWebSocket.opened = []
  const registration = new Registration({
    stack: realSipStack,
    clock,
    random: () => 1,
    emitStatus: (status) => statuses.push(status),
    userAgentConfig: (connecting, transportDelegate) => {
      const uri = UserAgent.makeURI('sip:3901@parley.test')
      if (!uri) throw new Error('uri')
      return userAgentConfig({
        account: connecting,
        uri,
        contactName: 'c0ntact',
        viaHost: 'v1a.invalid',
        delegate: transportDelegate,
        mediaHandlerFactory: () => {
          throw new Error('unused')
        },
        mediaHandlerFactoryOptions: { iceGatheringTimeout: 500, peerConnectionConfiguration: {} },
        trace: (direction, text) => traced.push(`${direction} ${text.split(' ')[0]}`),
        openedSocket: early.take,
      })
    },
    log: (text) => logged.push(text),
  })
  return { socket, registration }
}

/** The registrar's 200 OK to `register` (as sent), keeping its Contact for 300 s. */
function okTo(register: string): string {
  const lines = register.split('\r\n')
  const copied = (name: string) => lines.filter((line) => line.toLowerCase().startsWith(`${name}:`))
  const contact = (copied('contact')[0] ?? '').replace(/;expires=\d+/, '')
  return [
    'SIP/2.0 200 OK',
    ...copied('via'),
    ...copied('from'),
    ...copied('to').map((to) => `${to};tag=registrar`),
    ...copied('call-id'),
    ...copied('cseq'),
    `${contact};expires=300`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n')
}

const states = () => statuses.map((s) => (s.state === 'failed' ? `failed:${s.reason}` : s.state))

describe('the early socket, adopted by a real SIP.js user agent', () => {
  it('sends the first REGISTER on the socket the entry opened, and opens no second one', async () => {
    const { socket, registration } = start()
    socket.open() // its handshake ended while the phone's code was evaluated
    const connected = registration.connect(account)
    await vi.waitFor(() => expect(socket.sent).toHaveLength(1))
    expect(socket.sent[0]).toMatch(/^REGISTER sip:parley\.test SIP\/2\.0\r\n/)
    expect(socket.sent[0]).toMatch(/^Via: SIP\/2\.0\/WS v1a\.invalid;/m)
    expect(traced).toEqual(['sent REGISTER'])
    socket.receive(okTo(socket.sent[0] ?? ''))
    await connected
    expect(states()).toEqual(['connecting', 'registered'])
    expect(traced).toEqual(['sent REGISTER', 'received SIP/2.0'])
    expect(FakeWebSocket.opened).toEqual([])
    expect(logged).toEqual([])
  })

  it('waits for a socket still opening, then registers on it', async () => {
    const { socket, registration } = start()
    const connected = registration.connect(account)
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(socket.sent).toEqual([])
    socket.open()
    await vi.waitFor(() => expect(socket.sent).toHaveLength(1))
    socket.receive(okTo(socket.sent[0] ?? ''))
    await connected
    expect(states()).toEqual(['connecting', 'registered'])
    expect(FakeWebSocket.opened).toEqual([])
  })

  it('a socket that failed before it was adopted: the attempt fails as unreachable, logged once, and the retry opens a fresh one', async () => {
    const { socket, registration } = start()
    socket.fail(1006)
    await registration.connect(account)
    expect(states()).toEqual(['connecting', 'failed:unreachable'])
    expect(statuses[1]).toMatchObject({ retryAt: clock.now() + 500 })
    expect(logged).toEqual([
      'connecting to the server failed: WebSocket ws://127.0.0.1:9/ws closed before it was used',
    ])
    expect(FakeWebSocket.opened).toEqual([])
    await clock.advance(500)
    const fresh = FakeWebSocket.opened[0]
    expect(fresh?.url).toBe('ws://127.0.0.1:9/ws')
    fresh?.open()
    await vi.waitFor(() => expect(fresh?.sent).toHaveLength(1))
    expect(fresh?.sent[0]).toMatch(/^REGISTER /)
  })

  it('reconnect() (keepalive, network back) drops the adopted socket for a fresh one', async () => {
    const { socket, registration } = start()
    socket.open()
    const connected = registration.connect(account)
    await vi.waitFor(() => expect(socket.sent).toHaveLength(1))
    socket.receive(okTo(socket.sent[0] ?? ''))
    await connected
    const reconnected = registration.reconnect('keepalive')
    await vi.waitFor(() => expect(FakeWebSocket.opened).toHaveLength(1))
    expect(socket.closeCalls).toEqual([1000])
    const fresh = FakeWebSocket.opened[0]
    fresh?.open()
    await vi.waitFor(() => expect(fresh?.sent).toHaveLength(1))
    fresh?.receive(okTo(fresh.sent[0] ?? ''))
    await reconnected
    expect(states()).toEqual(['connecting', 'registered', 'connecting', 'registered'])
  })
})
