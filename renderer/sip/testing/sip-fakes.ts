/**
 * Fakes for the few SIP.js members the adapter touches. They record what the adapter asked
 * for and let a test play the network's part (answer a REGISTER, drop the socket, send a BYE).
 */
import type { Inviter, Registerer, UserAgent, UserAgentOptions } from 'sip.js'
import type { SipStack } from '../sip-stack'
import { FakePeerConnection } from './media-fakes'

type Listener<T> = (value: T) => void

export class FakeEmitter<T> {
  private listeners = new Set<Listener<T>>()
  addListener(listener: Listener<T>): void {
    this.listeners.add(listener)
  }
  removeListener(listener: Listener<T>): void {
    this.listeners.delete(listener)
  }
  emit(value: T): void {
    for (const l of [...this.listeners]) l(value)
  }
}

export interface ResponseLike {
  message: { statusCode?: number; reasonPhrase?: string }
}

export interface RequestDelegateLike {
  onAccept?(response: ResponseLike): void
  onReject?(response: ResponseLike): void
  onProgress?(response: ResponseLike): void
}

export function response(statusCode: number, reasonPhrase = ''): ResponseLike {
  return { message: { statusCode, reasonPhrase } }
}

export class FakeTransport {
  disconnects = 0
  constructor(private readonly onDisconnect: () => void) {}
  /** Like SIP.js: the state leaves Connected synchronously; the close handshake is not awaited. */
  disconnect(): Promise<void> {
    this.disconnects++
    this.onDisconnect()
    return new Promise(() => {})
  }
}

export class FakeUserAgent {
  state: 'Started' | 'Stopped' = 'Stopped'
  connected = false
  /** What connect attempts do: resolve (server up) or reject (unreachable). */
  reachable = true
  starts = 0
  reconnects = 0
  stops = 0
  delegate: UserAgentOptions['delegate']
  readonly transport = new FakeTransport(() => (this.connected = false))
  readonly configuration: { uri: { toString(): string } }
  constructor(readonly options: UserAgentOptions) {
    this.delegate = options.delegate
    this.configuration = { uri: { toString: () => String(options.uri) } }
  }
  isConnected(): boolean {
    return this.connected
  }
  async start(): Promise<void> {
    this.starts++
    this.state = 'Started'
    return this.connect()
  }
  async reconnect(): Promise<void> {
    this.reconnects++
    return this.connect()
  }
  async stop(): Promise<void> {
    this.stops++
    this.state = 'Stopped'
    this.connected = false
  }
  /** The WebSocket closes under us. */
  drop(): void {
    this.connected = false
    this.delegate?.onDisconnect?.(new Error('WebSocket closed (code: 1006)'))
  }
  private async connect(): Promise<void> {
    if (!this.reachable) throw new Error('WebSocket connection failed')
    this.connected = true
  }
}

export class FakeRegisterer {
  state: 'Initial' | 'Registered' | 'Unregistered' | 'Terminated' = 'Initial'
  readonly stateChange = new FakeEmitter<string>()
  readonly registers: RequestDelegateLike[] = []
  readonly unregisters: RequestDelegateLike[] = []
  /** Default answer to REGISTER; null leaves it pending for the test to answer. */
  autoAnswer: number | null = 200
  pendingError: Error | null = null
  constructor(readonly ua: FakeUserAgent) {}
  async register(options: { requestDelegate?: RequestDelegateLike } = {}): Promise<unknown> {
    if (this.pendingError) throw this.pendingError
    const delegate = options.requestDelegate ?? {}
    this.registers.push(delegate)
    if (this.autoAnswer !== null) this.answer(this.autoAnswer)
    return {}
  }
  answer(code: number, delegate = this.registers.at(-1)): void {
    if (code >= 200 && code < 300) {
      this.setState('Registered')
      delegate?.onAccept?.(response(code, 'OK'))
    } else {
      this.setState('Unregistered')
      delegate?.onReject?.(response(code, code === 401 ? 'Unauthorized' : 'Failed'))
    }
  }
  async unregister(options: { requestDelegate?: RequestDelegateLike } = {}): Promise<unknown> {
    this.unregisters.push(options.requestDelegate ?? {})
    this.setState('Unregistered')
    options.requestDelegate?.onAccept?.(response(200, 'OK'))
    return {}
  }
  setState(state: FakeRegisterer['state']): void {
    if (this.state === state) return
    this.state = state
    this.stateChange.emit(state)
  }
}

export class FakeStack implements SipStack {
  readonly userAgents: FakeUserAgent[] = []
  readonly registerers: FakeRegisterer[] = []
  readonly inviters: Array<{ target: string; options: unknown; session: unknown }> = []
  /** Configure each new UA (e.g. unreachable server). */
  onUserAgent: (ua: FakeUserAgent) => void = () => {}
  onRegisterer: (registerer: FakeRegisterer) => void = () => {}
  createInviterSession: (target: string, options: unknown) => unknown = () => {
    throw new Error('no inviter factory')
  }
  createUserAgent(options: UserAgentOptions): UserAgent {
    const ua = new FakeUserAgent(options)
    this.onUserAgent(ua)
    this.userAgents.push(ua)
    return ua as unknown as UserAgent
  }
  createRegisterer(userAgent: UserAgent): Registerer {
    const registerer = new FakeRegisterer(userAgent as unknown as FakeUserAgent)
    this.onRegisterer(registerer)
    this.registerers.push(registerer)
    return registerer as unknown as Registerer
  }
  createInviter(_ua: UserAgent, target: { toString(): string }, options: unknown): Inviter {
    const session = this.createInviterSession(target.toString(), options)
    this.inviters.push({ target: target.toString(), options, session })
    return session as Inviter
  }
  makeUri(text: string) {
    if (!/^sips?:[^\s]+$/.test(text)) return undefined
    return { toString: () => text, user: /^sips?:([^@]*)@/.exec(text)?.[1] } as never
  }
  createSdhFactory() {
    return (() => ({ peerConnection: new FakePeerConnection() })) as never
  }
  get lastUa(): FakeUserAgent {
    const ua = this.userAgents.at(-1)
    if (!ua) throw new Error('no user agent yet')
    return ua
  }
  get lastRegisterer(): FakeRegisterer {
    const registerer = this.registerers.at(-1)
    if (!registerer) throw new Error('no registerer yet')
    return registerer
  }
}
