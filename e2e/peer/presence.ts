/**
 * The test peer's presence side, with SIP.js's own Publisher and Subscriber (not Parley's
 * adapter): it publishes statuses / message summaries and watches others, so the test PBX's
 * presence service can be checked on its own and Parley's can be checked against it.
 */
import { Publisher, Subscriber, UserAgent, type Notification } from 'sip.js'

export interface PeerNotify {
  target: string
  event: string
  contentType: string
  subscriptionState: string
  body: string
  at: number
}

export type PeerPublishResult = { state: string }

export function presencePeer(userAgentOf: () => UserAgent | null, log: (line: string) => void) {
  const publishers = new Map<string, Publisher>()
  const subscribers = new Map<string, Subscriber>()
  const notifies: PeerNotify[] = []

  const ua = (): UserAgent => {
    const agent = userAgentOf()
    if (!agent) throw new Error('peer is not registered')
    return agent
  }
  const uriOf = (target: string) => {
    const uri = UserAgent.makeURI(target)
    if (!uri) throw new Error(`bad URI ${target}`)
    return uri
  }

  return {
    /** PUBLISH `body` for `target` (default: ourselves); resolves with the publication's state. */
    async publish(
      event: string,
      contentType: string,
      body: string,
      target?: string,
    ): Promise<PeerPublishResult> {
      const agent = ua()
      const aor = target ?? agent.configuration.uri.toString()
      const key = `${aor}|${event}`
      let publisher = publishers.get(key)
      if (!publisher) {
        publisher = new Publisher(agent, uriOf(aor), event, { contentType, expires: 600 })
        publishers.set(key, publisher)
      }
      const before = publisher.state
      const settled = new Promise<string>((resolve) => {
        const listener = (state: string) => {
          publisher.stateChange.removeListener(listener)
          resolve(state)
        }
        publisher.stateChange.addListener(listener)
        // a modify of a publication that is already Published changes no state: give it time
        if (before === 'Published') setTimeout(() => resolve('Published'), 500)
      })
      await publisher.publish(body)
      const state = await settled
      log(`PUBLISH ${event} for ${aor}: ${state}`)
      return { state }
    },
    async subscribe(target: string, event: string): Promise<void> {
      const key = `${target}|${event}`
      if (subscribers.has(key)) return
      const subscriber = new Subscriber(ua(), uriOf(target), event, { expires: 600 })
      subscriber.delegate = {
        onNotify(notification: Notification) {
          const request = notification.request
          notifies.push({
            target,
            event,
            contentType: request.getHeader('Content-Type') ?? '',
            subscriptionState: request.getHeader('Subscription-State') ?? '',
            body: request.body ?? '',
            at: Date.now(),
          })
          log(`NOTIFY ${event} for ${target}`)
          void notification.accept()
        },
      }
      subscribers.set(key, subscriber)
      await subscriber.subscribe()
    },
    async unsubscribe(target: string, event: string): Promise<void> {
      const key = `${target}|${event}`
      const subscriber = subscribers.get(key)
      subscribers.delete(key)
      await subscriber?.unsubscribe()
    },
    /** Ends every subscription without waiting for the final NOTIFY. */
    endSubscriptions(): void {
      for (const subscriber of subscribers.values()) void subscriber.unsubscribe()
      subscribers.clear()
    },
    notifies(): PeerNotify[] {
      return notifies.map((n) => ({ ...n }))
    },
  }
}
