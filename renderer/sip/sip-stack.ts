import {
  Inviter,
  Registerer,
  UserAgent,
  Web,
  type InviterOptions,
  type RegistererOptions,
  type Session,
  type SessionDescriptionHandlerFactory,
  type URI,
  type UserAgentOptions,
} from 'sip.js'

/**
 * The only door to SIP.js object construction. Tests pass a fake stack whose objects mimic the
 * few SIP.js members the adapter uses; production uses `realSipStack`.
 */
export interface SipStack {
  createUserAgent(options: UserAgentOptions): UserAgent
  createRegisterer(userAgent: UserAgent, options: RegistererOptions): Registerer
  createInviter(userAgent: UserAgent, target: URI, options: InviterOptions): Inviter
  makeUri(text: string): URI | undefined
  /** The stock web SDH factory, drawing local media from `getLocalStream`. */
  createSdhFactory(getLocalStream: () => Promise<MediaStream>): SessionDescriptionHandlerFactory
}

export const realSipStack: SipStack = {
  createUserAgent: (options) => new UserAgent(options),
  createRegisterer: (userAgent, options) => new Registerer(userAgent, options),
  createInviter: (userAgent, target, options) => new Inviter(userAgent, target, options),
  makeUri: (text) => UserAgent.makeURI(text),
  createSdhFactory: (getLocalStream) => Web.defaultSessionDescriptionHandlerFactory(() => getLocalStream()),
}

/** The web SDH as SIP.js creates it; typed loosely because fakes stand in for it in tests. */
export type WebSdh = Web.SessionDescriptionHandler

export function webSdhOf(session: Session): WebSdh | undefined {
  const sdh = session.sessionDescriptionHandler as WebSdh | undefined
  return sdh && typeof sdh === 'object' ? sdh : undefined
}
