import { describe, expect, it } from 'vitest'
import { EmitterImpl, Registerer, TransportState, UserAgent, type Transport } from 'sip.js'

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
    const request = this.sent.at(-1) ?? ''
    const copy = (name: string) =>
      request.split('\r\n').filter((line) => line.toLowerCase().startsWith(`${name}:`))
    const lines = [
      `SIP/2.0 ${status}`,
      ...copy('via'),
      ...copy('from'),
      ...copy('to').map((to) => `${to};tag=registrar`),
      ...copy('call-id'),
      ...copy('cseq'),
      ...headers,
      'Content-Length: 0',
      '',
      '',
    ]
    this.onMessage?.(lines.join('\r\n'))
  }
}

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
    void ua.stop().catch(() => undefined)
  })
})
