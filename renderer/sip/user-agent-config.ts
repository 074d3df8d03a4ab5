import { userAgentConfig, type AccountAddress } from './account'
import type { SipPhoneDeps } from './context'
import { ICE_GATHERING_TIMEOUT_MS, iceServersFrom } from './ice'
import type {
  MediaHandlerFactory,
  RefusedRequest,
  SipInvitation,
  UserAgentConfig,
  UserAgentDelegate,
} from './stack'
import type { SipAccount } from './types'

export interface PhoneUserAgentInput {
  /** The stack, and the trace sink every message is handed to. */
  deps: Pick<SipPhoneDeps, 'stack' | 'trace' | 'openedSocket'>
  account: SipAccount
  address: AccountAddress | null
  /** Stable across reconnects, so a new REGISTER refreshes the same binding. */
  ids: { contactName: string; viaHost: string }
  transportDelegate: UserAgentDelegate
  /** Where new requests go: an INVITE, and one the port answered 400 (unreadable). */
  requests: { onInvite(invitation: SipInvitation): void; onRefused(refused: RefusedRequest): void }
  /** The calls' media: the factory sessions ask, told this account's connection settings. */
  media: {
    factory: MediaHandlerFactory
    configure(configuration: RTCConfiguration): void
    gatheringTimeoutMs?: number
  }
  log: (text: string) => void
}

/** The phone's user agent: the account, our incoming-request handlers and media factory. */
export function phoneUserAgentConfig(input: PhoneUserAgentInput): UserAgentConfig {
  const { address, account, requests, media } = input
  const uri = input.deps.stack.makeUri(`sip:${address?.user ?? ''}@${address?.domain ?? ''}`)
  if (!uri) throw new Error('The SIP address is not valid')
  // replaces SIP.js's default public STUN server: none unless the account names one
  const peerConnectionConfiguration: RTCConfiguration = { iceServers: iceServersFrom(account.iceServers) }
  media.configure(peerConnectionConfiguration)
  return userAgentConfig({
    account,
    uri,
    contactName: input.ids.contactName,
    viaHost: input.ids.viaHost,
    delegate: {
      ...input.transportDelegate,
      onInvite: (invitation) => requests.onInvite(invitation),
      // a NOTIFY outside every subscription of ours (RFC 6665 §4.1.3): 481 (logged as sent)
      onNotify: (notification) => {
        notification
          .reject({ statusCode: 481 })
          .catch((error: unknown) => input.log(`481 not sent: ${String(error)}`))
      },
    },
    log: (level, category, content) => {
      if (level === 'error' || level === 'warn') input.log(`${category}: ${content}`)
    },
    onRefused: (refused) => requests.onRefused(refused),
    // every NOTIFY refused (481 stray, 489 wrong event, 400 malformed), whoever refused it
    onNotifyRefused: (refused) =>
      input.log(`NOTIFY (${refused.event}) answered ${refused.status} ${refused.reason}`),
    trace: input.deps.trace,
    openedSocket: input.deps.openedSocket,
    mediaHandlerFactory: media.factory,
    mediaHandlerFactoryOptions: {
      iceGatheringTimeout: media.gatheringTimeoutMs ?? ICE_GATHERING_TIMEOUT_MS,
      peerConnectionConfiguration,
    },
  })
}
