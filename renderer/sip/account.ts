import type { MediaHandlerFactory, SipUri, UserAgentConfig, UserAgentDelegate } from './stack'
import { sipServerUrl } from './server-url'
import type { SipAccount } from './types'

export interface AccountAddress {
  user: string
  domain: string
}

/** `user@domain` (an optional sip: prefix is tolerated); null when unusable. */
export function parseSipAddress(sipAddress: string): AccountAddress | null {
  const text = sipAddress.trim().replace(/^sips?:/i, '')
  const at = text.lastIndexOf('@')
  if (at <= 0 || at === text.length - 1) return null
  const user = text.slice(0, at)
  const domain = text.slice(at + 1)
  if (/[\s<>"]/.test(user) || !/^[a-z0-9.-]+(:\d+)?$|^\[[0-9a-f:.]+\](:\d+)?$/i.test(domain)) return null
  return { user, domain }
}

/** Outbound proxy as a loose-routing Route entry, e.g. `<sip:proxy.example;lr>`. */
export function outboundRoute(outboundProxy: string): string | null {
  let text = outboundProxy.trim()
  if (!text) return null
  text = text.replace(/^<|>$/g, '')
  if (!/^sips?:/i.test(text)) text = `sip:${text}`
  if (!/;lr\b/i.test(text)) text += ';lr'
  return `<${text}>`
}

/**
 * Target of a dial: a full sip:/sips: URI as given, or a bare number/user placed in the
 * account's domain. The caller has already normalized what the user typed.
 */
export function dialUriText(target: string, domain: string): string | null {
  const text = target.trim()
  if (!text) return null
  if (/^sips?:/i.test(text)) return text
  if (/^tel:/i.test(text)) return dialUriText(text.slice(4).split(';')[0] ?? '', domain)
  if (/[\s<>"@]/.test(text)) {
    // "bob@pbx.example" without a scheme
    return /^[^\s<>"@]+@[^\s<>"@]+$/.test(text) ? `sip:${text}` : null
  }
  return `sip:${encodeURIComponent(text).replace(/%2B/gi, '+').replace(/%2A/gi, '*').replace(/%23/g, '%23')}@${domain}`
}

export interface UserAgentConfigInput {
  account: SipAccount
  uri: SipUri
  contactName: string
  viaHost: string
  delegate: UserAgentDelegate
  mediaHandlerFactory: MediaHandlerFactory
  mediaHandlerFactoryOptions: UserAgentConfig['mediaHandlerFactoryOptions']
  log?: UserAgentConfig['log']
  onRefused?: UserAgentConfig['onRefused']
  onNotifyRefused?: UserAgentConfig['onNotifyRefused']
  trace?: UserAgentConfig['trace']
  openedSocket?: UserAgentConfig['openedSocket']
}

/** The user agent for an account: credentials, server, outbound route. */
export function userAgentConfig(input: UserAgentConfigInput): UserAgentConfig {
  const { account } = input
  const route = outboundRoute(account.outboundProxy)
  return {
    uri: input.uri,
    displayName: account.displayName,
    authorizationUsername: account.authUser.trim() || input.uri.user || '',
    authorizationPassword: account.password,
    server: sipServerUrl(account),
    contactName: input.contactName,
    viaHost: input.viaHost,
    routeSet: route ? [route] : [],
    mediaHandlerFactory: input.mediaHandlerFactory,
    mediaHandlerFactoryOptions: input.mediaHandlerFactoryOptions,
    delegate: input.delegate,
    log: input.log,
    onRefused: input.onRefused,
    onNotifyRefused: input.onNotifyRefused,
    trace: input.trace,
    openedSocket: input.openedSocket,
  }
}
