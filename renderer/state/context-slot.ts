import { getContext, setContext } from 'svelte'

/**
 * A value handed from a component to every component below it (Svelte context), typed, and
 * failing loudly when a component is mounted outside the one that provides it.
 */
export function contextSlot<T>(what: string, providedBy: string) {
  const key = Symbol(what)
  return {
    provide(value: T): void {
      setContext(key, value)
    },
    use(): T {
      const value = getContext<T | undefined>(key)
      if (!value) throw new Error(`${what} missing: mount components inside ${providedBy}`)
      return value
    },
  }
}
