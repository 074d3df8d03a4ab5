import type { InvokeChannel, InvokeMap, InvokeRequest, ParleyApi } from '../../contract/ipc'

/** What an IPC call gives a state class: the value, or a plain-language message to show. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string }

/**
 * Calls main and turns every kind of failure (an error Result, a rejected promise, a missing
 * preload) into one plain-language message, so state classes never have to try/catch.
 */
export async function request<C extends InvokeChannel>(
  api: ParleyApi,
  channel: C,
  payload?: InvokeRequest<C>,
): Promise<Outcome<InvokeMap[C]>> {
  try {
    const result = await api.invoke(channel, payload)
    if (result.ok) return { ok: true, value: result.value as InvokeMap[C] }
    return { ok: false, message: result.error.message || 'Something went wrong. Please try again.' }
  } catch (error) {
    const detail = error instanceof Error && error.message ? ` (${error.message})` : ''
    return { ok: false, message: `Parley could not reach its background service${detail}.` }
  }
}
