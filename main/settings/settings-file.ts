import { existsSync, readFileSync, renameSync } from 'node:fs'
import { message, type Message } from '../../contract/i18n'

/** Windows-safe timestamp for file names: 20261125T151000Z. */
export const fileTimestamp = (now: Date): string =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')

export type SetAsideOutcome = { setAside: false } | { setAside: true; movedTo: string; reason: Message }

/**
 * A settings file that is not a JSON object cannot be repaired field by field: move it out of
 * the way (kept for support, never deleted) so a fresh file can start. Field-level problems
 * are handled later, by validation, without moving anything.
 */
export function setAsideIfUnreadable(path: string, now: Date = new Date()): SetAsideOutcome {
  if (!existsSync(path)) return { setAside: false }
  // A file that cannot be read (permissions, a folder in its place) is not corrupt: the error
  // propagates and the caller runs on memory settings without touching it.
  const text = readFileSync(path, 'utf8')
  let reason: Message | null = null
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      reason = message('notice.reason-not-object')
  } catch {
    reason = message('notice.reason-not-json')
  }
  if (reason === null) return { setAside: false }
  const movedTo = `${path}.corrupt-${fileTimestamp(now)}`
  renameSync(path, movedTo)
  return { setAside: true, movedTo, reason }
}

export function setAsideNotice(outcome: SetAsideOutcome, path: string): Message | null {
  if (!outcome.setAside) return null
  return message('notice.settings-set-aside', { path, reason: outcome.reason, movedTo: outcome.movedTo })
}
