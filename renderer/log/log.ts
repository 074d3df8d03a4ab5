import type { ParleyApi } from '../../contract/ipc'
import type { LogLine } from '../../contract/schemas'

export type LogLevel = LogLine['level']

/**
 * The renderer's way into main's log file. Every module that can meet an error it does not
 * show the user takes a Log (or, in the SIP adapter, a `log(message)` function fed from one)
 * and reports the error once, here, instead of swallowing it.
 */
export interface Log {
  write(level: LogLevel, scope: string, message: string, error?: unknown): void
  /** A `.catch` handler: logs "<what>: <error>" as a warning, once, and settles the chain. */
  failed(scope: string, what: string): (error: unknown) => void
}

/** A `.catch` handler factory bound to one scope: `.catch(failed('the ringer could not stop'))`. */
export type Failed = (what: string) => (error: unknown) => void

/** For modules used without main (unit tests, a page without preload): the console. */
export const consoleFailed =
  (scope: string): Failed =>
  (what) =>
  (error) =>
    console.warn(`[${scope}] ${logMessage(what, error)}`)

const maxMessage = 2000

/** "NotAllowedError: Permission denied", or the thrown value as text. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name
  if (typeof error === 'string') return error
  try {
    return JSON.stringify(error) ?? String(error)
  } catch {
    return String(error)
  }
}

export function logMessage(message: string, error?: unknown): string {
  const text = error === undefined ? message : `${message}: ${describeError(error)}`
  return text.length > maxMessage ? `${text.slice(0, maxMessage - 1)}…` : text
}

/** Lines go to main over `log:write`; when main cannot take them, to the console instead. */
export function ipcLog(api: Pick<ParleyApi, 'invoke'>, fallback: Pick<Console, 'warn'> = console): Log {
  const write = (level: LogLevel, scope: string, message: string, error?: unknown) => {
    const line: LogLine = { level, scope, message: logMessage(message, error) }
    const toConsole = () => fallback.warn(`[${scope}] ${line.message}`)
    try {
      api.invoke('log:write', line).then((result) => {
        // A line refused by the rate limit is counted by main; anything else is lost: say so here.
        if (!result.ok) toConsole()
      }, toConsole)
    } catch {
      toConsole()
    }
  }
  return {
    write,
    failed: (scope, what) => (error) => write('warn', scope, what, error),
  }
}

/**
 * Uncaught errors and unhandled rejections of the window end up in the log too, so a bug that
 * escapes every handler still leaves a trace for support.
 */
export function logWindowErrors(
  target: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  log: Log,
): () => void {
  const onError = (event: ErrorEvent) =>
    log.write('error', 'window', 'Uncaught error', event.error ?? event.message)
  const onRejection = (event: PromiseRejectionEvent) =>
    log.write('error', 'window', 'Unhandled rejection', event.reason)
  target.addEventListener('error', onError)
  target.addEventListener('unhandledrejection', onRejection)
  return () => {
    target.removeEventListener('error', onError)
    target.removeEventListener('unhandledrejection', onRejection)
  }
}
