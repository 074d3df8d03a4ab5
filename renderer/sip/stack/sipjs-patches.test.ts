import { describe, expect, it, vi } from 'vitest'
import {
  EmitterImpl,
  Grammar,
  Inviter,
  Registerer,
  SessionState,
  TransportState,
  UserAgent,
  type SessionDescriptionHandler,
  type Transport,
} from 'sip.js'

/**
 * Proves the patch applied to SIP.js at install (patches/sip.js+0.21.2.patch, by patch-package
 * in `postinstall`): run against unpatched SIP.js, these fail.
 */

/** A transport that keeps what SIP.js sends and lets the test answer as a registrar would. */
class ScriptedTransport implements Transport {
  static last: ScriptedTransport | undefined
  readonly sent: string[] = []
  state = TransportState.Disconnected
  readonly stateChange = new EmitterImpl<TransportState>()
  onConnect: (() => void) | undefined
  onDisconnect: ((error?: Error) => void) | undefined
  onMessage: ((message: string) => void) | undefined
  readonly protocol = 'WS'
  constructor() {
    ScriptedTransport.last = this
  }
  async connect(): Promise<void> {
    this.state = TransportState.Connected
    this.stateChange.emit(this.state)
    this.onConnect?.()
  }
  async disconnect(): Promise<void> {
    this.state = TransportState.Disconnected
    this.stateChange.emit(this.state)
  }
  dispose(): Promise<void> {
    return this.disconnect()
  }
  isConnected(): boolean {
    return this.state === TransportState.Connected
  }
  async send(message: string): Promise<void> {
    this.sent.push(message)
  }
  /** Answers the last request sent with `status` and extra header lines. */
  answer(status: string, headers: string[] = []): void {
    this.answerRequest(this.sent.at(-1) ?? '', status, { headers })
  }

  /** Answers `request` as the party with `toTag`, optionally with a body (SDP). */
  answerRequest(
    request: string,
    status: string,
    { headers = [], toTag = 'registrar', sdp = '' }: { headers?: string[]; toTag?: string; sdp?: string },
  ): void {
    const copy = (name: string) =>
      request.split('\r\n').filter((line) => line.toLowerCase().startsWith(`${name}:`))
    const lines = [
      `SIP/2.0 ${status}`,
      ...copy('via'),
      ...copy('from'),
      ...copy('to').map((to) => `${to};tag=${toTag}`),
      ...copy('call-id'),
      ...copy('cseq'),
      ...headers,
      ...(sdp ? ['Content-Type: application/sdp'] : []),
      `Content-Length: ${sdp.length}`,
      '',
      sdp,
    ]
    this.onMessage?.(lines.join('\r\n'))
  }
}

/** Ends a test's user agent; a failure to stop is logged once (it is not what the test is about). */
const stopUserAgent = (ua: UserAgent) =>
  ua
    .stop()
    .catch((error: unknown) => console.warn('[sipjs-patches test] stopping the user agent failed:', error))

const contactOf = (request: string | undefined) =>
  /^Contact: ([^\r\n]*)/im.exec(request ?? '')?.[1]?.replace(/;expires=\d+/, '') ?? ''

describe('SIP.js as patched at install', () => {
  it('answers the original REGISTER delegate after a 423 retry with Min-Expires', async () => {
    const ua = new UserAgent({
      uri: UserAgent.makeURI('sip:alice@pbx.example'),
      transportConstructor: ScriptedTransport,
      logBuiltinEnabled: false,
      contactName: 'c0ntact',
    })
    await ua.start()
    const transport = ScriptedTransport.last
    if (!transport) throw new Error('no transport')
    const registerer = new Registerer(ua, { expires: 300, logConfiguration: false })
    const answers: number[] = []
    await registerer.register({
      requestDelegate: {
        onAccept: (response) => answers.push(response.message.statusCode ?? 0),
        onReject: (response) => answers.push(response.message.statusCode ?? 0),
      },
    })
    expect(transport.sent).toHaveLength(1)
    transport.answer('423 Interval Too Brief', ['Min-Expires: 600'])
    expect(transport.sent).toHaveLength(2)
    expect(transport.sent[1]).toMatch(/;expires=600/)
    transport.answer('200 OK', [`Contact: ${contactOf(transport.sent[1])};expires=600`])
    expect(registerer.state).toBe('Registered')
    expect(answers).toEqual([200])
    await transport.disconnect()
    void stopUserAgent(ua)
  })
})

