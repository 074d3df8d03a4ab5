import { describe, expect, it } from 'vitest'
import { SIPExtension, UserAgent } from 'sip.js'
import { userAgentConfig } from '../account'
import type { SipAccount } from '../types'
import { buildUserAgentOptions } from './user-agent-options'

const account: SipAccount = {
  displayName: 'Alice',
  sipAddress: 'alice@pbx.example',
  authUser: '',
  password: 'secret',
  wsServer: 'wss://pbx.example/ws',
  outboundProxy: '',
  iceServers: [],
}

describe('buildUserAgentOptions', () => {
  it('fixes the known SIP.js 0.21 holes', () => {
    const uri = UserAgent.makeURI('sip:alice@pbx.example')
    if (!uri) throw new Error('uri')
    const options = buildUserAgentOptions(
      userAgentConfig({
        account: { ...account, outboundProxy: 'proxy.example' },
        uri,
        contactName: 'c0ntact',
        viaHost: 'v1a.invalid',
        delegate: {},
        mediaHandlerFactory: () => {
          throw new Error('unused')
        },
        mediaHandlerFactoryOptions: {
          iceGatheringTimeout: 500,
          peerConnectionConfiguration: { iceServers: [] },
        },
      }),
    )
    expect(options.sipExtensionReplaces).toBe(SIPExtension.Supported)
    expect(options.reconnectionAttempts).toBe(0)
    expect(options.authorizationUsername).toBe('alice')
    expect(options.contactName).toBe('c0ntact')
    expect(options.preloadedRouteSet).toEqual(['<sip:proxy.example;lr>'])
    expect(options.transportOptions).toMatchObject({ server: 'wss://pbx.example/ws' })
    expect(options.sessionDescriptionHandlerFactoryOptions).toEqual({
      iceGatheringTimeout: 500,
      peerConnectionConfiguration: { iceServers: [] },
    })
  })
})
