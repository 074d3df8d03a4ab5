import { backoffDelay } from './backoff'
import { Pacer } from './pacer'
import {
  ACCEPT,
  DEFAULT_SUBSCRIPTION_TUNING,
  expiresOf,
  failedAnswer,
  FINAL_REASONS,
  RETRY_POLICY,
  statusOf,
  type SubscriptionTuning,
  unusableBody,
} from './subscription-rules'
import type { Clock } from './registration'
import type {
  RequestDelegate,
  SipResponse,
  SipStack,
  SipUri,
  SipUserAgent,
  SubscriptionNotify,
} from './stack'
import type { WatchEvent, WatchNotify, WatchState, WatchStateChange } from './types'
import { newWatch, transitionWatch, type Watch, WatchPhase } from './watch-phase'

export interface SubscriptionDeps {
  stack: SipStack
  clock: Clock
  random: () => number
  userAgent: () => SipUserAgent | null
  /** The SIP URI a watch target means (numbers are in the account's domain). */
  uriOf: (target: string) => SipUri | undefined
  emitNotify: (notify: WatchNotify) => void
  emitState: (change: WatchStateChange) => void
  log: (message: string) => void
  tuning?: Partial<SubscriptionTuning>
}

/**
 * Every watch (SUBSCRIBE presence / dialog / message-summary) the phone keeps: paced so a board
 * of 500 colleagues never bursts at the PBX, refreshed before expiry, retried as the PBX says
 * (503 + Retry-After pauses the whole queue, 423 raises Expires), started again after a
 * reconnect or wake, ended on sign-out. NOTIFY bodies go out as `notify` events unparsed.
 */
export class SubscriptionManager {
  private readonly watches = new Map<string, Watch>()
  private readonly tuning: SubscriptionTuning
  private readonly pacer: Pacer<Watch>

  constructor(private readonly deps: SubscriptionDeps) {
    this.tuning = { ...DEFAULT_SUBSCRIPTION_TUNING, ...deps.tuning }
    this.pacer = new Pacer(deps.clock, this.tuning, (watch) => this.send(watch))
  }

  watch(target: string, event: WatchEvent): void {
    const key = `${event} ${target}`
    const existing = this.watches.get(key)
    if (existing) {
      if (existing.phase === WatchPhase.Over) {
        this.report(existing, 'pending')
        this.requeue(existing, false)
      }
      return
    }
    const watch = newWatch(key, target, event, this.tuning.expires)
    this.watches.set(key, watch)
    this.report(watch, 'pending')
    this.pacer.add(watch)
  }

  unwatch(target: string, event: WatchEvent): void {
    const watch = this.watches.get(`${event} ${target}`)
    if (!watch) return
    this.forget(watch, true)
    this.report(watch, 'terminated', 'unwatched')
  }

  /** Registered (again): send what waits; after a lost connection every dialog starts afresh. */
  resume(recovered: boolean): void {
    if (recovered) for (const watch of this.watches.values()) if (watch.subscription) this.restart(watch)
    this.pacer.setOpen(true)
  }

  /** The connection is gone: nothing can be sent until `resume`. */
  pause(): void {
    this.pacer.setOpen(false)
  }

  /** A new user agent (sign-in): the old one's dialogs are gone with it; watches stay. */
  rebase(): void {
    this.pacer.setOpen(false)
    for (const watch of this.watches.values()) if (watch.phase !== WatchPhase.Over) this.restart(watch)
  }

  /** Sleep: every dialog ends (Expires: 0) but the watches stay for the wake-up. */
  suspend(): void {
    this.pacer.setOpen(false)
    for (const watch of this.watches.values()) {
      this.end(watch, true)
      if (watch.phase !== WatchPhase.Over) this.requeue(watch, false)
    }
  }

  /** Sign-out: every subscription ends and is forgotten. */
  stop(): void {
    this.pacer.setOpen(false)
    for (const watch of [...this.watches.values()]) {
      this.forget(watch, true)
      this.report(watch, 'terminated', 'signed-out')
    }
    this.pacer.clear()
  }

  /** Watches by phase, for tests and diagnostics. */
  counts(): Record<WatchPhase, number> {
    const counts = Object.fromEntries(Object.values(WatchPhase).map((p) => [p, 0])) as Record<
      WatchPhase,
      number
    >
    for (const watch of this.watches.values()) counts[watch.phase]++
    return counts
  }

  // ── sending ───────────────────────────────────────────────────────────────────────────────

  /** The pacer's sender: true when a request went out and its answer will settle it. */
  private send(watch: Watch): boolean {
    if (this.watches.get(watch.key) !== watch) return false
    if (watch.phase === WatchPhase.Live) return this.sendRefresh(watch)
    if (watch.phase === WatchPhase.Queued) return this.sendSubscribe(watch)
    return false
  }

