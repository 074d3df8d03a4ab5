import type { Message } from './i18n/catalogue'

/** What every IPC invoke answers: main never throws across the process boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export interface IpcError {
  code: 'invalid-input' | 'forbidden' | 'not-found' | 'locked' | 'storage' | 'unavailable' | 'internal'
  /** What the user reads: a catalogue code, rendered by the window in its language. */
  message: Message
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: IpcError['code'], message: Message): Result<never> => ({
  ok: false,
  error: { code, message },
})
