import { message } from '../../contract/i18n'
import type { EventChannel, EventMap, InvokeChannel, InvokeMap, ParleyApi } from '../../contract/ipc'
import type { Result } from '../../contract/result'

type Handler = (request: unknown) => unknown

/**
 * A window.parley stand-in: each channel answers from a handler the test sets (default: an
 * error Result), every request is logged, and tests push main's events with `emit`.
 */
export class FakeApi implements ParleyApi {
  readonly requests: { channel: InvokeChannel; request: unknown }[] = []
  private readonly handlers = new Map<InvokeChannel, Handler>()
  private readonly listeners = new Map<EventChannel, Set<(payload: never) => void>>()

  handle<C extends InvokeChannel>(
    channel: C,
    handler: (request: unknown) => InvokeMap[C] | Result<InvokeMap[C]>,
  ): this {
    this.handlers.set(channel, handler)
    return this
  }

  async invoke<C extends InvokeChannel>(channel: C, request?: unknown): Promise<Result<InvokeMap[C]>> {
    this.requests.push({ channel, request })
    const handler = this.handlers.get(channel)
    if (!handler)
      return { ok: false, error: { code: 'unavailable', message: message('reason.not-in-this-test') } }
    const answer = handler(request)
    if (answer && typeof answer === 'object' && 'ok' in answer && typeof answer.ok === 'boolean') {
      return answer as Result<InvokeMap[C]>
    }
    return { ok: true, value: answer as InvokeMap[C] }
  }

  on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set()
    set.add(listener as (payload: never) => void)
    this.listeners.set(event, set)
    return () => set.delete(listener as (payload: never) => void)
  }

  emit<E extends EventChannel>(event: E, payload: EventMap[E]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])])
      (listener as (payload: EventMap[E]) => void)(payload)
  }

  listenerCount(): number {
    let count = 0
    for (const set of this.listeners.values()) count += set.size
    return count
  }

  sent<C extends InvokeChannel>(channel: C): unknown[] {
    return this.requests.filter((entry) => entry.channel === channel).map((entry) => entry.request)
  }
}
