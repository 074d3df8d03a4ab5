/**
 * Fakes of a SIP.js session as the adapter sees it (an Inviter or Invitation, its media handler,
 * a connection made ahead of a call), and the small pieces every SIP fake shares (an emitter, a
 * response). The stack and user agent fakes are in sip-stack.ts.
 */
import type { SessionStatus } from '../sip/stack'
import { FakePeerConnection } from './media'

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
  message: { statusCode?: number; reasonPhrase?: string; getHeaders?(name: string): string[]; body?: string }
}

export interface RequestDelegateLike {
  onAccept?(response: ResponseLike): void
  onReject?(response: ResponseLike): void
  onProgress?(response: ResponseLike): void
}

export function response(
  statusCode: number,
  reasonPhrase = '',
  headers: Record<string, string[]> = {},
  body = '',
): ResponseLike {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  return {
    message: { statusCode, reasonPhrase, getHeaders: (name) => lower[name.toLowerCase()] ?? [], body },
  }
}

export interface InviteOptionsLike {
  sessionDescriptionHandlerOptions?: { hold?: boolean; offerOptions?: { iceRestart?: boolean } }
  requestDelegate?: RequestDelegateLike
  requestOptions?: { body?: { contentType: string; content: string } }
}

/** A SIP.js Session (Inviter or Invitation) as far as the adapter can tell. */
export class FakeSession {
  state: SessionStatus = 'Initial'
  readonly stateChange = new FakeEmitter<SessionStatus>()
  delegate: Record<string, (...args: never[]) => void> | undefined
  dialog:
    { callId: string; remoteTag: string; localTag: string; remoteTarget: { toString(): string } } | undefined
  contact = '<sip:contact@host.invalid;transport=ws>'
  replacee: FakeSession | undefined
  readonly pc = new FakePeerConnection()
  readonly sessionDescriptionHandler = {
    peerConnection: this.pc,
    remoteMediaStream: { id: 'remote' },
    iceGatheringComplete: () => undefined,
    peerConnectionDelegate: undefined as unknown,
  }
  readonly initialInvites: InviteOptionsLike[] = []
  /** When set, the initial INVITE leaves once it resolves (a rejection: the offer failed). */
  initialInviteSent: Promise<void> | undefined
  readonly reinvites: InviteOptionsLike[] = []
  /** Final status for each coming re-INVITE; 200 when the queue is empty. */
  readonly reinviteAnswers: number[] = []
  readonly infos: InviteOptionsLike[] = []
  readonly refers: Array<{ target: string; options: Record<string, unknown>; headers?: string[] }> = []
  readonly accepts: unknown[] = []
  readonly rejects: number[] = []
  byes = 0
  cancels = 0
  readonly request: { body: string; getHeaders(name: string): string[] }

  constructor(
    headers: Record<string, string[]> = {},
    readonly kind: 'inviter' | 'invitation' = 'inviter',
  ) {
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
    this.request = { body: '', getHeaders: (name) => lower[name.toLowerCase()] ?? [] }
  }

  setState(state: SessionStatus): void {
    if (this.state === state || this.state === 'Terminated') return
    this.state = state
    if (state === 'Established' && !this.dialog) {
      this.dialog = {
        callId: 'cid-1',
        remoteTag: 'rt',
        localTag: 'lt',
        remoteTarget: { toString: () => 'sip:carol@10.0.0.3;transport=ws' },
      }
    }
    this.stateChange.emit(state)
  }

  async invite(options: InviteOptionsLike = {}): Promise<unknown> {
    if (this.state === 'Initial') {
      this.initialInvites.push(options)
      await this.initialInviteSent
      this.setState('Establishing')
      return {}
    }
    if (this.state !== 'Established') throw new Error(`Invalid session state ${this.state}`)
    this.reinvites.push(options)
    const code = this.reinviteAnswers.shift() ?? 200
    queueMicrotask(() => {
      if (code >= 200 && code < 300) options.requestDelegate?.onAccept?.(response(code))
      else options.requestDelegate?.onReject?.(response(code))
    })
    return {}
  }

  /** The callee answered our INVITE / the initial INVITE got this final response. */
  answerInitial(code: number, reason = '', headers: Record<string, string[]> = {}, body = ''): void {
    const delegate = this.initialInvites.at(-1)?.requestDelegate
    if (code < 200) {
      delegate?.onProgress?.(response(code, reason, headers, body))
      return
    }
    if (code < 300) {
      delegate?.onAccept?.(response(code, reason, headers))
      this.setState('Established')
    } else {
      // SIP.js order: the Inviter terminates first, then the request delegate hears the response
      this.setState('Terminated')
      delegate?.onReject?.(response(code, reason))
    }
  }

  async accept(options: unknown): Promise<void> {
    this.accepts.push(options)
    this.setState('Establishing')
    this.setState('Established')
    if (this.replacee) await this.replacee.bye()
  }
  async reject(options: { statusCode?: number } = {}): Promise<void> {
    this.rejects.push(options.statusCode ?? 480)
    this.setState('Terminated')
  }
  async bye(): Promise<unknown> {
    this.byes++
    this.setState('Terminated')
    return {}
  }
  async cancel(): Promise<void> {
    this.cancels++
    this.setState('Terminated')
  }
  async dispose(): Promise<void> {
    this.setState('Terminated')
  }
  async info(options: InviteOptionsLike): Promise<unknown> {
    this.infos.push(options)
    return {}
  }
  async refer(target: { toString(): string }, options: Record<string, unknown>): Promise<unknown> {
    this.refers.push({ target: target.toString(), options })
    return {}
  }

  /** Plays the transferee's NOTIFY with a sipfrag body. */
  notify(sipfrag: string): { accepted: boolean } {
    const refer = this.refers.at(-1)
    const record = { accepted: false }
    const onNotify = refer?.options.onNotify as ((n: unknown) => void) | undefined
    onNotify?.({
      request: { body: sipfrag },
      accept: async () => {
        record.accepted = true
      },
    })
    return record
  }

  referResponse(code: number): void {
    const delegate = this.refers.at(-1)?.options.requestDelegate as RequestDelegateLike | undefined
    if (code < 300) delegate?.onAccept?.(response(code))
    else delegate?.onReject?.(response(code))
  }
}

/** A peer connection made ahead of a call (warm-peer.ts): closed or not, and how it was made. */
export class FakePooledConnection {
  signalingState = 'stable'
  closed = false
  constructor(
    readonly configuration: RTCConfiguration,
    readonly candidatePoolSize: number,
  ) {}
  close(): void {
    this.closed = true
    this.signalingState = 'closed'
  }
}

export class FakeSdh {
  readonly peerConnection: FakePeerConnection & { iceConnectionState: string }
  constructor(ready?: unknown) {
    this.peerConnection =
      (ready as typeof this.peerConnection | undefined) ??
      Object.assign(new FakePeerConnection(), { iceConnectionState: 'connected' })
  }
  readonly remoteMediaStream = { id: 'remote' }
  gatheringCompleted = 0
  peerConnectionDelegate:
    | {
        onicecandidate?(event: { candidate: { candidate: string } | null }): void
        ontrack?(event: unknown): void
        oniceconnectionstatechange?(event: unknown): void
      }
    | undefined
  iceGatheringComplete(): void {
    this.gatheringCompleted++
  }
}