  private sendSubscribe(watch: Watch): boolean {
    const ua = this.deps.userAgent()
    const uri = this.deps.uriOf(watch.target)
    if (!ua) {
      // not signed in after all: wait for the next `resume`
      this.pacer.setOpen(false)
      this.pacer.add(watch, true)
      return false
    }
    if (!uri) {
      this.deps.log(`watch ${watch.event}: not a SIP address: ${watch.target.slice(0, 64)}`)
      this.giveUp(watch, 'failed', 'bad-target')
      return false
    }
    this.move(watch, WatchPhase.Subscribing)
    const generation = ++watch.generation
    const current = () => this.watches.get(watch.key) === watch && watch.generation === generation
    const settle = this.holdSlot(watch)
    try {
      watch.subscription = this.deps.stack.subscribe(
        ua,
        uri,
        { event: watch.event, expires: watch.expires, accept: ACCEPT[watch.event] },
        {
          onResponse: (response) => {
            settle()
            if (current()) this.onSubscribeAnswer(watch, response)
          },
          onNotify: (notify) => {
            settle()
            if (current()) this.onNotify(watch, notify)
            else notify.accept()
          },
          onTerminated: () => {
            settle()
            if (current()) this.onDialogLost(watch)
          },
        },
      )
      return true
    } catch (error) {
      watch.release = undefined
      this.deps.log(`SUBSCRIBE ${watch.event} to ${watch.target} could not be sent: ${String(error)}`)
      this.retryLater(watch, undefined)
      return false
    }
  }

  private sendRefresh(watch: Watch): boolean {
    const generation = watch.generation
    const current = () => this.watches.get(watch.key) === watch && watch.generation === generation
    const release = this.holdSlot(watch)
    const settle = (then: () => void) => {
      release()
      if (current()) then()
    }
    const delegate: RequestDelegate = {
      onAccept: (response) => settle(() => this.onRefreshed(watch, response)),
      onReject: (response) => settle(() => this.onRefreshFailed(watch, response)),
    }
    this.move(watch, WatchPhase.Refreshing)
    if (watch.subscription?.refresh(delegate)) return true
    watch.release = undefined
    this.restart(watch)
    return false
  }

  // ── answers ───────────────────────────────────────────────────────────────────────────────

  private onSubscribeAnswer(watch: Watch, response: SipResponse): void {
    const code = statusOf(response)
    if (code >= 200 && code < 300) {
      watch.failures = 0
      if (watch.phase === WatchPhase.Subscribing) this.move(watch, WatchPhase.Live)
      this.scheduleRefresh(watch, expiresOf(response))
      return
    }
    if (code < 300) return
    this.end(watch, false)
    const answer = failedAnswer(response)
    if (answer.kind === 'longer' && watch.failures < 3) {
      watch.failures++
      watch.expires = Math.max(watch.expires, answer.minExpires)
      this.move(watch, WatchPhase.Queued)
      this.pacer.add(watch, true)
    } else if (answer.kind === 'retry') {
      if (answer.overload) this.pacer.pauseFor(answer.retryAfterMs ?? this.tuning.overloadPauseMs)
      const delay = this.retryLater(watch, answer.retryAfterMs)
      // once per streak: a board of 500 refused every few seconds must not flood the log
      if (watch.failures === 1)
        this.deps.log(
          `SUBSCRIBE ${watch.event} to ${watch.target} answered ${code}: again in ${Math.round(delay / 1000)} s`,
        )
    } else {
      this.deps.log(`SUBSCRIBE ${watch.event} to ${watch.target} refused (${code})`)
      this.giveUp(watch, 'failed', String(code))
    }
  }

  private onNotify(watch: Watch, notify: SubscriptionNotify): void {
    if (watch.phase === WatchPhase.Subscribing) this.move(watch, WatchPhase.Live)
    const unusable = unusableBody(notify, watch.event, this.tuning.maxBodyLength)
    if (unusable) {
      this.deps.log(`NOTIFY ${watch.event} for ${watch.target}: ${unusable}`)
    } else {
      if (notify.state !== 'terminated') this.report(watch, notify.state)
      this.deps.emitNotify({
        target: watch.target,
        event: watch.event,
        contentType: notify.contentType,
        body: notify.body,
      })
    }
    notify.accept()
    if (notify.state === 'terminated') this.onTerminatedByNotifier(watch, notify)
    else if (watch.phase === WatchPhase.Live && watch.timer === undefined) this.scheduleRefresh(watch)
  }

  private onTerminatedByNotifier(watch: Watch, notify: SubscriptionNotify): void {
    this.end(watch, false)
    const reason = notify.reason ?? ''
    if (FINAL_REASONS.has(reason)) {
      this.giveUp(watch, 'terminated', reason)
    } else if (reason === 'probation' || reason === 'giveup') {
      this.retryLater(watch, notify.retryAfter !== undefined ? notify.retryAfter * 1000 : undefined)
    } else if (watch.failures === 0) {
      // deactivated / timeout: subscribe again at once (RFC 6665 §4.2.2), but not in a loop
      watch.failures++
      this.requeue(watch, false)
    } else {
      this.retryLater(watch, undefined)
    }
  }

