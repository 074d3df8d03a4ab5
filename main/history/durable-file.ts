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
  // One name per target: a temporary file left by a crash is simply overwritten next time.
  const temporary = `${path}.tmp`
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
  await renameWithRetry(temporary, path)
  await syncDirectory(dirname(path))
}

/**
 * On Windows a virus scanner or indexer may hold the target open for a moment, making the
 * rename fail with EPERM/EBUSY; a few short retries get past it.
 */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const transient = code === 'EPERM' || code === 'EBUSY' || code === 'EACCES'
      if (process.platform !== 'win32' || !transient || attempt >= 5) throw error
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)))
    }
  }
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
