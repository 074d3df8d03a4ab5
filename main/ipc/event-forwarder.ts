import type { EventChannel, EventMap } from '../../contract/ipc'

export interface EventTarget {
  send(channel: string, payload: unknown): void
  isDestroyed(): boolean
}

/**
 * Sends main's events to the window. Until the page has loaded (and subscribed), events are
 * held, so a click-to-call link that started the app still reaches the dial field.
 */
export class EventForwarder {
  private target: EventTarget | null = null
  private readonly pending: { event: EventChannel; payload: unknown }[] = []

  constructor(private readonly maxPending = 50) {}

  forward<E extends EventChannel>(event: E, payload: EventMap[E]): void {
    if (this.target && !this.target.isDestroyed()) {
      this.target.send(event, payload)
      return
    }
    this.pending.push({ event, payload })
    if (this.pending.length > this.maxPending) this.pending.shift()
  }

  /** The page is loaded: deliver what was held, then send directly. */
  attach(target: EventTarget): void {
    this.target = target
    for (const { event, payload } of this.pending.splice(0)) {
      if (target.isDestroyed()) return
      target.send(event, payload)
    }
  }

  /** The page is reloading or gone: hold events again. */
  detach(): void {
    this.target = null
  }
}