  private onDialogLost(watch: Watch): void {
    this.deps.log(`subscription ${watch.event} to ${watch.target} lost; subscribing again`)
    this.end(watch, false)
    this.retryLater(watch, watch.failures === 0 ? 0 : undefined)
  }

  private onRefreshed(watch: Watch, response: SipResponse): void {
    this.move(watch, WatchPhase.Live)
    this.scheduleRefresh(watch, expiresOf(response))
  }

  private onRefreshFailed(watch: Watch, response: SipResponse): void {
    const answer = failedAnswer(response)
    if (answer.kind === 'retry' && answer.overload)
      this.pacer.pauseFor(answer.retryAfterMs ?? this.tuning.overloadPauseMs)
    if (answer.kind === 'longer') watch.expires = Math.max(watch.expires, answer.minExpires)
    // a refused refresh (481: the notifier forgot us) or an expiring one: start a new dialog
    this.restart(watch)
  }

  // ── bookkeeping ───────────────────────────────────────────────────────────────────────────

  private scheduleRefresh(watch: Watch, granted?: number): void {
    this.deps.clock.clearTimeout(watch.timer)
    const expires = Math.min(granted ?? watch.expires, watch.subscription?.expiresIn || watch.expires)
    // between 80 % and 90 % of the time left: refreshes of a board spread out by themselves
    const delay = Math.max(1000, expires * 1000 * (0.8 + 0.1 * this.deps.random()))
    watch.timer = this.deps.clock.setTimeout(() => {
      watch.timer = undefined
      if (watch.phase === WatchPhase.Live) this.pacer.add(watch, true)
    }, delay)
  }

  /** Backs off and queues the watch again after `delayMs` (or the backoff); returns the delay. */
  private retryLater(watch: Watch, delayMs: number | undefined): number {
    watch.failures++
    this.move(watch, WatchPhase.Backoff)
    this.deps.clock.clearTimeout(watch.timer)
    const delay = delayMs ?? backoffDelay(watch.failures, this.deps.random, RETRY_POLICY)
    watch.timer = this.deps.clock.setTimeout(() => {
      watch.timer = undefined
      if (this.watches.get(watch.key) === watch) this.requeue(watch, true)
    }, delay)
    return delay
  }

  /** Drops the current dialog (quietly) and queues a new SUBSCRIBE. */
  private restart(watch: Watch): void {
    this.end(watch, false)
    this.requeue(watch, false)
  }

  private requeue(watch: Watch, keepFailures: boolean): void {
    if (!keepFailures && watch.phase === WatchPhase.Over) watch.failures = 0
    this.deps.clock.clearTimeout(watch.timer)
    watch.timer = undefined
    if (watch.phase !== WatchPhase.Queued) this.move(watch, WatchPhase.Queued)
    this.pacer.add(watch)
  }

  private giveUp(watch: Watch, state: 'failed' | 'terminated', reason: string): void {
    this.end(watch, false)
    this.move(watch, WatchPhase.Over)
    this.report(watch, state, reason)
  }

  /** The pacer slot a request takes until its answer, or until its dialog is dropped (reconnect). */
  private holdSlot(watch: Watch): () => void {
    let held = true
    const release = () => {
      if (!held) return
      held = false
      if (watch.release === release) watch.release = undefined
      this.pacer.settled()
    }
    watch.release = release
    return release
  }

  /** Ends the subscription object: `unsubscribe` tells the notifier (Expires: 0). */
  private end(watch: Watch, unsubscribe: boolean): void {
    watch.release?.()
    this.deps.clock.clearTimeout(watch.timer)
    watch.timer = undefined
    const subscription = watch.subscription
    watch.subscription = null
    watch.generation++
    if (!subscription) return
    try {
      if (unsubscribe) subscription.unsubscribe()
      else subscription.dispose()
    } catch (error) {
      this.deps.log(`ending the subscription ${watch.event} to ${watch.target} failed: ${String(error)}`)
    }
  }

  private forget(watch: Watch, unsubscribe: boolean): void {
    this.end(watch, unsubscribe)
    this.watches.delete(watch.key)
    this.pacer.remove(watch)
  }

  private move(watch: Watch, to: WatchPhase): void {
    const next = transitionWatch(watch.phase, to)
    if (next) watch.phase = next
    else this.deps.log(`subscription ${watch.event} to ${watch.target}: no move ${watch.phase} → ${to}`)
  }

  private report(watch: Watch, state: WatchState, reason?: string): void {
    if (watch.reported === state && state !== 'failed') return
    watch.reported = state
    this.deps.emitState({ target: watch.target, event: watch.event, state, ...(reason ? { reason } : {}) })
  }
}
