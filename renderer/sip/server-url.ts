import type { SipAccount } from './types'

/**
 * The WebSocket URL an account connects to: the one rule, for the user agent (account.ts) and
 * for the socket the window's entry opens early (state/saved-socket.ts), which the phone adopts
 * only when the two are the same. A file of its own: the entry imports it.
 */
export function sipServerUrl(account: Pick<SipAccount, 'wsServer'>): string {
  return account.wsServer.trim()
}
