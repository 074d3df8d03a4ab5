import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import {
  statusRecordSchema,
  statusScheduleSchema,
  type ScheduleEntry,
  type StatusRecord,
} from '../../contract/presence/schemas'
import { replaceAtomically } from '../history/durable-file'
import type { Logger } from '../log/logger'

const fileSchema = z.object({
  version: z.literal(1),
  record: statusRecordSchema,
  /** Absent until the user saves one: the admin's preset applies until then. */
  schedule: statusScheduleSchema.optional(),
})
export type StatusFile = z.infer<typeof fileSchema>

const empty = (): StatusFile => ({ version: 1, record: {} })

/**
 * My status on disk: one small JSON file (0600), replaced as a whole through a temporary file,
 * so a crash leaves the old content or the new one. A file that does not validate is logged
 * once and the status starts empty (Available, no schedule) rather than half-read.
 */
export class StatusStore {
  private content: StatusFile = empty()
  private writes: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly path: string,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.logger.error('Status: the file could not be read; starting as Available', error)
      return
    }
    let parsed: ReturnType<typeof fileSchema.safeParse>
    try {
      parsed = fileSchema.safeParse(JSON.parse(text))
    } catch {
      parsed = fileSchema.safeParse(undefined)
    }
    if (parsed.success) this.content = parsed.data
    else this.logger.warn('Status: the file is damaged; starting as Available with no schedule')
  }

  async stop(): Promise<void> {
    await this.writes
  }

  get(): StatusFile {
    return this.content
  }

  /** Written first, applied after: a failed write changes nothing. */
  async save(change: { record?: StatusRecord; schedule?: ScheduleEntry[] }): Promise<StatusFile> {
    const next: StatusFile = { ...this.content, ...change }
    const write = this.writes.then(() => replaceAtomically(this.path, JSON.stringify(next)))
    // the caller gets this write's error (await below); the queue itself goes on to the next write
    this.writes = write.catch(() => undefined)
    await write
    this.content = next
    return next
  }
}
