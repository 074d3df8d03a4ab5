/** What every IPC invoke answers: main never throws across the process boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export interface IpcError {
  code: 'invalid-input' | 'forbidden' | 'not-found' | 'locked' | 'storage' | 'unavailable' | 'internal'
  message: string
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: IpcError['code'], message: string): Result<never> => ({
  ok: false,
  error: { code, message },
})
