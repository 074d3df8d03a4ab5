import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TransportState } from 'sip.js'
import { FakeWebSocket } from '../../testing/fake-web-socket'
import { SocketTransport, type SocketTransportOptions } from './socket-transport'

const server = 'wss://pbx.example/ws'

/** A transport on fake sockets; `adopt` is what the early socket source hands its connections. */
function transportWith(adopt?: FakeWebSocket | null, options: Partial<SocketTransportOptions> = {}) {
  const warnings: string[] = []
  let offered = adopt ?? undefined
  const asked: string[] = []
  const transport = new SocketTransport(
    { warn: (text) => warnings.push(text) },
    {
      server,
      connectionTimeout: 4,
      openedSocket:
        adopt === null
          ? undefined
          : (url) => {
              asked.push(url)
              const socket = offered
              offered = undefined
              return socket as unknown as WebSocket | undefined
            },
      ...options,
    },
  )
  const states: TransportState[] = []
  transport.stateChange.addListener((state) => states.push(state))
  const disconnects: (Error | undefined)[] = []
  transport.onDisconnect = (error) => disconnects.push(error)
  const messages: string[] = []
  transport.onMessage = (text) => messages.push(text)
  return { transport, warnings, states, disconnects, messages, asked }
}

/** A socket the entry opened earlier (not counted as one the transport opened). */
function earlySocket(): FakeWebSocket {
  const socket = new FakeWebSocket(server, 'sip')
  FakeWebSocket.opened = []
  return socket
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  FakeWebSocket.opened = []
  vi.stubGlobal('WebSocket', FakeWebSocket.asGlobal())
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('SocketTransport: its own connections', () => {
  it('opens a WebSocket with the sip subprotocol and is connected once it opens', async () => {
    const { transport, states, asked } = transportWith()
    const connected = transport.connect()
    expect(transport.state).toBe(TransportState.Connecting)
    const [socket] = FakeWebSocket.opened
    expect(socket?.url).toBe(server)
    expect(socket?.protocols).toBe('sip')
    expect(socket?.binaryType).toBe('arraybuffer')
    expect(asked).toEqual([server])
    socket?.open()
    await connected
    expect(transport.isConnected()).toBe(true)
    expect(states).toEqual([TransportState.Connecting, TransportState.Connected])
    expect(transport.protocol).toBe('WSS')
  })

  it('refuses a server URL that is not ws:// or wss:// when built (the account cannot be used)', () => {
    expect(() => transportWith(null, { server: 'http://pbx.example/ws' })).toThrow(
      /Invalid WebSocket server URL/,
    )
    expect(() => transportWith(null, { server: 'not a url' })).toThrow(/Invalid WebSocket server URL/)
    expect(() => transportWith(null, { server: 'wss://pbx.example/ws#top' })).toThrow(
      /Invalid WebSocket server URL/,
    )
    expect(transportWith(null, { server: 'ws://127.0.0.1:8080' }).transport.protocol).toBe('WS')
  })

  it('rejects a send before it is connected, and sends on the socket once it is', async () => {
    const { transport } = transportWith()
    await expect(transport.send('OPTIONS')).rejects.toThrow('Not connected.')
    const connected = transport.connect()
    await expect(transport.send('OPTIONS')).rejects.toThrow('Not connected.')
    FakeWebSocket.opened[0]?.open()
    await connected
    await transport.send('REGISTER')
    expect(FakeWebSocket.opened[0]?.sent).toEqual(['REGISTER'])
  })

  it('hands received text to onMessage; drops CRLF keep-alive answers; decodes binary frames', async () => {
    const { transport, messages } = transportWith()
    const connected = transport.connect()
    const socket = FakeWebSocket.opened[0]
    socket?.open()
    await connected
    socket?.receive('SIP/2.0 200 OK\r\n\r\n')
    socket?.receive('\r\n\r\n')
    socket?.receive(new TextEncoder().encode('NOTIFY sip:a SIP/2.0\r\n\r\n').buffer as ArrayBuffer)
    expect(messages).toEqual(['SIP/2.0 200 OK\r\n\r\n', 'NOTIFY sip:a SIP/2.0\r\n\r\n'])
  })

  it('logs a message with no SIP text in it (empty), once, and drops it', async () => {
    const { transport, messages, warnings } = transportWith()
    const connected = transport.connect()
    const socket = FakeWebSocket.opened[0]
    socket?.open()
    await connected
    socket?.receive('')
    expect(messages).toEqual([])
    expect(warnings).toEqual(['a WebSocket message with no SIP text in it was dropped'])
  })

  it('a socket that cannot connect rejects connect() with its close code; no onDisconnect', async () => {
    const { transport, states, disconnects } = transportWith()
    const connected = transport.connect()
    FakeWebSocket.opened[0]?.fail(1006)
    await expect(connected).rejects.toThrow(`WebSocket ${server} closed (code: 1006)`)
    expect(states).toEqual([TransportState.Connecting, TransportState.Disconnected])
    expect(disconnects).toEqual([])
  })

  it('a drop while connected: onDisconnect with an error, logged once', async () => {
    const { transport, disconnects, warnings } = transportWith()
    const connected = transport.connect()
    FakeWebSocket.opened[0]?.open()
    await connected
    FakeWebSocket.opened[0]?.fail(1006)
    expect(transport.state).toBe(TransportState.Disconnected)
    expect(disconnects).toHaveLength(1)
    expect(disconnects[0]?.message).toBe(`WebSocket ${server} closed (code: 1006)`)
    expect(warnings).toEqual([`WebSocket ${server} closed (code: 1006)`])
  })

  it('disconnect(): onDisconnect without an error, resolved once the socket has closed', async () => {
    const { transport, disconnects, states, warnings } = transportWith()
    const connected = transport.connect()
    FakeWebSocket.opened[0]?.open()
    await connected
    const disconnected = transport.disconnect()
    expect(transport.state).toBe(TransportState.Disconnecting)
    expect(FakeWebSocket.opened[0]?.closeCalls).toEqual([1000])
    await disconnected
    expect(states.slice(2)).toEqual([TransportState.Disconnecting, TransportState.Disconnected])
    expect(disconnects).toEqual([undefined])
    expect(warnings).toEqual([])
  })

  it('disconnect() while connecting: connect() rejects, the socket is closed, disconnect() resolves', async () => {
    const { transport, disconnects } = transportWith()
    const connected = transport.connect()
    const disconnected = transport.disconnect()
    await expect(connected).rejects.toThrow('Connect aborted.')
    await disconnected
    expect(transport.state).toBe(TransportState.Disconnected)
    expect(FakeWebSocket.opened[0]?.closeCalls).toEqual([1000])
    expect(disconnects).toEqual([])
  })

  it('times out a socket that does not open within connectionTimeout, and closes it', async () => {
    vi.useFakeTimers()
    const { transport } = transportWith()
    const connected = transport.connect()
    const failed = expect(connected).rejects.toThrow(`WebSocket ${server} did not open within 4 s`)
    await vi.advanceTimersByTimeAsync(3999)
    expect(transport.state).toBe(TransportState.Connecting)
    await vi.advanceTimersByTimeAsync(1)
    await failed
    expect(transport.state).toBe(TransportState.Disconnected)
    expect(FakeWebSocket.opened[0]?.closeCalls).toEqual([1000])
    // its late close event changes nothing
    await vi.advanceTimersByTimeAsync(10)
    expect(transport.state).toBe(TransportState.Disconnected)
  })

  it('a connect() while disconnecting opens a fresh socket; the old one is no longer heard', async () => {
    const { transport, messages } = transportWith()
    const first = transport.connect()
    const old = FakeWebSocket.opened[0]
    old?.open()
    await first
    const disconnected = transport.disconnect()
    const again = transport.connect()
    await expect(disconnected).rejects.toThrow('Disconnect aborted.')
    expect(FakeWebSocket.opened).toHaveLength(2)
    old?.receive('SIP/2.0 200 OK\r\n\r\n')
    FakeWebSocket.opened[1]?.open()
    await again
    await settle() // the old socket's close event
    expect(transport.isConnected()).toBe(true)
    expect(messages).toEqual([])
  })
})

describe('SocketTransport: adopting the socket the entry opened', () => {
  it('adopts a socket still connecting: no second socket, connected when it opens', async () => {
    const early = earlySocket()
    const { transport } = transportWith(early)
    const connected = transport.connect()
    expect(FakeWebSocket.opened).toEqual([])
    expect(early.binaryType).toBe('arraybuffer')
    early.open()
    await connected
    await transport.send('REGISTER')
    expect(early.sent).toEqual(['REGISTER'])
  })

  it('adopts a socket already open: connected at once (after connect() returned Connecting)', async () => {
    const early = earlySocket()
    early.open()
    const { transport, states } = transportWith(early)
    const connected = transport.connect()
    expect(transport.state).toBe(TransportState.Connecting)
    await connected
    expect(states).toEqual([TransportState.Connecting, TransportState.Connected])
    expect(FakeWebSocket.opened).toEqual([])
  })

  it('adopts a socket already closed: the attempt fails as a failed connection does, no socket opened', async () => {
    const early = earlySocket()
    early.fail(1006)
    const { transport, disconnects } = transportWith(early)
    await expect(transport.connect()).rejects.toThrow(`WebSocket ${server} closed before it was used`)
    expect(transport.state).toBe(TransportState.Disconnected)
    expect(FakeWebSocket.opened).toEqual([])
    expect(disconnects).toEqual([])
  })

  it('adopts a socket that then fails: connect() rejects with its close code', async () => {
    const early = earlySocket()
    const { transport } = transportWith(early)
    const connected = transport.connect()
    early.fail(1006)
    await expect(connected).rejects.toThrow(`WebSocket ${server} closed (code: 1006)`)
    expect(FakeWebSocket.opened).toEqual([])
  })

  it('every later connection opens a fresh socket (reconnect after a drop)', async () => {
    const early = earlySocket()
    early.open()
    const { transport, asked } = transportWith(early)
    await transport.connect()
    early.fail(1006)
    const again = transport.connect()
    expect(asked).toEqual([server, server])
    expect(FakeWebSocket.opened).toHaveLength(1)
    expect(FakeWebSocket.opened[0]).not.toBe(early)
    FakeWebSocket.opened[0]?.open()
    await again
    expect(transport.isConnected()).toBe(true)
  })

  it('dispose() closes the adopted socket', async () => {
    const early = earlySocket()
    early.open()
    const { transport } = transportWith(early)
    await transport.connect()
    await transport.dispose()
    expect(early.closeCalls).toEqual([1000])
    expect(transport.state).toBe(TransportState.Disconnected)
  })
})
