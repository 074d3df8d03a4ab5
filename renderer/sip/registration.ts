import { parseSipAddress } from './account'
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff'
import { logged, logFailure } from './context'
import { messageOf } from '../../contract/error-message'
import { Keepalive } from './keepalive'
import { sendForAnswer } from './request-answer'
import type {
  RegistrationState,
  SipRegisterer as Registerer,
  SipStack,
  SipUserAgent as UserAgent,
  UserAgentConfig,
  UserAgentDelegate,
} from './stack'
import type { RegistrationFailure, RegistrationStatus, SipAccount } from './types'
import { message, type Message } from '../../contract/i18n/message'

export interface Clock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface RegistrationDeps {
  stack: SipStack
  clock: Clock
  random: () => number
  emitStatus: (status: RegistrationStatus) => void
  /** Builds the UA options; the transport delegate hooks are merged in by Registration. */
  userAgentConfig: (account: SipAccount, transportDelegate: UserAgentDelegate) => UserAgentConfig
  /** Registered, the transport up; `recovered` after a drop or forced reconnect. A promise is awaited. */
  onRegistered?: (recovered: boolean) => unknown
  /** Resolves in a later task; onRegistered and the keepalive wait for it (none: at once). */
  later?: () => Promise<void>
  /** The WebSocket went away unexpectedly. */
  onTransportLost?: () => void
  backoff?: BackoffPolicy
  /** How long sign-out waits for the un-REGISTER answer. */
  unregisterTimeoutMs?: number
  /** A REGISTER without any answer by then counts as failed (SIP.js can drop odd 200s silently). */
  registerTimeoutMs?: number
  /** Keepalive ping interval and timeout (defaults in keepalive.ts). */
  keepaliveIntervalMs?: number
  keepaliveTimeoutMs?: number
  /** Diagnostics for the log: why a connect or a clean shutdown failed. */
  log?: (message: string) => void
}

type RegisterResult =
  { ok: true } | { ok: false; code: number; reason: string; pending?: boolean; retryAfter?: number }

const AUTH_CODES = new Set([401, 403, 407])

/**
 * Keeps one account registered and tells the truth about it. SIP.js does not reconnect by
 * itself; this class opens a fresh WebSocket (same UserAgent, so calls survive) and a fresh
 * REGISTER after a drop, with capped, jittered backoff while the server is unreachable.
 */
export class Registration {
  private account: SipAccount | null = null
  private ua: UserAgent | null = null
  private registerer: Registerer | null = null
  private detachRegisterer: (() => void) | null = null
  private wanted = false
  /** Signed off for sleep by disconnect({ forWake: true }): wake() registers again. */
  private suspended = false
  private registering = false
  private failures = 0
  private retryTimer: unknown = undefined
  private generation = 0
  private recovering = false
  private current: RegistrationStatus = { state: 'unregistered' }
  private readonly keepalive: Keepalive

  constructor(private readonly deps: RegistrationDeps) {
    this.keepalive = new Keepalive({
      stack: deps.stack,
      clock: deps.clock,
      intervalMs: deps.keepaliveIntervalMs,
      timeoutMs: deps.keepaliveTimeoutMs,
    })
  }

  get status(): RegistrationStatus {
    return this.current
  }

  get userAgent(): UserAgent | null {
    return this.ua
  }

  get isTransportConnected(): boolean {
    try {
      return this.ua?.isConnected() ?? false
    } catch {
      return false
    }
  }

  async connect(account: SipAccount): Promise<void> {
    if (this.ua) await this.disconnect()
    const generation = ++this.generation
    this.account = account
    this.wanted = true
    this.suspended = false
    this.failures = 0
    this.recovering = false
    try {
      this.ua = this.deps.stack.createUserAgent(
        this.deps.userAgentConfig(account, this.transportDelegate(generation)),
      )
    } catch (error) {
      this.ua = null
      this.setStatus({
        state: 'failed',
        reason: 'other',
        message: logged(
          this.log,
          'the account cannot be used',
          error,
          message('registration.account-unusable'),
        ),
      })
      return
    }
    await this.attempt(generation)
  }

  /** A fresh WebSocket and REGISTER right now (resume, network back). */
  async reconnect(_reason: string): Promise<void> {
    if (!this.wanted || !this.account) return
    if (!this.ua) {
      await this.connect(this.account)
      return
    }
    this.clearRetry()
    this.keepalive.stop()
    this.failures = 0
    this.recovering = true
    const generation = ++this.generation
    const ua = this.ua
    this.rebindTransportDelegate(ua, generation)
    try {
      // Drop the old socket without waiting for its close handshake (it may be half-dead after
      // sleep); SIP.js ignores events from a socket it no longer holds.
      void ua.transport.disconnect().catch(logFailure(this.log, 'dropping the old connection failed'))
    } catch {
      // already gone
    }
    await this.attempt(generation)
  }

