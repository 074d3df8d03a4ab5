import { Call, type CallInit } from './call'
import { token, type PhoneContext } from './context'
import type { PhoneEmitter } from './emitter'
import type { SipSession } from './stack'
import { CallPhase } from './types'
import { message, type Message } from '../../contract/i18n/message'

export interface CallRegistryHooks {
  /** The call became Active (answered, or resumed). */
  active(call: Call): void
  /** The call was answered (first move to Active). */
  answered(call: Call): void
  /** The call ended and has left the registry. */
  ended(call: Call): void
}

/**
 * The live calls by id, and what the UI hears about them: `call-added` (for a silent call, once
 * it is Active), `call-updated`, `call-ended`.
 */
export class CallRegistry {
  private readonly live = new Map<string, Call>()
  private readonly pendingAnnouncements = new Map<string, () => void>()
  private sequence = 0

  constructor(
    private readonly context: PhoneContext,
    private readonly emitter: PhoneEmitter,
    private readonly hooks: CallRegistryHooks,
  ) {}

  /**
   * A silent call (the new leg of a transfer to us) is announced only once Active; with
   * `announceLater`, when `announce` is called (a new outgoing call: once its INVITE left) or
   * when it ends, whichever comes first.
   */
  add(init: Omit<CallInit, 'id' | 'now'>, options: { silent?: boolean; announceLater?: boolean } = {}): Call {
    const { deps } = this.context
    const id = `call-${(++this.sequence).toString(36)}-${token(deps.random, 6)}`
    let announced = !options.silent && !options.announceLater
    const call = new Call(
      { ...init, id, now: deps.clock.now() },
      {
        updated: (c) => {
          if (c.phase === CallPhase.Active && !announced) {
            announced = true
            this.emitter.emit('call-added', c.snapshot)
          } else if (announced) {
            this.emitter.emit('call-updated', c.snapshot)
          }
          if (c.phase === CallPhase.Active) this.hooks.active(c)
        },
        answered: (c) => this.hooks.answered(c),
        ended: (c) => {
          this.live.delete(c.id)
          this.hooks.ended(c)
          // A call placed but not shown yet (placing it failed before its INVITE left) is
          // shown as it ends, so the window says why and the history keeps it.
          if (this.pendingAnnouncements.delete(c.id) && !announced) {
            announced = true
            this.emitter.emit('call-added', c.snapshot)
          }
          if (announced) this.emitter.emit('call-ended', c.snapshot)
        },
        refused: (c, from, to) => this.context.log(`call ${c.id}: phase ${from} → ${to} refused`),
      },
      () => deps.clock.now(),
    )
    this.live.set(id, call)
    if (announced) this.emitter.emit('call-added', call.snapshot)
    else if (options.announceLater)
      this.pendingAnnouncements.set(id, () => {
        if (announced || call.isEnded) return
        announced = true
        this.emitter.emit('call-added', call.snapshot)
      })
    return call
  }

  /** Tells the UI about a call added with `announceLater`. */
  announce(call: Call): void {
    const announce = this.pendingAnnouncements.get(call.id)
    this.pendingAnnouncements.delete(call.id)
    announce?.()
  }

  /**
   * An incoming call we answered with a refusal before it could ring (unreadable request, no
   * usable audio offer): the UI hears only `call-ended`, so it shows and records it as missed.
   */
  reportRefused(party: { remoteName: string; remoteNumber: string; via: string }, text: Message): void {
    const { deps } = this.context
    const now = deps.clock.now()
    this.emitter.emit('call-ended', {
      id: `call-${(++this.sequence).toString(36)}-${token(deps.random, 6)}`,
      direction: 'incoming',
      phase: CallPhase.Ended,
      ...party,
      muted: false,
      remoteHold: false,
      earlyMedia: false,
      createdAt: now,
      answeredAt: null,
      endedAt: now,
      endReason: 'failed',
      transferredBy: '',
      message: text,
    })
  }

  get(callId: string): Call | undefined {
    return this.live.get(callId)
  }

  /** The call, or an `error` event saying it is gone. */
  find(callId: string): Call | undefined {
    const call = this.live.get(callId)
    if (!call) this.context.error(message('call.gone'))
    return call
  }

  ofSession(session: SipSession): Call | undefined {
    for (const call of this.live.values()) if (call.session === session) return call
    return undefined
  }

  all(): Call[] {
    return [...this.live.values()]
  }

  get size(): number {
    return this.live.size
  }
}
