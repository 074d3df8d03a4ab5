import { EmitterImpl, StateTransitionError, TransportState, type Transport } from 'sip.js'
import { openSipSocket, type OpenedSocketSource } from './early-socket'

/** What the transport writes to the stack's log (SIP.js hands its own logger in). */
interface TransportLogger {
  warn(content: string): void
}

export interface SocketTransportOptions {
  /** ws:// or wss:// URL of the server. */
  server: string
  /** Seconds a connection may take to open (SIP.js's option of the same name). */
  connectionTimeout: number
  /** A socket already opening to `server`, for a connection to take instead of opening one. */
  openedSocket?: OpenedSocketSource
}

// WebSocket.readyState (the constants are not on every global WebSocket, e.g. a test's fake)
const OPEN = 1
const CLOSING = 2

/**
 * The transport's states (SIP.js's `TransportState`), each transition guarded by `transition`:
 *
 *   Disconnected ──connect()──► Connecting ──open──► Connected
 *        ▲  ▲   failed, timed out   │  │                │  │
 *        │  └───────────────────────┘  │ disconnect()   │  │ dropped (error)
 *        │                             ▼                │  │
 *        └──── closed ───────── Disconnecting ◄─────────┘  │
 *        ▲                        │ connect(): Connecting  │
 *        └─────────────────────────────────────────────────┘
 */
const NEXT: Record<TransportState, readonly TransportState[]> = {
  [TransportState.Disconnected]: [TransportState.Connecting],
  [TransportState.Connecting]: [
    TransportState.Connected,
    TransportState.Disconnecting,
    TransportState.Disconnected,
  ],
  [TransportState.Connected]: [TransportState.Disconnecting, TransportState.Disconnected],
  [TransportState.Disconnecting]: [TransportState.Connecting, TransportState.Disconnected],
}

interface Pending {
  promise: Promise<void>
  resolve(): void
  reject(error: Error): void
}

function pending(): Pending {
  let resolve = () => {}
  let reject = (_error: Error) => {}
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  return { promise, resolve, reject }
}

/**
 * SIP.js's transport (its public `Transport` interface, given to the user agent as
 * `transportConstructor`): SIP over a WebSocket, as SIP.js's own web transport does it, except
 * that a connection first asks `openedSocket` for a socket already opening to its server (the
 * window's entry opens the saved account's early, issue 14) and adopts it whatever its state:
 * opening, open, or already closed (then the attempt fails as any failed connection does).
 * Every other connection opens a fresh socket. No CRLF keep-alives (keepalive.ts pings the
 * registrar with OPTIONS); the server's CRLF pongs are dropped.
 */
export class SocketTransport implements Transport {
  readonly protocol: string
  private readonly emitter = new EmitterImpl<TransportState>()
  private current = TransportState.Disconnected
  private transitioning = false
  private socket: WebSocket | undefined
  private connecting: Pending | undefined
  private disconnecting: Pending | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly server: string
  onConnect: (() => void) | undefined
  onDisconnect: ((error?: Error) => void) | undefined
  onMessage: ((message: string) => void) | undefined

  constructor(
    private readonly logger: TransportLogger,
    private readonly options: SocketTransportOptions,
  ) {
    this.server = options.server
    // refused here, as SIP.js refuses it: the account cannot be used (no retry)
    const protocol = webSocketProtocol(this.server)
    if (!protocol) throw new Error(`Invalid WebSocket server URL "${this.server}"`)
    this.protocol = protocol
  }

  get state(): TransportState {
    return this.current
  }

  get stateChange(): EmitterImpl<TransportState> {
    return this.emitter
  }

  isConnected(): boolean {
    return this.current === TransportState.Connected
  }

  connect(): Promise<void> {
    if (this.transitioning) return Promise.reject(this.loop(TransportState.Connecting))
    if (this.current === TransportState.Connected) return Promise.resolve()
    if (this.current === TransportState.Connecting && this.connecting) return this.connecting.promise
    const connecting = pending()
    this.connecting = connecting
    this.transition(TransportState.Connecting)
    this.adoptOrOpen()
    return connecting.promise
  }

  disconnect(): Promise<void> {
    if (this.transitioning) return Promise.reject(this.loop(TransportState.Disconnecting))
    if (this.current === TransportState.Disconnected) return Promise.resolve()
    if (this.current === TransportState.Disconnecting && this.disconnecting) return this.disconnecting.promise
    const disconnecting = pending()
    this.disconnecting = disconnecting
    const socket = this.socket
    this.transition(TransportState.Disconnecting)
    // the close event finishes it (the socket's close handshake); none to close: done now
    if (socket) socket.close(1000)
    else this.closed(undefined)
    return disconnecting.promise
  }

  dispose(): Promise<void> {
    return this.disconnect()
  }

