import { afterEach, describe, expect, it, vi } from 'vitest'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { Core, UserAgent } from 'sip.js'
import type { RefusedRequest } from './refusal'
import type { RefusedNotify } from './notify-answers'
import type { UserAgentConfig } from './port'
import { realSipStack } from './sipjs'
import { SocketTransport } from './socket-transport'

/** Opens at once; what SIP.js sends goes to the spied transport below. */
class OpenSocket extends EventTarget {
  readonly readyState = 1
  readonly protocol = 'sip'
  constructor(readonly url: string) {
    super()
    setTimeout(() => this.dispatchEvent(new Event('open')), 0)
  }
  send(_text: string): void {}
  close(): void {
    this.dispatchEvent(new CloseEvent('close', { code: 1000, wasClean: true }))
  }
}

/** Alice's user agent config, on a stand-in socket; `extra` adds the handlers a test watches. */
function aliceConfig(extra: Partial<UserAgentConfig>): UserAgentConfig {
  const uri = UserAgent.makeURI('sip:5001@parley.test')
  if (!uri) throw new Error('uri')
  return {
    uri,
    displayName: 'Alice',
    authorizationUsername: '5001',
    authorizationPassword: 'secret',
    server: 'ws://127.0.0.1:9/ws',
    contactName: 'c0ntact',
    viaHost: 'v1a.invalid',
    routeSet: [],
    mediaHandlerFactory: () => {
      throw new Error('unused')
    },
    mediaHandlerFactoryOptions: { iceGatheringTimeout: 500, peerConnectionConfiguration: {} },
    delegate: {},
    ...extra,
  }
}

/**
 * The port's answers to what SIP.js would drop or misanswer, on a real SIP.js user agent whose
 * WebSocket is a stand-in: received text goes in where the socket hands it over, and what the
 * transport sends is kept.
 */
async function startedUserAgent() {
  const sent: string[] = []
  vi.spyOn(SocketTransport.prototype, 'send').mockImplementation(async (text: string) => {
    sent.push(text)
  })
  const refused: RefusedRequest[] = []
  const refusedNotifies: RefusedNotify[] = []
  const invites: string[] = []
  const config = aliceConfig({
    delegate: { onInvite: (invitation) => invites.push(invitation.request.getHeaders('call-id')[0] ?? '') },
    onRefused: (request) => refused.push(request),
    onNotifyRefused: (notify) => refusedNotifies.push(notify),
  })
  vi.stubGlobal('WebSocket', OpenSocket)
  const ua = realSipStack.createUserAgent(config) as UserAgent
  await ua.start()
  const receive = (text: string) => ua.transport.onMessage?.(text)
  return { ua, sent, refused, refusedNotifies, invites, receive }
}

const request = (method: string, headers: string[], callId = 'c1@127.0.0.1') =>
  [
    `${method} sip:5001@127.0.0.1:5060;transport=ws SIP/2.0`,
    'Via: SIP/2.0/WSS 127.0.0.1:8443;branch=z9hG4bKproxy',
    'From: "Bo" <sip:1002@parley.test>;tag=abc',
    'To: <sip:5001@parley.test>',
    `Call-ID: ${callId}`,
    `CSeq: 1 ${method}`,
    'Max-Forwards: 70',
    ...headers,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n')

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('the SIP.js port: what the stack cannot read or would misanswer', () => {
  it('answers an unparsable INVITE 400 and reports it once; the stack never sees a call', async () => {
    const { sent, refused, refusedNotifies, invites, receive } = await startedUserAgent()
    receive(request('INVITE', ['Contact: <sip:@@@;;;>']))
    await vi.waitFor(() => expect(refused).toHaveLength(1))
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatch(/^SIP\/2\.0 400 Bad Request\r\n/)
    expect(sent[0]).toContain('Warning: 399 parley "Malformed request: a header could not be parsed"')
    expect(refused).toEqual([{ method: 'INVITE', from: '"Bo" <sip:1002@parley.test>;tag=abc', status: 400 }])
    expect(refusedNotifies).toEqual([])
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(invites).toEqual([])
  })

  it('reports an unparsable NOTIFY once, as unreadable, not also as a refused NOTIFY', async () => {
    const { sent, refused, refusedNotifies, receive } = await startedUserAgent()
    receive(request('NOTIFY', ['Event: presence', 'Subscription-State: active', 'Contact: <sip:@@@;;;>']))
    await vi.waitFor(() => expect(refused).toHaveLength(1))
    expect(sent.map((text) => text.split('\r\n')[0])).toEqual(['SIP/2.0 400 Bad Request'])
    expect(refused.map((r) => r.method)).toEqual(['NOTIFY'])
    expect(refusedNotifies).toEqual([])
  })

  it('answers a NOTIFY without Subscription-State 400 (not the stack’s 489) and reports it as a refused NOTIFY', async () => {
    const { sent, refused, refusedNotifies, receive } = await startedUserAgent()
    receive(request('NOTIFY', ['Event: presence']))
    await vi.waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]).toContain('Warning: 399 parley "NOTIFY without Subscription-State"')
    expect(refusedNotifies).toEqual([{ event: 'presence', status: 400, reason: 'Bad Request' }])
    expect(refused).toEqual([])
  })

  it('parses each received message once', async () => {
    const { invites, receive } = await startedUserAgent()
    const parse = vi.spyOn(Core.Parser, 'parseMessage')
    receive(request('INVITE', ['Contact: <sip:1002@127.0.0.1:5999>'], 'c2@127.0.0.1'))
    expect(parse).toHaveBeenCalledTimes(1)
    await vi.waitFor(() => expect(invites).toHaveLength(1))
    expect(invites).toEqual(['c2@127.0.0.1'])
  })
})

