/**
 * SIP over WebSocket (RFC 7118): a connection is a WebSocket with the 'sip' subprotocol. The one
 * place that opens one: the transport (socket-transport.ts) and the window's entry (below).
 * Imports nothing, so the entry can open a socket before SIP.js is even fetched (issue 14).
 */
export function openSipSocket(url: string): WebSocket {
  return new WebSocket(url, 'sip')
}

/** Where a connection takes a socket already opening to its server, if there is one. */
export type OpenedSocketSource = (server: string) => WebSocket | undefined

export interface EarlySocketDeps {
  openSocket(url: string): WebSocket
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  /** A socket nobody took by then is closed (the phone did not connect with it). */
  unusedAfterMs: number
  log(message: string): void
}

const browserDeps: EarlySocketDeps = {
  openSocket: openSipSocket,
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  unusedAfterMs: 5000,
  log: () => {},
}

/**
 * The saved account's WebSocket, opened by the window's entry as soon as it knows the account
 * signs in by itself, so its handshake overlaps the phone's code being fetched and evaluated
 * (docs/architecture.md "Start-up order"). The phone's first connection takes it (`take`) when
 * its server is the same; every later connection, and one to another server, opens its own.
 */
export class EarlySocket {
  private socket: WebSocket | undefined
  private url = ''
  private unusedTimer: unknown = undefined
  private readonly deps: EarlySocketDeps

  constructor(deps: Partial<EarlySocketDeps> = {}) {
    this.deps = { ...browserDeps, ...deps }
  }

  /** Opens the socket to `url` (once). A URL the browser refuses opens nothing: the phone's own
   *  connection then fails with it and says so, as without an early socket. */
  open(url: string): void {
    if (this.socket || this.url) return
    this.url = url
    try {
      this.socket = this.deps.openSocket(url)
    } catch {
      return
    }
    this.unusedTimer = this.deps.setTimeout(() => {
      this.unusedTimer = undefined
      if (this.closeUnused()) this.deps.log('the early SIP connection was not used: closed')
    }, this.deps.unusedAfterMs)
  }

  /**
   * The socket opened to `server`, once (whatever its state: the transport reads it); undefined
   * when there is none or it was taken. One opened to another server is closed.
   */
  readonly take: OpenedSocketSource = (server) => {
    if (this.url !== server) {
      if (this.closeUnused()) this.deps.log('the early SIP connection was to another server: closed')
      return undefined
    }
    const socket = this.socket
    this.socket = undefined
    this.stopTimer()
    return socket
  }

  /** Closes the socket no connection took; false when there was none. */
  private closeUnused(): boolean {
    const socket = this.socket
    this.socket = undefined
    this.stopTimer()
    socket?.close(1000)
    return socket !== undefined
  }

  private stopTimer(): void {
    if (this.unusedTimer !== undefined) this.deps.clearTimeout(this.unusedTimer)
    this.unusedTimer = undefined
  }
}