  /** After disconnect({ forWake: true }) only: the same account on a new connection. */
  async wake(): Promise<void> {
    if (!this.suspended || !this.account) return
    this.suspended = false
    await this.connect(this.account)
  }

  /** Unregisters and closes; `forWake` (sleep) keeps the registration wanted for wake(). */
  async disconnect(options: { forWake?: boolean } = {}): Promise<void> {
    // set at once: a quick wake-up may arrive while the sign-off still runs
    this.suspended = (options.forWake ?? false) && this.wanted
    this.wanted = false
    this.generation++
    this.clearRetry()
    this.keepalive.stop()
    const ua = this.ua
    const registerer = this.registerer
    this.ua = null
    this.registerer = null
    this.detachRegisterer?.()
    this.detachRegisterer = null
    if (ua) {
      if (registerer && registerer.state === 'Registered' && this.isConnectedUa(ua)) {
        await withTimeout(
          new Promise<void>((resolve) => {
            registerer
              .unregister({ requestDelegate: { onAccept: () => resolve(), onReject: () => resolve() } })
              .catch((error: unknown) => {
                this.log(`un-REGISTER failed: ${messageOf(error)}`)
                resolve()
              })
          }),
          this.deps.unregisterTimeoutMs ?? 1500,
          this.deps.clock,
        )
      }
      await withTimeout(
        ua.stop().catch(logFailure(this.log, 'stopping the user agent failed')),
        2000,
        this.deps.clock,
      )
    }
    this.setStatus({ state: 'unregistered' })
  }

  private transportDelegate(generation: number): UserAgentDelegate {
    return {
      onDisconnect: (error?: Error) => {
        // A deliberate disconnect (sign-out, forced reconnect) has no error.
        if (!error || generation !== this.generation || !this.wanted) return
        this.keepalive.stop()
        this.generation++
        this.recovering = true
        this.deps.onTransportLost?.()
        this.rebindTransportDelegate(this.ua, this.generation)
        this.scheduleRetry('closed', message('registration.closed'))
      },
    }
  }

  /** After a generation bump the UA must report to handlers of the new generation. */
  private rebindTransportDelegate(ua: UserAgent | null, generation: number): void {
    if (!ua) return
    const delegate = ua.delegate ?? {}
    delegate.onDisconnect = this.transportDelegate(generation).onDisconnect
    ua.delegate = delegate
  }

  private async attempt(generation: number): Promise<void> {
    const ua = this.ua
    if (!ua || generation !== this.generation || !this.wanted) return
    this.setStatus({ state: 'connecting', attempt: this.failures + 1 })
    if (!this.isConnectedUa(ua)) {
      if (!this.registerer) this.newRegisterer(ua) // built while the socket opens (issue 14)
      try {
        if (ua.state === 'Started') await ua.reconnect()
        else await ua.start()
      } catch (error) {
        if (generation !== this.generation || !this.wanted) return
        this.log(`connecting to the server failed: ${messageOf(error)}`)
        this.scheduleRetry('unreachable', message('registration.unreachable'))
        return
      }
    }
    if (generation !== this.generation || !this.wanted) return
    const result = await this.register(ua)
    if (generation !== this.generation || !this.wanted) return
    if (result.ok) {
      this.failures = 0
      const recovered = this.recovering
      this.recovering = false
      const registered: RegistrationStatus = { state: 'registered', since: this.deps.clock.now() }
      this.setStatus(registered)
      // "Registered" reaches the screen, and its frame, before the work of being registered:
      // the keepalive's URI, the queued PUBLISH/SUBSCRIBEs going out, call recovery (issue 14).
      // They go out in the order they were queued. A drop or sign-out in between changed the
      // status: then this registration's work is skipped, the queue kept for the next one.
      if (this.deps.later) await this.deps.later()
      if (this.current !== registered || generation !== this.generation || !this.wanted) return
      this.startKeepalive(ua, generation)
      await this.deps.onRegistered?.(recovered)
      return
    }
    // the server's phrase (or the stack's exception) is for support; the user reads the code's wording
    this.log(`REGISTER failed: ${result.code} ${result.reason}`)
    if (AUTH_CODES.has(result.code)) {
      // retrying a wrong password only risks locking the account
      this.setStatus({
        state: 'failed',
        reason: 'auth',
        message: message('registration.wrong-password', { code: result.code }),
      })
      return
    }
    if (!this.isConnectedUa(ua)) {
      this.scheduleRetry('closed', message('registration.closed'))
      return
    }
    // 500/503 with Retry-After: the server says when it can serve us again (RFC 3261 §20.33)
    const serverSays =
      (result.code === 500 || result.code === 503) && result.retryAfter !== undefined
        ? result.retryAfter * 1000
        : undefined
    this.scheduleRetry('rejected', message('registration.refused', { code: result.code }), serverSays)
  }

