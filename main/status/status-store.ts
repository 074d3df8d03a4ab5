import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import {
  publicationRecordSchema,
  statusRecordSchema,
  statusScheduleSchema,
  type StatusChange,
} from '../../contract/presence/schemas'
import { replaceAtomically } from '../history/durable-file'
import type { Logger } from '../log/logger'

const fileSchema = z.object({
  version: z.literal(1),
  record: statusRecordSchema,
  /** Absent until the user saves one: the admin's preset applies until then. */
  schedule: statusScheduleSchema.optional(),
  /** Read on its own (publicationOf): a damaged one is dropped, the status kept. */
  publication: z.unknown().optional(),
})
export type StatusFile = Omit<z.infer<typeof fileSchema>, 'publication'> & {
  publication?: z.infer<typeof publicationRecordSchema>
}

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
    if (!parsed.success) {
      this.logger.warn('Status: the file is damaged; starting as Available with no schedule')
      return
    }
    const { publication, ...rest } = parsed.data
    this.content = rest
    if (publication === undefined) return
    const held = publicationRecordSchema.safeParse(publication)
    if (held.success) this.content.publication = held.data
    else
      this.logger.warn('Status: the remembered publication is damaged; it is ignored (it lapses at the PBX)')
  }

  async stop(): Promise<void> {
    await this.writes
  }

  get(): StatusFile {
    return this.content
  }

  /** Written first, applied after: a failed write changes nothing. */
  async save(change: StatusChange): Promise<StatusFile> {
    const { publication, ...rest } = change
    const next: StatusFile = { ...this.content, ...rest }
    if (publication === null) delete next.publication
    else if (publication !== undefined) next.publication = publication
    const write = this.writes.then(() => replaceAtomically(this.path, JSON.stringify(next)))
    // the caller gets this write's error (await below); the queue itself goes on to the next write
    this.writes = write.catch(() => undefined)
    await write
    this.content = next
    return next
  }
}
