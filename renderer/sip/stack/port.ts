/**
 * The SIP stack port: everything the adapter needs from a SIP stack, in our own words. Only
 * `stack/` knows which stack implements it (SIP.js 0.21 today, see `sipjs.ts`); a move to a fork
 * or to another stack rewrites this folder only. The members mirror SIP.js's public API where it
 * fits, so SIP.js objects satisfy them as they are (checked by the compiler in `sipjs.ts`).
 */

import type { RefusedNotify } from './notify-answers'
import type { RefusedRequest } from './refusal'
import type { OpenedSocketSource } from './early-socket'

export type { OpenedSocketSource, RefusedNotify, RefusedRequest }

export type SessionStatus = 'Initial' | 'Establishing' | 'Established' | 'Terminating' | 'Terminated'
export type RegistrationState = 'Initial' | 'Registered' | 'Unregistered' | 'Terminated'

export interface StateEmitter<T> {
  addListener(listener: (state: T) => void): void
  removeListener(listener: (state: T) => void): void
}

/** A received SIP message, as far as we read it. */
export interface SipMessage {
  getHeaders(name: string): string[]
  body?: unknown
}

export interface SipResponse {
  message: {
    statusCode?: number
    reasonPhrase?: string
    getHeaders(name: string): string[]
    /** The body as received ('' when none). */
    body?: string
  }
}

export interface RequestDelegate {
  onAccept?(response: SipResponse): void
  onReject?(response: SipResponse): void
  onProgress?(response: SipResponse): void
}

export interface SipUri {
  toString(): string
  readonly user?: string
}

/** Options for our side of the media negotiation (hold is a=sendonly). */
export interface MediaOptions {
  hold?: boolean
  iceGatheringTimeout?: number
  constraints?: { audio: boolean; video: boolean }
  offerOptions?: { iceRestart?: boolean }
}

export interface SdhHooks {
  onicecandidate?(event: { candidate: { candidate: string } | null }): void
  ontrack?(event: unknown): void
  oniceconnectionstatechange?(event: unknown): void
}

/** The media side of a session (a WebRTC peer connection and its remote stream). */
export interface MediaHandler {
  readonly peerConnection: RTCPeerConnection | undefined
  readonly remoteMediaStream: MediaStream
  iceGatheringComplete(): void
  peerConnectionDelegate: SdhHooks | undefined
}

export type MediaHandlerFactory = (session: SipSession, options?: object) => MediaHandler

/** Where the media handler gets a session's local audio and, when one is ready, its connection. */
export interface LocalMediaSource {
  /** The microphone for a session's first offer or answer. */
  open(session: SipSession): Promise<MediaStream>
  /**
   * The microphone (or attaching it) failed after the session's offer had gone out: an offer
   * does not wait for the microphone (see sipjs-media.ts), so the call has no audio of
   * ours and is the adapter's to end. A failure before the offer left fails the offer instead.
   */
  failedAfterOffer(session: SipSession, error: unknown): void
  /** A connection made ahead of time for this configuration (warm-peer.ts), if one is ready. */
  takePeerConnection?(configuration: RTCConfiguration): RTCPeerConnection | undefined
}

export interface Dialog {
  readonly callId: string
  readonly localTag: string
  readonly remoteTag: string
  readonly remoteTarget: SipUri
}

export interface IncomingNotify {
  readonly request: { readonly body: string }
  accept(): Promise<void>
}

export interface IncomingRefer {
  readonly referTo: { readonly uri: SipUri; readonly displayName?: string }
  readonly referredBy: string | undefined
  accept(): Promise<void>
  reject(options?: { statusCode?: number }): Promise<void>
  makeInviter(options: InviterOptions): SipInviter
}

export interface IncomingInfo {
  accept(): Promise<void>
}

export interface SessionDelegate {
  onRefer?(referral: IncomingRefer): void
  onInfo?(info: IncomingInfo): void
  onInvite?(
    request: { readonly body: unknown; getHeaders(name: string): string[] },
    response: unknown,
    statusCode: number,
  ): void
}

export interface InviteOptions {
  sessionDescriptionHandlerOptions?: MediaOptions
  requestDelegate?: RequestDelegate
  /** Headers of our own on the re-INVITE (a session refresh's Session-Expires). */
  requestOptions?: { extraHeaders?: string[] }
}

