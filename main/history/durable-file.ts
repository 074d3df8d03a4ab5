import { constants } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * Writes that survive a crash or power loss: appends are flushed to disk before they are
 * reported done, and whole-file rewrites go to a temporary file that replaces the original in
 * one rename, so a reader sees either the old file or the new one, never half of each.
 */

export async function appendDurably(path: string, text: string): Promise<void> {
  const handle = await open(path, constants.O_APPEND | constants.O_CREAT | constants.O_WRONLY, 0o600)
  try {
    await handle.appendFile(text, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export async function replaceAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`
  const handle = await open(temporary, 'w', 0o600)
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } catch (error) {
    await handle.close()
    await rm(temporary, { force: true })
    throw error
  }
  await handle.close()
  await rename(temporary, path)
  await syncDirectory(dirname(path))
}

/** Makes the rename itself durable; not possible (nor needed) on Windows. */
async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return
  try {
    const handle = await open(directory, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Some filesystems refuse fsync on directories; the rename is still atomic there.
  }
}

/** "history.jsonl" → "history.jsonl.corrupt-20261125T152000Z" (same style as the settings file). */
export function setAsideName(path: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  return `${path}.corrupt-${stamp}`
}