describe('SIP.js as patched at install: a message it cannot parse', () => {
  it('is handed to the delegate as received, not dropped without a word; a readable one is not', async () => {
    const unparsable: string[] = []
    const invites: string[] = []
    const ua = new UserAgent({
      uri: UserAgent.makeURI('sip:alice@pbx.example'),
      transportConstructor: ScriptedTransport,
      logBuiltinEnabled: false,
      delegate: {
        onUnparsableMessage: (text) => unparsable.push(text),
        onInvite: (invitation) => invites.push(invitation.request.callId),
      },
    })
    await ua.start()
    const transport = ScriptedTransport.last
    if (!transport) throw new Error('no transport')
    const invite = (callId: string, contact: string) =>
      [
        'INVITE sip:alice@pbx.example SIP/2.0',
        'Via: SIP/2.0/WSS 127.0.0.1:8443;branch=z9hG4bK' + callId,
        'From: <sip:bob@pbx.example>;tag=b1',
        'To: <sip:alice@pbx.example>',
        `Call-ID: ${callId}`,
        'CSeq: 1 INVITE',
        'Max-Forwards: 70',
        `Contact: ${contact}`,
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n')
    const broken = invite('broken', '<sip:@@@;;;>')
    transport.onMessage?.(broken)
    transport.onMessage?.(invite('fine', '<sip:bob@127.0.0.1:5099>'))
    await vi.waitFor(() => expect(invites).toEqual(['fine']))
    expect(unparsable).toEqual([broken])
    await transport.disconnect()
    void stopUserAgent(ua)
  })
})

/**
 * A media handler that behaves like a WebRTC peer connection's signalling state: an answer can
 * only be applied in have-local-offer, and a parameterless setLocalDescription makes a new offer.
 */
class OfferingMediaHandler implements SessionDescriptionHandler {
  readonly answers: string[] = []
  readonly peerConnection = {
    signalingState: 'stable' as 'stable' | 'have-local-offer',
    setLocalDescription: async () => {
      this.peerConnection.signalingState = 'have-local-offer'
    },
  }
  async getDescription() {
    this.peerConnection.signalingState = 'have-local-offer'
    return { body: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=offer\r\n', contentType: 'application/sdp' }
  }
  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp'
  }
  async setDescription(sdp: string): Promise<void> {
    if (this.peerConnection.signalingState !== 'have-local-offer') throw new Error('answer in stable state')
    this.peerConnection.signalingState = 'stable'
    this.answers.push(sdp)
  }
  sendDtmf(): boolean {
    return false
  }
  close(): void {}
}

const answerSdp = (who: string) => `v=0\r\no=${who} 1 1 IN IP4 127.0.0.1\r\ns=${who}\r\n`

describe('SIP.js as patched at install: forked early dialogs', () => {
  it('takes the answering fork when early media came from another fork, instead of hanging up', async () => {
    const handler = new OfferingMediaHandler()
    const ua = new UserAgent({
      uri: UserAgent.makeURI('sip:alice@pbx.example'),
      transportConstructor: ScriptedTransport,
      logBuiltinEnabled: false,
      sessionDescriptionHandlerFactory: () => handler,
    })
    await ua.start()
    const transport = ScriptedTransport.last
    if (!transport) throw new Error('no transport')
    const target = UserAgent.makeURI('sip:bob@pbx.example')
    if (!target) throw new Error('no target')
    const inviter = new Inviter(ua, target, { earlyMedia: true })
    const states: string[] = []
    inviter.stateChange.addListener((state) => states.push(state))
    await inviter.invite()
    const invite = transport.sent.find((m) => m.startsWith('INVITE')) ?? ''
    expect(invite).toContain('s=offer')
    const contact = (user: string) => [`Contact: <sip:${user}@127.0.0.1:5099>`]
    // fork A: early media (its answer is applied), fork B: answers
    transport.answerRequest(invite, '183 Session Progress', {
      toTag: 'fork-a',
      headers: contact('a'),
      sdp: answerSdp('fork-a'),
    })
    await new Promise((r) => setTimeout(r, 0))
    expect(handler.answers).toEqual([answerSdp('fork-a')])
    transport.answerRequest(invite, '200 OK', {
      toTag: 'fork-b',
      headers: contact('b'),
      sdp: answerSdp('fork-b'),
    })
    await new Promise((r) => setTimeout(r, 10))
    expect(handler.answers).toEqual([answerSdp('fork-a'), answerSdp('fork-b')])
    expect(inviter.state).toBe(SessionState.Established)
    expect(inviter.dialog?.remoteTag).toBe('fork-b')
    expect(transport.sent.filter((m) => m.startsWith('BYE'))).toEqual([])
    expect(transport.sent.some((m) => m.startsWith('ACK') && m.includes('tag=fork-b'))).toBe(true)
    expect(states).toEqual([SessionState.Establishing, SessionState.Established])
    await transport.disconnect()
    void stopUserAgent(ua)
  })
})

describe('the SIP grammar decodes its parser tables once', () => {
  it('parses a header without decoding the whole grammar again', () => {
    // SIP.js 0.21's generated parser rebuilt (split and mapped) its ~230 bytecode strings on
    // every parse, several times per message: most of its time on a busy connection (a board of
    // 500 colleagues). The patch decodes them once; a warm parse then splits few strings.
    Grammar.parse('<sip:4600@parley.test>;tag=1', 'From')
    const split = vi.spyOn(String.prototype, 'split')
    try {
      expect(Grammar.parse('"Erik" <sip:4601@parley.test>;tag=2', 'From')).toBeTruthy()
      expect(split.mock.calls.length).toBeLessThan(20)
    } finally {
      split.mockRestore()
    }
  })
})
