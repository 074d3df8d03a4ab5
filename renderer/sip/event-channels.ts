import { dialUriText, type AccountAddress } from './account'
import type { PhoneEmitter } from './emitter'
import type { SipPhoneDeps } from './context'
import { Publications } from './publications'
import type { SipUserAgent } from './stack'
import { SubscriptionManager } from './subscriptions'
import type { SubscriptionTuning } from './subscription-rules'
import type { PublishEvent, WatchEvent } from './types'

export interface EventChannelsInput {
  deps: SipPhoneDeps
  emitter: PhoneEmitter
  userAgent: () => SipUserAgent | null
  address: () => AccountAddress | null
  log: (message: string) => void
  tuning?: Partial<SubscriptionTuning>
}

/**
 * The phone's event traffic outside calls: what we publish (publications.ts) and what we watch
 * (subscriptions.ts), both following the registration: paused while the connection is down,
 * started afresh after a reconnect or wake, ended on sign-out.
 */
export class EventChannels {
  private readonly publications: Publications
  private readonly subscriptions: SubscriptionManager

  constructor(input: EventChannelsInput) {
    const { deps, emitter } = input
    const uriOf = (target: string) => {
      const domain = input.address()?.domain ?? ''
      const text = domain ? dialUriText(target, domain) : null
      return text ? deps.stack.makeUri(text) : undefined
    }
    const common = { stack: deps.stack, clock: deps.clock, random: deps.random, userAgent: input.userAgent }
    this.publications = new Publications({
      ...common,
      ownUri: () => {
        const address = input.address()
        return address ? deps.stack.makeUri(`sip:${address.user}@${address.domain}`) : undefined
      },
      log: input.log,
      report: (news) => emitter.emit('publication', news),
    })
    this.subscriptions = new SubscriptionManager({
      ...common,
      uriOf,
      emitNotify: (notify) => emitter.emit('notify', notify),
      emitState: (change) => emitter.emit('watch-state', change),
      log: input.log,
      tuning: input.tuning,
    })
  }

  publish(event: PublishEvent, contentType: string, body: string | undefined): void {
    this.publications.publish(event, contentType, body)
  }

  adoptPublication(event: PublishEvent, etag: string): void {
    this.publications.adopt(event, etag)
  }

  watch(target: string, event: WatchEvent): void {
    this.subscriptions.watch(target, event)
  }

  unwatch(target: string, event: WatchEvent): void {
    this.subscriptions.unwatch(target, event)
  }

  /** Registered; `recovered` after a lost connection (the PBX's NOTIFYs went to the old one). */
  onRegistered(recovered: boolean): void {
    this.publications.resume(recovered)
    this.subscriptions.resume(recovered)
  }

  /** Not registered (connection lost, re-registering, signed out): nothing can go out. */
  pause(): void {
    this.publications.pause()
    this.subscriptions.pause()
  }

  /** A new user agent is about to be made (sign-in): the old one's dialogs are gone with it. */
  onNewUserAgent(): void {
    this.publications.pause()
    this.subscriptions.rebase()
  }

  /** Before the user agent stops: sleep keeps what we watch and publish for wake, sign-out not. */
  onSignOff(forWake: boolean): void {
    if (forWake) {
      this.publications.suspend()
      this.subscriptions.suspend()
    } else {
      this.publications.stop()
      this.subscriptions.stop()
    }
  }
}
