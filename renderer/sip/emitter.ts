import type { PhoneEventName, PhoneEvents } from './types'

type Listener<E extends PhoneEventName> = (payload: PhoneEvents[E]) => void

/**
 * Plain typed event emitter. A listener that throws must not break the phone or the other
 * listeners (a UI bug should never drop a call), so exceptions are reported and swallowed.
 */
export class PhoneEmitter {
  private readonly listeners = new Map<PhoneEventName, Set<(payload: never) => void>>()

  constructor(private readonly report: (error: unknown) => void = () => {}) {}

  on<E extends PhoneEventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event)
    if (!set) {
      set = new Set()
      this.listeners.set(event, set)
    }
    set.add(listener as (payload: never) => void)
    return () => {
      set.delete(listener as (payload: never) => void)
    }
  }

  emit<E extends PhoneEventName>(event: E, payload: PhoneEvents[E]): void {
    const set = this.listeners.get(event)
    if (!set) return
    for (const listener of [...set]) {
      try {
        ;(listener as Listener<E>)(payload)
      } catch (error) {
        this.report(error)
      }
    }
  }
}
