import { message, type Message } from '../../contract/i18n/message'
import type { InvokeChannel, InvokeMap, InvokeRequest, ParleyApi } from '../../contract/ipc'
import { consoleFailed } from '../log/log'

/** What an IPC call gives a state class: the value, or a catalogue message to show. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: Message }

/**
 * Calls main and turns every kind of failure (an error Result, a rejected promise, a missing
 * preload) into one catalogue message, so state classes never have to try/catch.
 */
export async function request<C extends InvokeChannel>(
  api: ParleyApi,
  channel: C,
  payload?: InvokeRequest<C>,
): Promise<Outcome<InvokeMap[C]>> {
  try {
    const result = await api.invoke(channel, payload)
    if (result.ok) return { ok: true, value: result.value as InvokeMap[C] }
    return { ok: false, message: result.error.message }
  } catch (error) {
    // The user reads that main is out of reach; what the IPC layer said goes to the console
    // (main, which keeps the log file, is what cannot be reached).
    consoleFailed('ipc')(`${channel} did not reach main`)(error)
    return { ok: false, message: message('reason.service-unreachable') }
  }
}
