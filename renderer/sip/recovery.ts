import type { Call } from './call'
import type { CallRegistry } from './call-registry'
import type { PhoneContext } from './context'
import type { SessionOps } from './session-ops'
import type { CallEndReason } from './types'
import { message, type Message } from '../../contract/i18n/message'

export interface RecoveryDeps {
  calls: CallRegistry
  sessions: SessionOps
  terminate: (call: Call, reason: CallEndReason, text?: Message) => void
  isTransportConnected: () => boolean
}

const LOST = message('call.connection-lost')

/**
 * Calls across a network loss: a grace period from the first loss (then live calls end with
 * `network`), an ICE restart for each call once we are registered again, and one when a call's
 * media path fails while signalling is fine.
 */
export class NetworkRecovery {
  private graceTimer: unknown = undefined

  constructor(
    private readonly context: PhoneContext,
    private readonly deps: RecoveryDeps,
  ) {}

  onTransportLost(): void {
    const { calls } = this.deps
    if (calls.size === 0) return
    for (const call of calls.all()) call.patch({ message: message('call.reconnecting') })
    // the grace period runs from the first loss, not from each failed retry
    if (this.graceTimer !== undefined) return
    this.graceTimer = this.context.deps.clock.setTimeout(() => {
      this.graceTimer = undefined
      for (const call of calls.all()) this.deps.terminate(call, 'network', LOST)
    }, this.context.deps.networkGraceMs ?? 30_000)
  }

  onRegistered(recovered: boolean): void {
    this.clear()
    if (!recovered) return
    for (const call of this.deps.calls.all()) {
      if (!call.isEstablished) {
        this.deps.terminate(call, 'network', LOST)
        continue
      }
      void this.deps.sessions.restartIce(call).then((outcome) => {
        if (!outcome) return
        if (outcome.ok) call.patch({ message: null })
        // the far end no longer knows the call: it hung up while we could not hear its BYE
        else if (outcome.code === 481)
          this.deps.terminate(call, 'remote-hangup', message('call.remote-hung-up-while-away'))
        else this.deps.terminate(call, 'network', message('call.not-recovered'))
      })
    }
  }

  onIceFailed(call: Call): void {
    if (call.isEnded || !call.isEstablished || !this.deps.isTransportConnected()) return
    void this.deps.sessions.restartIce(call).then((outcome) => {
      if (outcome && !outcome.ok) this.deps.terminate(call, 'network', message('call.audio-lost'))
    })
  }

  clear(): void {
    if (this.graceTimer !== undefined) this.context.deps.clock.clearTimeout(this.graceTimer)
    this.graceTimer = undefined
  }
}