export interface InviterOptions {
  sessionDescriptionHandlerOptions?: MediaOptions
  delegate?: SessionDelegate
  /** Headers added to the INVITE (a pickup's Replaces and Require). */
  extraHeaders?: string[]
  /**
   * Play the far end's audio from the first early dialog with SDP (a 183's announcement or
   * ringback); with forking, the answering dialog's media wins (patched, see the README).
   */
  earlyMedia?: boolean
}

/** A call leg, ours (Inviter) or theirs (Invitation). */
export interface SipSession {
  readonly state: SessionStatus
  readonly stateChange: StateEmitter<SessionStatus>
  readonly dialog: Dialog | undefined
  readonly sessionDescriptionHandler: unknown
  delegate: SessionDelegate | undefined
  invite(options?: InviteOptions): Promise<unknown>
  info(options: {
    requestOptions: { body: { contentDisposition: string; contentType: string; content: string } }
  }): Promise<unknown>
  refer(
    target: SipUri,
    options: { requestDelegate?: RequestDelegate; onNotify?(notification: IncomingNotify): void },
  ): Promise<unknown>
  bye(): Promise<unknown>
  dispose(): Promise<void>
}

export interface SipInviter extends SipSession {
  cancel(): Promise<void>
}

export interface SipInvitation extends SipSession {
  readonly request: SipMessage
  readonly replacee: SipSession | undefined
  accept(options?: {
    sessionDescriptionHandlerOptions?: MediaOptions
    extraHeaders?: string[]
  }): Promise<void>
  reject(options?: { statusCode?: number; reasonPhrase?: string; extraHeaders?: string[] }): Promise<void>
}

/** A NOTIFY that belongs to no subscription of ours (the stack answers it unless we do). */
export interface StrayNotify {
  readonly request: { getHeader(name: string): string | undefined }
  reject(options?: { statusCode?: number }): Promise<void>
}

export interface UserAgentDelegate {
  onDisconnect?(error?: Error): void
  onInvite?(invitation: SipInvitation): void
  onNotify?(notification: StrayNotify): void
}

export interface SipUserAgent {
  readonly state: 'Started' | 'Stopped'
  readonly configuration: { readonly uri: SipUri }
  readonly transport: { disconnect(): Promise<void> }
  delegate: UserAgentDelegate | undefined
  isConnected(): boolean
  start(): Promise<void>
  reconnect(): Promise<void>
  stop(): Promise<void>
}

export interface SipRegisterer {
  readonly state: RegistrationState
  readonly stateChange: StateEmitter<RegistrationState>
  register(options?: { requestDelegate?: RequestDelegate }): Promise<unknown>
  unregister(options?: { requestDelegate?: RequestDelegate }): Promise<unknown>
}

/** What a user agent is built from (the account, already resolved). */
export interface UserAgentConfig {
  uri: SipUri
  displayName: string
  authorizationUsername: string
  authorizationPassword: string
  /** ws:// or wss:// URL */
  server: string
  /** A stable contact across reconnects, so a new REGISTER refreshes the same binding. */
  contactName: string
  viaHost: string
  /** Pre-loaded Route headers (outbound proxy), e.g. `<sip:proxy;lr>`. */
  routeSet: string[]
  mediaHandlerFactory: MediaHandlerFactory
  mediaHandlerFactoryOptions: { iceGatheringTimeout: number; peerConnectionConfiguration: RTCConfiguration }
  delegate: UserAgentDelegate
  /** The stack's own warnings and errors. */
  log?: (level: string, category: string, content: string) => void
  /** A request the stack could not parse was answered 400 by the port (the stack drops them). */
  onRefused?: (refused: RefusedRequest) => void
  /** A NOTIFY was answered with a refusal (by the stack or the port): one log line each. */
  onNotifyRefused?: (refused: RefusedNotify) => void
  /** Every SIP message as it crosses the transport, for the support trace. */
  trace?: SipTraceSink
  /**
   * A socket already opening to `server` (the window's entry opens the saved account's early,
   * issue 14): a connection takes it instead of opening one. Asked on every connection.
   */
  openedSocket?: OpenedSocketSource
}

/** Where the port hands each raw SIP message it sends or receives. */
export type SipTraceSink = (direction: 'sent' | 'received', text: string) => void

