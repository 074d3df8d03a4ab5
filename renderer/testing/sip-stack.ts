/**
 * Fakes for the SIP stack port (stack/port.ts). They record what the adapter asked for and let a
 * test play the network's part (answer a REGISTER, drop the socket, send a BYE).
 */
import type {
  InDialogRefer,
  LocalMediaSource,
  PublishRequest,
  SubscribeRequest,
  SubscriptionHandlers,
  RegistrationState,
  SipInviter,
  SipRegisterer,
  SipSession,
  SipStack,
  SipUserAgent,
  UserAgentConfig,
} from '../sip/stack'
import { buildUserAgentOptions } from '../sip/stack/user-agent-options'
import { FakeEventTraffic } from './sip-events'
import {
  FakeEmitter,
  FakePooledConnection,
  FakeSdh,
  response,
  type FakeSession,
  type RequestDelegateLike,
} from './sip-session'

export {
  FakeEmitter,
  FakePooledConnection,
  FakeSdh,
  FakeSession,
  response,
  type InviteOptionsLike,
  type RequestDelegateLike,
  type ResponseLike,
} from './sip-session'

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
  delegate: UserAgentConfig['delegate'] | undefined
  readonly transport = new FakeTransport(() => (this.connected = false))
  readonly configuration: { uri: { toString(): string } }
  /** The SIP.js options the real port would build from the config. */
  readonly options: ReturnType<typeof buildUserAgentOptions>
  constructor(readonly config: UserAgentConfig) {
    this.delegate = config.delegate
    this.options = buildUserAgentOptions(config)
    this.configuration = { uri: { toString: () => String(config.uri) } }
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
  state: RegistrationState = 'Initial'
  readonly stateChange = new FakeEmitter<RegistrationState>()
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
  createUserAgent(config: UserAgentConfig): SipUserAgent {
    const ua = new FakeUserAgent(config)
    this.onUserAgent(ua)
    this.userAgents.push(ua)
    return ua
  }
  createRegisterer(userAgent: SipUserAgent): SipRegisterer {
    const registerer = new FakeRegisterer(userAgent as FakeUserAgent)
    this.onRegisterer(registerer)
    this.registerers.push(registerer)
    return registerer
  }
  createInviter(_ua: SipUserAgent, target: { toString(): string }, options: unknown): SipInviter {
    const session = this.createInviterSession(target.toString(), options)
    // like SIP.js: the Inviter takes its delegate from the options
    const delegate = (options as { delegate?: unknown } | undefined)?.delegate
    if (delegate && session && typeof session === 'object')
      (session as { delegate: unknown }).delegate = delegate
    this.inviters.push({ target: target.toString(), options, session })
    return session as SipInviter
  }
  /** Keepalive OPTIONS sent (target), and how the far end answers them (null: silence). */
  readonly pings: string[] = []
  pingAnswer: number | null = 200
  async ping(
    _ua: SipUserAgent,
    target: { toString(): string },
    delegate: RequestDelegateLike,
  ): Promise<unknown> {
    this.pings.push(target.toString())
    const code = this.pingAnswer
    if (code !== null)
      queueMicrotask(() => (code < 300 ? delegate.onAccept : delegate.onReject)?.(response(code)))
    return {}
  }
  mediaHandlerOf(session: SipSession) {
    return (session as unknown as FakeSession).sessionDescriptionHandler as never
  }
  /** Like the real port: our own headers plus the session's Contact. */
  async referInDialog(session: SipSession, refer: InDialogRefer): Promise<unknown> {
    const fake = session as unknown as FakeSession
    fake.refers.push({
      target: 'replaces',
      options: { onNotify: refer.onNotify, requestDelegate: refer.requestDelegate },
      headers: [...refer.extraHeaders, `Contact: ${fake.contact}`],
    })
    return {}
  }
  /** PUBLISHes and SUBSCRIBEs sent, for the test to answer (sip-events.ts). */
  readonly events = new FakeEventTraffic()
  publish(
    _ua: SipUserAgent,
    target: { toString(): string },
    request: PublishRequest,
    delegate: RequestDelegateLike,
  ) {
    this.events.publish(target.toString(), request, delegate)
  }
  subscribe(
    _ua: SipUserAgent,
    target: { toString(): string },
    request: SubscribeRequest,
    handlers: SubscriptionHandlers,
  ) {
    return this.events.subscribe(target.toString(), request, handlers)
  }
  makeUri(text: string) {
    if (!/^sips?:[^\s]+$/.test(text)) return undefined
    return { toString: () => text, user: /^sips?:([^@]*)@/.exec(text)?.[1] } as never
  }
  /** Every SDH the factory made, with what the adapter did to it. */
  readonly sdhs: FakeSdh[] = []
  /** Where the adapter said local audio and ready connections come from (the last factory's). */
  localMedia: LocalMediaSource | undefined
  /** Media handlers take a connection made ahead when one is ready (off unless a test asks). */
  handlersTakeReadyConnections = false
  createMediaHandlerFactory(source: LocalMediaSource) {
    this.localMedia = source
    return (() => {
      const ready = this.handlersTakeReadyConnections
        ? source.takePeerConnection?.({ iceServers: [] })
        : undefined
      const sdh = new FakeSdh(ready)
      this.sdhs.push(sdh)
      return sdh
    }) as never
  }
  /** How often the media engine was started ahead of the first call. */
  mediaEngineStarts = 0
  async startMediaEngine(): Promise<void> {
    this.mediaEngineStarts++
  }
  /** Every connection made ahead of a call, with its configuration and pool size. */
  readonly pooledConnections: FakePooledConnection[] = []
  createPeerConnection(configuration: RTCConfiguration, candidatePoolSize: number) {
    const connection = new FakePooledConnection(configuration, candidatePoolSize)
    this.pooledConnections.push(connection)
    return connection as never
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
