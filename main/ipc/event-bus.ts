import type { EventChannel, EventMap } from '../../contract/ipc'
import { GuardedListeners } from '../../contract/listeners'
import type { Logger } from '../log/logger'

export type EventListener<E extends EventChannel> = (payload: EventMap[E]) => void

export interface EventSink {
  emit<E extends EventChannel>(event: E, payload: EventMap[E]): void
}

/**
 * Main-side publish/subscribe for the contract's events. Services emit here; the Electron
 * adapter forwards to the window, the headless harness forwards to the test page.
 */
export class EventBus implements EventSink {
  // One broken listener must not stop the others (or the emitting service).
  private readonly listeners = new GuardedListeners<EventMap>((event, error) =>
    this.logger?.error(`Listener for ${event} failed`, error),
  )
  private readonly anyListeners = new Set<{
    listener: <E extends EventChannel>(event: E, payload: EventMap[E]) => void
  }>()

  constructor(private readonly logger?: Logger) {}

  on<E extends EventChannel>(event: E, listener: EventListener<E>): () => void {
    return this.listeners.add(event, listener)
  }

  /** Subscribe to every event (what a transport to the renderer wants). */
  onAny(listener: <E extends EventChannel>(event: E, payload: EventMap[E]) => void): () => void {
    const forward = { listener }
    this.anyListeners.add(forward)
    return () => this.anyListeners.delete(forward)
  }

  emit<E extends EventChannel>(event: E, payload: EventMap[E]): void {
    this.listeners.emit(event, payload)
    for (const { listener } of [...this.anyListeners])
      this.listeners.call(event, (value) => listener(event, value), payload)
  }
}
