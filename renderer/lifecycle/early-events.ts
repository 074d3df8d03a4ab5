import type { EventChannel, EventMap, ParleyApi } from '../../contract/ipc'

type Listener = (payload: never) => void

/**
 * Main's events for code that loads later. Self-healing's code loads once signing in has an
 * answer (issue 14: the bytes before "Registered"), but main may say "suspend" or "headset
 * changed" before that: the events named here are kept from now until the first listener of
 * each subscribes, which then gets them in order before any new one. Nothing is lost, and once
 * handed over they are not kept again (later listeners see only what comes after them).
 */
export function keepEarlyEvents(api: ParleyApi, events: readonly EventChannel[]): ParleyApi {
  const kept = new Map<EventChannel, unknown[]>()
  const stopKeeping = new Map<EventChannel, () => void>()
  for (const event of events) {
    const queue: unknown[] = []
    kept.set(event, queue)
    stopKeeping.set(
      event,
      api.on(event, (payload) => queue.push(payload)),
    )
  }
  return {
    invoke: (channel, request) => api.invoke(channel, request),
    on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void {
      const queue = kept.get(event)
      // subscribe first, then stop keeping: an event is either in the queue or delivered live
      const unsubscribe = api.on(event, listener)
      if (queue) {
        kept.delete(event)
        stopKeeping.get(event)?.()
        stopKeeping.delete(event)
        for (const payload of queue) (listener as Listener)(payload as never)
      }
      return unsubscribe
    },
  }
}
