/**
 * Listeners kept per key of an event map `M`, each call guarded: a listener that throws is
 * reported to the owner and the other listeners still run (a broken tray or UI bug must never
 * stop a call from being recorded or the phone from working). The one registry behind main's
 * event bus and call signals and the SIP adapter's event emitter; each of those decides what
 * its events are, how an error is reported and what a listener's answer means.
 */
export class GuardedListeners<M> {
  private readonly byKey = new Map<keyof M, Set<(payload: never) => unknown>>()

  constructor(private readonly report: (key: keyof M, error: unknown) => void) {}

  /** Adds a listener; the function returned removes it again. */
  add<K extends keyof M>(key: K, listener: (payload: M[K]) => unknown): () => void {
    let set = this.byKey.get(key)
    if (!set) {
      set = new Set()
      this.byKey.set(key, set)
    }
    const stored = listener as (payload: never) => unknown
    set.add(stored)
    return () => {
      set.delete(stored)
    }
  }

  /**
   * Calls every listener of `key` (those present when the emit began: one may unsubscribe
   * itself while called). True when at least one of them answered true ("I handled it").
   */
  emit<K extends keyof M>(key: K, payload: M[K]): boolean {
    let handled = false
    for (const listener of [...(this.byKey.get(key) ?? [])]) {
      if (this.call(key, listener as (payload: M[K]) => unknown, payload)) handled = true
    }
    return handled
  }

  /** Calls one listener, guarded: true when it answered true. */
  call<K extends keyof M>(key: K, listener: (payload: M[K]) => unknown, payload: M[K]): boolean {
    try {
      return listener(payload) === true
    } catch (error) {
      this.report(key, error)
      return false
    }
  }
}
