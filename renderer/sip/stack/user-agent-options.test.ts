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

/** The adapter's config for `account`, as the phone builds it. */
function configOf(account: SipAccount) {
  const uri = UserAgent.makeURI('sip:alice@pbx.example')
  if (!uri) throw new Error('uri')
  return userAgentConfig({
    account,
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
  })
}

describe('buildUserAgentOptions', () => {
  it('fixes the known SIP.js 0.21 holes', () => {
    const options = buildUserAgentOptions(configOf({ ...account, outboundProxy: 'proxy.example' }))
    expect(options.sipExtensionReplaces).toBe(SIPExtension.Supported)
    // SIP.js's own reconnection is off on the user agent built (Registration owns reconnecting)
    expect(new UserAgent(options).configuration.reconnectionAttempts).toBe(0)
    expect(options.authorizationUsername).toBe('alice')
    expect(options.contactName).toBe('c0ntact')
    expect(options.preloadedRouteSet).toEqual(['<sip:proxy.example;lr>'])
    expect(options.transportOptions).toMatchObject({ server: 'wss://pbx.example/ws' })
    expect(options.sessionDescriptionHandlerFactoryOptions).toEqual({
      iceGatheringTimeout: 500,
      peerConnectionConfiguration: { iceServers: [] },
    })
  })

  it('builds a user agent SIP.js says nothing about: no warning, no log write over IPC before connecting', () => {
    const logged: string[] = []
    const options = buildUserAgentOptions({
      ...configOf(account),
      log: (level, category, content) => logged.push(`${level} ${category}: ${content}`),
    })
    new UserAgent(options)
    expect(logged).toEqual([])
  })
})