/** A REFER inside the dialog of `session` with headers of our own (Refer-To with Replaces). */
export interface InDialogRefer {
  extraHeaders: string[]
  requestDelegate: RequestDelegate
  onNotify(notification: IncomingNotify): void
}

/** An outgoing PUBLISH (RFC 3903): with a body it publishes (or modifies, with `etag`); without
 *  one it refreshes `etag`; `expires: 0` removes it. */
export interface PublishRequest {
  event: string
  expires: number
  etag?: string
  contentType?: string
  body?: string
}

/** An outgoing SUBSCRIBE that starts a subscription (RFC 6665). */
export interface SubscribeRequest {
  event: string
  expires: number
  /** The Accept header: the body types we understand. */
  accept: string
}

/** A NOTIFY received inside one of our subscriptions, with Subscription-State already read. */
export interface SubscriptionNotify {
  readonly contentType: string
  readonly body: string
  readonly state: 'pending' | 'active' | 'terminated'
  /** Subscription-State parameters: reason, expires (s), retry-after (s). */
  readonly reason: string | undefined
  readonly retryAfter: number | undefined
  accept(): void
  reject(statusCode: number): void
}

/** What a subscription reports: the final answer to its SUBSCRIBE, each NOTIFY, and its end. */
export interface SubscriptionHandlers {
  onResponse(response: SipResponse): void
  onNotify(notify: SubscriptionNotify): void
  /** The subscription is over without a NOTIFY saying so (no NOTIFY came, the dialog died). */
  onTerminated(): void
}

/** One subscription dialog (or the SUBSCRIBE that should start one). */
export interface SipSubscription {
  /** Seconds until it expires, as the notifier last said (0 before the first answer). */
  readonly expiresIn: number
  /** A refreshing SUBSCRIBE in the dialog; false when there is no dialog to refresh. */
  refresh(delegate: RequestDelegate): boolean
  /** SUBSCRIBE with Expires: 0 in the dialog (when there is one), then forgets it. */
  unsubscribe(): void
  /** Forgets it without a word to the notifier (its connection is gone). */
  dispose(): void
}

/** The only door to the SIP stack. Tests pass a fake one; production uses `realSipStack`. */
export interface SipStack {
  createUserAgent(config: UserAgentConfig): SipUserAgent
  createRegisterer(userAgent: SipUserAgent, options: { expires: number }): SipRegisterer
  createInviter(userAgent: SipUserAgent, target: SipUri, options: InviterOptions): SipInviter
  makeUri(text: string): SipUri | undefined
  /** The WebRTC media handler factory, drawing local audio (and ready connections) from `source`. */
  createMediaHandlerFactory(source: LocalMediaSource): MediaHandlerFactory
  /**
   * A peer connection configured as the media handler would configure it, gathering ICE into
   * a pool of `candidatePoolSize` at once (before any offer): for warm-peer.ts.
   */
  createPeerConnection(configuration: RTCConfiguration, candidatePoolSize: number): RTCPeerConnection
  /**
   * Makes one offer that is never sent, on a connection closed at once: a window's first offer
   * starts the browser's media engine (codecs, ~5–15 ms), paid here while idle, not on the first
   * call. Gathers nothing, sends nothing, opens no microphone.
   */
  startMediaEngine(): Promise<void>
  /** The media handler of a session, once it has one. */
  mediaHandlerOf(session: SipSession): MediaHandler | undefined
  /** Sends an out-of-dialog OPTIONS (a keepalive towards the registrar). */
  ping(userAgent: SipUserAgent, target: SipUri, requestDelegate: RequestDelegate): Promise<unknown>
  /** Sends a REFER with our own Refer-To (and the session's Contact). */
  referInDialog(session: SipSession, refer: InDialogRefer): Promise<unknown>
  /** Sends one PUBLISH from our address to `target`; the answer goes to `delegate`. */
  publish(userAgent: SipUserAgent, target: SipUri, request: PublishRequest, delegate: RequestDelegate): void
  /** Sends a SUBSCRIBE to `target` and follows the subscription it starts. */
  subscribe(
    userAgent: SipUserAgent,
    target: SipUri,
    request: SubscribeRequest,
    handlers: SubscriptionHandlers,
  ): SipSubscription
}
