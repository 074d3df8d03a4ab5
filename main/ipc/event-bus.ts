import type { EventChannel, EventMap } from '../../contract/ipc'
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
  private readonly listeners = new Map<EventChannel, Set<(payload: never) => void>>()
  private readonly anyListeners = new Set<{
    listener: <E extends EventChannel>(event: E, payload: EventMap[E]) => void
  }>()

  constructor(private readonly logger?: Logger) {}

  on<E extends EventChannel>(event: E, listener: EventListener<E>): () => void {
    let set = this.listeners.get(event)
    if (!set) {
      set = new Set()
      this.listeners.set(event, set)
    }
    set.add(listener as (payload: never) => void)
    return () => set.delete(listener as (payload: never) => void)
  }

  /** Subscribe to every event (what a transport to the renderer wants). */
  onAny(listener: <E extends EventChannel>(event: E, payload: EventMap[E]) => void): () => void {
    const forward = { listener }
    this.anyListeners.add(forward)
    return () => this.anyListeners.delete(forward)
  }

  emit<E extends EventChannel>(event: E, payload: EventMap[E]): void {
    const call = (fn: () => void) => {
      try {
        fn()
      } catch (error) {
        // One broken listener must not stop the others (or the emitting service).
        this.logger?.error(`Listener for ${event} failed`, error)
      }
    }
    for (const listener of this.listeners.get(event) ?? [])
      call(() => (listener as EventListener<E>)(payload))
    for (const { listener } of this.anyListeners) call(() => listener(event, payload))
  }
}
