import { GuardedListeners } from '../../contract/listeners'
import type { PhoneEventName, PhoneEvents } from './types'

type Listener<E extends PhoneEventName> = (payload: PhoneEvents[E]) => void

/**
 * Plain typed event emitter. A listener that throws must not break the phone or the other
 * listeners (a UI bug should never drop a call), so exceptions are reported and swallowed.
 */
export class PhoneEmitter {
  private readonly listeners: GuardedListeners<PhoneEvents>

  constructor(report: (error: unknown) => void = () => {}) {
    this.listeners = new GuardedListeners((_event, error) => report(error))
  }

  on<E extends PhoneEventName>(event: E, listener: Listener<E>): () => void {
    return this.listeners.add(event, listener)
  }

  emit<E extends PhoneEventName>(event: E, payload: PhoneEvents[E]): void {
    this.listeners.emit(event, payload)
  }
}
