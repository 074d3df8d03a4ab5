import { GuardedListeners } from '../../contract/listeners'
import type { PhoneEventName, PhoneEvents } from './types'

type Listener<E extends PhoneEventName> = (payload: PhoneEvents[E]) => void

/**
 * Plain typed event emitter. A listener that throws must not break the phone or the other
 * listeners (a UI bug should never drop a call), so exceptions are reported and swallowed.
 *
 * `registration` is a state, not only news: a new listener is told the last status emitted at
 * once, so a state subscribing after the phone began to connect (the start-up connects before
 * the window's state exists, issue 14) still shows the truth. Before the first status, nothing.
 */
export class PhoneEmitter {
  private readonly listeners: GuardedListeners<PhoneEvents>
  private registration: PhoneEvents['registration'] | null = null
  /** Whether a listener has been told the last status; who waits for that. */
  private heard = false
  private registrationListeners = 0
  private readonly hearing: Array<() => void> = []

  constructor(report: (error: unknown) => void = () => {}) {
    this.listeners = new GuardedListeners((_event, error) => report(error))
  }

  on<E extends PhoneEventName>(event: E, listener: Listener<E>): () => void {
    const stop = this.listeners.add(event, listener)
    if (event !== 'registration') return stop
    this.registrationListeners++
    if (this.registration) {
      this.listeners.call('registration', listener as Listener<'registration'>, this.registration)
      this.markHeard()
    }
    let stopped = false
    return () => {
      if (!stopped) this.registrationListeners--
      stopped = true
      stop()
    }
  }

  emit<E extends PhoneEventName>(event: E, payload: PhoneEvents[E]): void {
    if (event === 'registration') {
      this.registration = payload as PhoneEvents['registration']
      this.heard = false
    }
    // counted before: a listener that stops listening on this status (one waiting for
    // "Registered") has heard it all the same
    const listening = event === 'registration' && this.registrationListeners > 0
    this.listeners.emit(event, payload)
    if (listening) this.markHeard()
  }

  /** Whether the last registration status has reached a listener. */
  get statusHeard(): boolean {
    return this.heard
  }

  /**
   * Resolves once the last registration status has reached a listener (the window's state,
   * which shows it): at once if it has. The start-up may register before the window listens.
   */
  statusHeardByListener(): Promise<void> {
    if (this.heard) return Promise.resolve()
    return new Promise((resolve) => this.hearing.push(resolve))
  }

  private markHeard(): void {
    this.heard = true
    for (const resolve of this.hearing.splice(0)) resolve()
  }
}
