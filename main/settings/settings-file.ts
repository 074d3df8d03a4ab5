import { existsSync, readFileSync, renameSync } from 'node:fs'

/** Windows-safe timestamp for file names: 20261125T151000Z. */
export const fileTimestamp = (now: Date): string =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')

export type SetAsideOutcome = { setAside: false } | { setAside: true; movedTo: string; reason: string }

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
  let reason: string | null = null
  try {
    const parsed: unknown = JSON.parse(text)
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      reason = 'it does not hold a settings object'
  } catch {
    reason = 'it is not valid JSON'
  }
  if (reason === null) return { setAside: false }
  const movedTo = `${path}.corrupt-${fileTimestamp(now)}`
  renameSync(path, movedTo)
  return { setAside: true, movedTo, reason }
}

export function setAsideNotice(outcome: SetAsideOutcome, path: string): string | null {
  if (!outcome.setAside) return null
  return `Your settings file ${path} could not be used because ${outcome.reason}. It was kept as ${outcome.movedTo} and Parley started with fresh settings; please enter your account again.`
}