  send(message: string): Promise<void> {
    const socket = this.socket
    if (this.current !== TransportState.Connected || !socket)
      return Promise.reject(new Error('Not connected.'))
    try {
      socket.send(message)
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error('WebSocket send failed.'))
    }
    return Promise.resolve()
  }

  /** The socket waiting for this server (taken once), or a new one; followed to open or close. */
  private adoptOrOpen(): void {
    let socket: WebSocket
    try {
      socket = this.options.openedSocket?.(this.server) ?? openSipSocket(this.server)
    } catch (error) {
      this.socket = undefined
      this.closed(error instanceof Error ? error : new Error(String(error)))
      return
    }
    this.socket = socket
    socket.binaryType = 'arraybuffer'
    socket.addEventListener('open', () => this.opened(socket))
    socket.addEventListener('close', (event) => {
      if (socket === this.socket) this.closed(this.closeError(`closed (code: ${event.code})`))
    })
    socket.addEventListener('message', (event: MessageEvent<unknown>) => this.received(socket, event.data))
    // an adopted socket may be open already, or closed: its events are gone, its state says it
    if (socket.readyState === OPEN) queueMicrotask(() => this.opened(socket))
    else if (socket.readyState >= CLOSING) {
      queueMicrotask(() => {
        if (socket === this.socket) this.closed(this.closeError('closed before it was used'))
      })
    } else {
      const seconds = this.options.connectionTimeout
      this.timer = setTimeout(() => {
        if (socket !== this.socket) return
        this.closed(new Error(`WebSocket ${this.server} did not open within ${seconds} s`))
        socket.close(1000)
      }, seconds * 1000)
    }
  }

  private opened(socket: WebSocket): void {
    if (socket === this.socket && this.current === TransportState.Connecting) {
      this.transition(TransportState.Connected)
    }
  }

  /** No error when we closed it ourselves (disconnect). */
  private closeError(what: string): Error | undefined {
    return this.disconnecting ? undefined : new Error(`WebSocket ${this.server} ${what}`)
  }

  /** The socket is gone: Disconnected, with the error when it was not ours to close. */
  private closed(error: Error | undefined): void {
    this.socket = undefined
    // the stack's log has it once: a drop here, a failed connection where connect() rejects
    if (error && this.current === TransportState.Connected) this.logger.warn(error.message)
    this.transition(TransportState.Disconnected, error)
  }

  private received(socket: WebSocket, data: unknown): void {
    if (socket !== this.socket || this.current !== TransportState.Connected) return
    const text = typeof data === 'string' ? data : data instanceof ArrayBuffer ? decode(data) : ''
    // a CRLF keep-alive answer (RFC 5626 §4.4.1): not a message
    if (/^(\r\n)+$/.test(text)) return
    if (!text) {
      this.logger.warn('a WebSocket message with no SIP text in it was dropped')
      return
    }
    this.onMessage?.(text)
  }

  /** The one guarded transition: state, the emitter, the callbacks, then the pending promises. */
  private transition(next: TransportState, error?: Error): void {
    if (this.transitioning) throw this.loop(next)
    const previous = this.current
    if (!NEXT[previous].includes(next)) throw new Error(`Invalid transport transition ${previous} → ${next}`)
    this.transitioning = true
    this.current = next
    const connecting = previous === TransportState.Connecting ? this.connecting : undefined
    const disconnecting = previous === TransportState.Disconnecting ? this.disconnecting : undefined
    if (connecting) this.connecting = undefined
    if (disconnecting) this.disconnecting = undefined
    clearTimeout(this.timer)
    this.timer = undefined
    try {
      this.emitter.emit(next)
      if (next === TransportState.Connected) this.onConnect?.()
      if (previous === TransportState.Connected) {
        if (error) this.onDisconnect?.(error)
        else this.onDisconnect?.()
      }
    } finally {
      this.transitioning = false
    }
    if (connecting) {
      if (next === TransportState.Connected) connecting.resolve()
      else connecting.reject(error ?? new Error('Connect aborted.'))
    }
    if (disconnecting) {
      if (next === TransportState.Disconnected) disconnecting.resolve()
      else disconnecting.reject(error ?? new Error('Disconnect aborted.'))
    }
  }

  private loop(next: TransportState): StateTransitionError {
    return new StateTransitionError(
      `Transport loop: ${this.current} → ${next} before the last transition ended`,
    )
  }
}

/**
 * The Via header's transport for a URL a WebSocket can be opened to ('WS', 'WSS'), else
 * undefined. The browser's URL parser, not SIP.js's grammar (the same answer for a WebSocket
 * URL): a first parse with the grammar cost ~5 ms on the way to the first REGISTER (issue 14).
 */
function webSocketProtocol(server: string): 'WS' | 'WSS' | undefined {
  let url: URL
  try {
    url = new URL(server)
  } catch {
    return undefined
  }
  // a fragment makes the WebSocket constructor throw
  if (server.includes('#')) return undefined
  if (url.protocol === 'ws:') return 'WS'
  if (url.protocol === 'wss:') return 'WSS'
  return undefined
}

function decode(data: ArrayBuffer): string {
  try {
    return new TextDecoder().decode(data)
  } catch {
    return ''
  }
}
