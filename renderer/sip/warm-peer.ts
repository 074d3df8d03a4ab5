import type { Clock } from './registration'

/** What the warmer needs of a connection it holds. */
export interface WarmConnection {
  readonly signalingState: string
  close(): void
}

export interface WarmPeerDeps<C extends WarmConnection> {
  /** A connection configured like a call's, gathering ICE into a pool of `poolSize` at once. */
  create(configuration: RTCConfiguration, poolSize: number): C
  /** Starts the browser's media engine with an offer nobody sends (once, with the first connection). */
  startMediaEngine(): Promise<void>
  clock: Clock
  /** True while any call is up: no connection is made beside a call's own. */
  busy(): boolean
  log(message: string): void
}

/** Host candidates do not age; with STUN/TURN servers a NAT mapping may (often 30 s and up). */
export const WARM_MAX_AGE_MS = 5 * 60_000
export const WARM_MAX_AGE_WITH_ICE_SERVERS_MS = 25_000
/** After a call ends or the phone registers: late enough to stay off that moment's work. */
export const WARM_DELAY_MS = 300

/**
 * One peer connection made ahead of the next call, while the phone is idle. Made with a
 * candidate pool, it gathers its ICE candidates before anyone dials; the call that takes it has
 * gathering "complete" as soon as its offer is set, so the INVITE goes with every candidate and
 * no settle wait (ice.ts), and no call pays WebRTC's start-up (~10 ms for the first connection
 * of a window, ~5–15 ms more for its first offer: one throwaway offer is made with the first).
 *
 * Privacy and cost: no microphone and no media. Gathering binds local UDP ports; with the
 * account's STUN/TURN servers (there are none unless the account names them) it also asks them
 * for our public address, as a call would. Never made while a call is up, so a warm connection
 * never sits beside a call's; dropped on sign-out, sleep and a lost connection (the network
 * may have changed), and replaced when too old to trust its candidates.
 */
export class WarmPeer<C extends WarmConnection> {
  private warm: { connection: C; key: string; madeAt: number } | null = null
  private configuration: RTCConfiguration | null = null
  private timer: { handle: unknown; dueAt: number } | undefined = undefined
  private engineStarted = false

  constructor(private readonly deps: WarmPeerDeps<C>) {}

  /** The configuration calls use now (the account's ICE servers); a warm one of another goes. */
  configure(configuration: RTCConfiguration): void {
    this.configuration = configuration
    if (this.warm && this.warm.key !== keyOf(configuration)) this.discard()
  }

  /** Makes one soon (after `delayMs`) unless one is ready and fresh; nothing while a call is up. */
  prepare(delayMs = 0): void {
    if (!this.configuration) return
    if (this.warm && this.isFresh(this.warm)) return
    const dueAt = this.deps.clock.now() + delayMs
    // asked sooner (the user is about to dial) than already planned: sooner it is
    if (this.timer && this.timer.dueAt <= dueAt) return
    if (this.timer) this.deps.clock.clearTimeout(this.timer.handle)
    const handle = this.deps.clock.setTimeout(() => {
      this.timer = undefined
      this.make()
    }, delayMs)
    this.timer = { handle, dueAt }
  }

  /** Hands the warm connection over to a call, if it is ready, fresh and of this configuration. */
  take(configuration: RTCConfiguration): C | undefined {
    const warm = this.warm
    if (!warm) return undefined
    this.warm = null
    if (
      warm.key === keyOf(configuration) &&
      this.isFresh(warm) &&
      warm.connection.signalingState === 'stable'
    )
      return warm.connection
    this.close(warm.connection)
    return undefined
  }

  /** Drops the warm connection and any made soon (sign-out, sleep, lost connection). */
  discard(): void {
    if (this.timer) this.deps.clock.clearTimeout(this.timer.handle)
    this.timer = undefined
    const warm = this.warm
    this.warm = null
    if (warm) this.close(warm.connection)
  }

  private make(): void {
    const configuration = this.configuration
    if (!configuration || this.deps.busy()) return
    if (this.warm && this.isFresh(this.warm)) return
    if (this.warm) this.close(this.warm.connection)
    this.warm = null
    try {
      const connection = this.deps.create(configuration, 1)
      this.warm = { connection, key: keyOf(configuration), madeAt: this.deps.clock.now() }
      if (!this.engineStarted) {
        this.engineStarted = true
        this.deps
          .startMediaEngine()
          .catch((error: unknown) => this.deps.log(`the media engine did not start ahead: ${String(error)}`))
      }
    } catch (error) {
      this.deps.log(`no connection made ahead of the next call: ${String(error)}`)
    }
  }

  private isFresh(warm: { madeAt: number; key: string }): boolean {
    const servers = this.configuration?.iceServers?.length ?? 0
    const maxAge = servers > 0 ? WARM_MAX_AGE_WITH_ICE_SERVERS_MS : WARM_MAX_AGE_MS
    return this.deps.clock.now() - warm.madeAt <= maxAge
  }

  private close(connection: C): void {
    try {
      connection.close()
    } catch (error) {
      this.deps.log(`a connection made ahead of a call did not close: ${String(error)}`)
    }
  }
}

function keyOf(configuration: RTCConfiguration): string {
  return JSON.stringify(configuration)
}
