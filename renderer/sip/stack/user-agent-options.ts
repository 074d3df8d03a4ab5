import { SIPExtension, type SessionDescriptionHandlerFactory, type UserAgentOptions } from 'sip.js'
import type { UserAgentConfig } from './port'
import { SocketTransport, type SocketTransportOptions } from './socket-transport'

/** SIP.js options for our config, with the known SIP.js 0.21 holes fixed. */
export function buildUserAgentOptions(config: UserAgentConfig): UserAgentOptions {
  const log = config.log
  return {
    uri: config.uri as UserAgentOptions['uri'],
    displayName: config.displayName,
    authorizationUsername: config.authorizationUsername,
    authorizationPassword: config.authorizationPassword,
    // our transport (SIP.js's web transport's behaviour), which can adopt the socket the
    // window's entry opened before SIP.js was evaluated (issue 14)
    transportConstructor: SocketTransport,
    transportOptions: {
      server: config.server,
      connectionTimeout: 4,
      openedSocket: config.openedSocket,
    } satisfies SocketTransportOptions,
    contactName: config.contactName,
    viaHost: config.viaHost,
    preloadedRouteSet: config.routeSet,
    // without it an attended transfer makes the target ring a second time
    sipExtensionReplaces: SIPExtension.Supported,
    // RFC 4028: we honour the far end's session timers (sip/session-timer.ts)
    sipExtensionExtraSupported: ['timer'],
    sessionDescriptionHandlerFactory:
      config.mediaHandlerFactory as unknown as SessionDescriptionHandlerFactory,
    sessionDescriptionHandlerFactoryOptions: config.mediaHandlerFactoryOptions,
    delegate: config.delegate as UserAgentOptions['delegate'],
    userAgentString: 'Parley',
    logConfiguration: false,
    logBuiltinEnabled: false,
    logLevel: 'warn',
    logConnector: log ? (level, category, _label, content) => log(level, category, content) : undefined,
    // SIP.js's own reconnection stays off (its default, 0 attempts): Registration owns
    // reconnecting with backoff. Not set here: SIP.js 0.21 warns that the option is deprecated
    // on every user agent it builds, a log write over IPC before each connection (issue 14).
    noAnswerTimeout: 120,
  }
}
