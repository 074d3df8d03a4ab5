import type { LogLevel } from './logger'

/** Longest detail (an object dump, a stack) kept in one line; the rest is cut with a marker. */
const maxDetailChars = 4000

function describe(detail: unknown): string {
  if (detail instanceof Error) {
    const cause = detail.cause === undefined ? '' : ` (cause: ${describe(detail.cause)})`
    return `${detail.stack ?? `${detail.name}: ${detail.message}`}${cause}`
  }
  if (typeof detail === 'string') return detail
  try {
    return JSON.stringify(detail) ?? String(detail)
  } catch {
    // Circular or BigInt: String() always gives something a person can read.
    return String(detail)
  }
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… [cut]` : text)

/**
 * One log entry: `2026-11-29T13:00:00.000Z WARN  message | detail`. Continuation lines are
 * indented, so text from outside (a caller's name, a renderer message) can never start a line
 * that looks like an entry of its own.
 */
export function formatEntry(at: Date, level: LogLevel, message: string, details: readonly unknown[]): string {
  const parts = [message, ...details.map((detail) => cut(describe(detail), maxDetailChars))]
  const body = parts
    .join(' | ')
    .replace(/\r\n?|\n/g, '\n    ')
    // Other control characters (escape sequences, NUL) would garble a terminal or an editor.

    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '?')
  return `${at.toISOString()} ${level.toUpperCase().padEnd(5)} ${body}\n`
}
