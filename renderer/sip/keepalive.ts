import { withTimeout, type Clock } from './registration'
import { messageOf } from '../../contract/error-message'
import { sendForAnswer } from './request-answer'
import type { SipStack, SipUri, SipUserAgent } from './stack'

export interface KeepaliveDeps {
  stack: SipStack
  clock: Clock
  /** Time between pings while registered. */
  intervalMs?: number
  /** A ping without an answer by then means the connection is dead. */
  timeoutMs?: number
}

export const KEEPALIVE_INTERVAL_MS = 10_000
export const KEEPALIVE_TIMEOUT_MS = 10_000

/**
 * Notices a connection that died silently (NAT binding gone, server frozen, a registrar that no
 * longer answers): while registered, an OPTIONS to the registrar every 10 s; no answer within
 * 10 s, or 408 (the proxy's own timeout towards the registrar), calls `onDead` once. So a dead
 * path is noticed within 20 s, well before the next REGISTER refresh would notice it.
 */
export class Keepalive {
  private timer: unknown = undefined
  private round = 0

  constructor(private readonly deps: KeepaliveDeps) {}

  start(ua: SipUserAgent, target: SipUri, onDead: (why: string) => void): void {
    this.stop()
    const round = this.round
    const tick = () => {
      this.timer = this.deps.clock.setTimeout(() => {
        this.timer = undefined
        void this.ping(ua, target).then((dead) => {
          if (round !== this.round) return
          if (dead) onDead(dead)
          else tick()
        })
      }, this.deps.intervalMs ?? KEEPALIVE_INTERVAL_MS)
    }
    tick()
  }

  stop(): void {
    this.round++
    if (this.timer !== undefined) this.deps.clock.clearTimeout(this.timer)
    this.timer = undefined
  }

  /** Why the path is dead, or '' when the far end answered. */
  private async ping(ua: SipUserAgent, target: SipUri): Promise<string> {
    const answer = await withTimeout(
      sendForAnswer(
        (requestDelegate) => this.deps.stack.ping(ua, target, requestDelegate),
        (error) => ({ ok: false, code: 503, reason: messageOf(error) }),
      ),
      this.deps.timeoutMs ?? KEEPALIVE_TIMEOUT_MS,
      this.deps.clock,
    )
    if (!answer) return 'no answer to the keepalive'
    // any answer but a timeout proves the path alive (a registrar may refuse OPTIONS)
    if (!answer.ok && answer.code === 408) return 'keepalive timed out at the proxy'
    return ''
  }
}