  /** While registered, pings the registrar; a dead path gets a fresh connection and REGISTER. */
  private startKeepalive(ua: UserAgent, generation: number): void {
    const domain = this.account ? parseSipAddress(this.account.sipAddress)?.domain : undefined
    const target = domain ? this.deps.stack.makeUri(`sip:${domain}`) : undefined
    if (!target) return
    this.keepalive.start(ua, target, () => {
      if (generation !== this.generation || !this.wanted) return
      this.deps.onTransportLost?.()
      void this.reconnect('keepalive')
    })
  }

  private async register(ua: UserAgent): Promise<RegisterResult> {
    let registerer = this.registerer ?? this.newRegisterer(ua)
    this.registering = true
    const timeoutMs = this.deps.registerTimeoutMs ?? 15_000
    const send = async (r: Registerer): Promise<RegisterResult> =>
      (await withTimeout(sendRegister(r), timeoutMs, this.deps.clock)) ?? {
        ok: false,
        code: 408,
        reason: 'Request Timeout', // SIP's own phrase for 408, as a server would send it
      }
    try {
      let result = await send(registerer)
      if (!result.ok && result.pending) {
        // A REGISTER is stuck on the old socket: leave that registerer behind (not disposed, so
        // it never un-REGISTERs our shared contact) and register with a new one.
        this.detachRegisterer?.()
        registerer = this.newRegisterer(ua)
        result = await send(registerer)
      }
      return result
    } catch (error) {
      return { ok: false, code: 500, reason: messageOf(error) }
    } finally {
      this.registering = false
    }
  }

  private newRegisterer(ua: UserAgent): Registerer {
    const registerer = this.deps.stack.createRegisterer(ua, { expires: 300 })
    const listener = (state: RegistrationState) => this.onRegistererState(registerer, state)
    registerer.stateChange.addListener(listener)
    this.detachRegisterer = () => registerer.stateChange.removeListener(listener)
    this.registerer = registerer
    return registerer
  }

  /** A refresh that failed or a registration that expired: say so and try again. */
  private onRegistererState(registerer: Registerer, state: RegistrationState): void {
    if (registerer !== this.registerer || this.registering || !this.wanted) return
    if (state === 'Unregistered' && this.current.state === 'registered') {
      this.scheduleRetry('other', message('registration.lost'))
    }
  }

  private scheduleRetry(reason: RegistrationFailure, text: Message, delayMs?: number): void {
    this.clearRetry()
    this.keepalive.stop()
    this.failures++
    const delay =
      delayMs ?? backoffDelay(this.failures, this.deps.random, this.deps.backoff ?? DEFAULT_BACKOFF)
    const retryAt = this.deps.clock.now() + delay
    const generation = this.generation
    this.setStatus({ state: 'failed', reason, message: text, retryAt })
    this.retryTimer = this.deps.clock.setTimeout(() => {
      this.retryTimer = undefined
      void this.attempt(generation)
    }, delay)
  }

  private clearRetry(): void {
    if (this.retryTimer !== undefined) this.deps.clock.clearTimeout(this.retryTimer)
    this.retryTimer = undefined
  }

  private readonly log = (message: string) => this.deps.log?.(message)

  private isConnectedUa(ua: UserAgent): boolean {
    try {
      return ua.isConnected()
    } catch {
      return false
    }
  }

  private setStatus(status: RegistrationStatus): void {
    this.current = status
    this.deps.emitStatus(status)
  }
}

function sendRegister(registerer: Registerer): Promise<RegisterResult> {
  return sendForAnswer(
    (requestDelegate) => registerer.register({ requestDelegate }),
    (error) => ({ ok: false, code: 500, reason: messageOf(error), pending: isPendingError(error) }),
  )
}

function isPendingError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'RequestPendingError' || /already in progress/i.test(error.message))
  )
}

export function withTimeout<T>(promise: Promise<T>, ms: number, clock: Clock): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve) => {
    const timer = clock.setTimeout(() => resolve(undefined), ms)
    promise.then(
      (value) => {
        clock.clearTimeout(timer)
        resolve(value)
      },
      () => {
        clock.clearTimeout(timer)
        resolve(undefined)
      },
    )
  })
}