/** Node's collector, for a test that something is no longer held (what --expose-gc gives). */
function collector(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

/** The answer a notifier gives `subscribe` (the SUBSCRIBE as sent), with its To tag. */
function answerTo(subscribe: string, status: string, extra: string[]): string {
  const lines = subscribe.split('\r\n')
  const copied = (name: string) =>
    lines.filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
  return [
    `SIP/2.0 ${status}`,
    ...copied('Via'),
    ...copied('From'),
    ...copied('To').map((to) => `${to};tag=notifier`),
    ...copied('Call-ID'),
    ...copied('CSeq'),
    ...extra,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n')
}

describe('the SIP.js port: the SIP trace', () => {
  it('hears a sent message once the socket has it, so its IPC never delays the message', async () => {
    const order: string[] = []
    const socketSend = vi.spyOn(OpenSocket.prototype, 'send').mockImplementation((text: string) => {
      order.push(`socket ${text.split(' ')[0]}`)
    })
    vi.stubGlobal('WebSocket', OpenSocket)
    const ua = realSipStack.createUserAgent(
      aliceConfig({ trace: (direction, text) => order.push(`trace ${direction} ${text.split(' ')[0]}`) }),
    ) as UserAgent
    await ua.start()
    await ua.transport.send('REGISTER sip:parley.test SIP/2.0\r\n\r\n')
    expect(socketSend).toHaveBeenCalledTimes(1)
    expect(order).toEqual(['socket REGISTER', 'trace sent REGISTER'])
  })
})

describe('the SIP.js port: subscriptions', () => {
  it('lets go of the SUBSCRIBE (request, transaction, credentials) once it is answered and the dialog exists', async () => {
    const gc = collector()
    const { ua, sent, receive } = await startedUserAgent()
    const core = ua.userAgentCore
    const clients: Array<WeakRef<object>> = []
    const subscribe = core.subscribe.bind(core)
    core.subscribe = (message, delegate) => {
      const client = subscribe(message, delegate)
      clients.push(new WeakRef(client))
      return client
    }
    const target = UserAgent.makeURI('sip:1002@parley.test')
    if (!target) throw new Error('uri')
    const states: string[] = []
    const subscription = realSipStack.subscribe(
      ua,
      target,
      { event: 'presence', expires: 600, accept: 'application/pidf+xml' },
      {
        onResponse: () => undefined,
        onNotify: (notify) => {
          states.push(notify.state)
          notify.accept()
        },
        onTerminated: () => states.push('ended'),
      },
    )
    await vi.waitFor(() => expect(sent).toHaveLength(1))
    const sentSubscribe = sent[0] as string
    const callId = /^Call-ID: (.+)$/m.exec(sentSubscribe)?.[1] ?? ''
    const ourTag = /^From: .*;tag=([^;\r\n]+)/m.exec(sentSubscribe)?.[1] ?? ''
    receive(answerTo(sentSubscribe, '200 OK', ['Expires: 600', 'Contact: <sip:1002@127.0.0.1:5999>']))
    receive(
      [
        'NOTIFY sip:c0ntact@v1a.invalid;transport=ws SIP/2.0',
        'Via: SIP/2.0/WSS 127.0.0.1:8443;branch=z9hG4bKnotify1',
        'From: <sip:1002@parley.test>;tag=notifier',
        `To: <sip:5001@parley.test>;tag=${ourTag}`,
        `Call-ID: ${callId}`,
        'CSeq: 1 NOTIFY',
        'Max-Forwards: 70',
        'Event: presence',
        'Subscription-State: active;expires=600',
        'Contact: <sip:1002@127.0.0.1:5999>',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n'),
    )
    await vi.waitFor(() => expect(states).toEqual(['active']))
    expect(sent.some((text) => text.startsWith('SIP/2.0 200 OK') && text.includes('CSeq: 1 NOTIFY'))).toBe(
      true,
    )
    expect(subscription.expiresIn).toBe(600)
    // the transaction ends in a task of its own; a WeakRef holds on until the job that made it ends
    await vi.waitFor(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0))
      gc()
      expect(clients[0]?.deref()).toBeUndefined()
    })
    expect(clients).toHaveLength(1)
    // the dialog is what refreshes and ends it
    expect(subscription.refresh({})).toBe(true)
    await vi.waitFor(() => expect(sent.filter((text) => text.startsWith('SUBSCRIBE '))).toHaveLength(2))
    subscription.dispose()
  })
})
