import { readFile, rename } from 'node:fs/promises'
import type { HistoryPage } from '../../contract/ipc'
import type { HistoryEntry, HistoryQuery } from '../../contract/schemas'
import { runInSlices } from '../event-loop/slices'
import type { Logger } from '../log/logger'
import { appendDurably, replaceAtomically, setAsideName } from './durable-file'
import { message, type Language, type Message } from '../../contract/i18n'
import { historyToCsv } from './history-csv'
import { ReasonError } from '../ipc/reason-error'
import { HistoryIndex } from './history-index'
import { historyLogSlices, serializeRecord, type LogRecord } from './history-log'

export interface HistoryStoreOptions {
  /** The JSON Lines file, e.g. <userData>/history.jsonl. */
  path: string
  /** Most calls kept (preferences.historyLimit); older ones are pruned. */
  limit: number
  logger: Logger
  now?: () => Date
}

/** A write to disk failed; the message is meant for the user. */
export class HistoryStorageError extends ReasonError {
  override name = 'HistoryStorageError'
}

/**
 * Call history that loses nothing. New calls are appended and flushed before `record` resolves;
 * deletes, clears and pruning rewrite the file through a temporary file and a rename. On start a
 * line cut short by a crash is dropped and the file repaired; a damaged file is kept under
 * another name and a fresh one started with everything that could still be read.
 *
 * Pruning the file is lazy: the list shows at most `limit` calls at once, but the file is only
 * rewritten when it holds a tenth more than that, so a full history does not cost a 10 MB
 * rewrite per call.
 */
export class HistoryStore {
  private index = new HistoryIndex()
  private recordsInFile = 0
  /**
   * The file on disk is behind memory (an append failed part-way, or a rewrite failed): the
   * next write replaces it whole instead of appending.
   */
  private fileNeedsRewrite = false
  /**
   * The file exists but could not be read at start: appending to it is safe, replacing it
   * would destroy calls this session never saw, so deletes and pruning are refused.
   */
  private fileUnreadable = false
  private limit: number
  private writes: Promise<unknown> = Promise.resolve()
  private notices: Message[] = []
  private readonly now: () => Date
  private warming: NodeJS.Immediate | null = null

  constructor(private readonly options: HistoryStoreOptions) {
    this.limit = options.limit
    this.now = options.now ?? (() => new Date())
  }

  async start(): Promise<void> {
    this.index = new HistoryIndex()
    this.recordsInFile = 0
    this.fileUnreadable = false
    const text = await this.readFileText()
    if (text === null) return
    // Parsed a slice at a time, so main keeps answering while 50,000 calls load.
    const parsed = await runInSlices(historyLogSlices(text))
    this.index.load(parsed.records)
    this.recordsInFile = parsed.records.length
    this.index.pruneTo(this.limit)
    this.warmSearchKeysInBackground()

    try {
      if (parsed.badLines.length > 0) await this.setAsideAndStartFresh(parsed.badLines)
      else if (parsed.tornTail) {
        this.options.logger.warn(
          'History: the last line was cut short (the app stopped mid-write); repairing',
        )
        await this.rewrite()
      } else if (this.recordsInFile > this.compactionThreshold()) await this.rewrite()
    } catch (error) {
      // The calls are loaded; failing to tidy the file must not stop the phone.
      this.options.logger.error('History: could not repair the file', error)
    }
  }

  /** Waits for writes in flight; nothing is lost by stopping. */
  async stop(): Promise<void> {
    if (this.warming) clearImmediate(this.warming)
    this.warming = null
    // `writes` never rejects (see enqueue): each failure went to its own caller.
    await this.writes
  }

  /** Folds the loaded calls' search text a slice per event-loop turn, keeping main responsive. */
  private warmSearchKeysInBackground(): void {
    if (this.warming) return
    const step = () => {
      this.warming = this.index.warmSearchKeys(1000) ? null : setImmediate(step)
    }
    this.warming = setImmediate(step)
  }

  /** The notices not yet handed out, left in place (for the log). */
  pendingNotices(): readonly Message[] {
    return [...this.notices]
  }

  /** Plain-language notices (e.g. a damaged file set aside), each handed out once. */
  takeNotices(): Message[] {
    const notices = this.notices
    this.notices = []
    return notices
  }

  get missedUnseen(): number {
    return this.index.missedUnseen
  }

  get size(): number {
    return this.index.size
  }

  query(query: HistoryQuery): HistoryPage {
    return this.index.query(query)
  }

  exportCsv(language: Language): string {
    return historyToCsv(this.index.newestFirst(), language)
  }

  async record(entry: HistoryEntry): Promise<HistoryEntry> {
    this.index.add(entry)
    this.index.pruneTo(this.limit)
    await this.enqueue(async () => {
      if (this.fileNeedsRewrite && !this.fileUnreadable) await this.rewrite()
      else await this.append({ kind: 'call', entry })
      if (this.recordsInFile > this.compactionThreshold() && !this.fileUnreadable) await this.rewrite()
    })
    return entry
  }

  async markSeen(): Promise<boolean> {
    if (this.index.missedUnseen === 0) return true
    this.index.markSeen()
    await this.enqueue(() =>
      this.fileNeedsRewrite && !this.fileUnreadable
        ? this.rewrite()
        : this.append({ kind: 'seen', at: this.now().getTime() }),
    )
    return true
  }

  async delete(id: string): Promise<boolean> {
    if (!this.index.delete(id)) return false
    await this.enqueue(() => this.rewrite())
    return true
  }

  async clear(): Promise<boolean> {
    this.index.clear()
    await this.enqueue(() => this.rewrite())
    return true
  }

  /** A new limit from preferences: prune now (and shrink the file) when it went down. */
  async setLimit(limit: number): Promise<void> {
    this.limit = limit
    if (this.index.pruneTo(limit) > 0) await this.enqueue(() => this.rewrite())
  }

  private compactionThreshold(): number {
    return this.limit + Math.max(100, Math.floor(this.limit / 10))
  }

  private async readFileText(): Promise<string | null> {
    try {
      return await readFile(this.options.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      this.fileUnreadable = true
      this.options.logger.error('History: the file could not be read', error)
      this.notices.push(message('notice.history-unreadable'))
      return null
    }
  }

  private async setAsideAndStartFresh(badLines: number[]): Promise<void> {
    const keptAs = setAsideName(this.options.path, this.now())
    await rename(this.options.path, keptAs)
    const where =
      badLines.length === 1 ? `line ${badLines[0]}` : `${badLines.length} lines (first: line ${badLines[0]})`
    this.options.logger.warn(`History: unreadable ${where}; original kept as ${keptAs}`)
    const lines =
      badLines.length === 1
        ? message('notice.history-line', { line: badLines[0] ?? 0 })
        : message('notice.history-lines', { count: badLines.length, first: badLines[0] ?? 0 })
    this.notices.push(message('notice.history-damaged', { lines, keptAs, count: this.index.size }))
    await this.rewrite()
  }

  private async append(record: LogRecord): Promise<void> {
    try {
      await appendDurably(this.options.path, serializeRecord(record))
    } catch (error) {
      this.fileNeedsRewrite = true
      this.options.logger.error('History: append failed', error)
      throw new HistoryStorageError(message('reason.history-not-saved'))
    }
    this.recordsInFile++
  }

  private async rewrite(): Promise<void> {
    if (this.fileUnreadable) {
      throw new HistoryStorageError(message('reason.history-unreadable-at-start'))
    }
    const records = this.index.toRecords(this.now().getTime())
    try {
      await replaceAtomically(this.options.path, records.map(serializeRecord).join(''))
    } catch (error) {
      this.fileNeedsRewrite = true
      this.options.logger.error('History: rewrite failed', error)
      throw new HistoryStorageError(message('reason.history-not-updated'))
    }
    this.recordsInFile = records.length
    this.fileNeedsRewrite = false
  }

  /** One write at a time, in order; a failed write does not block the ones after it. */
  private enqueue<T>(write: () => Promise<T>): Promise<T> {
    const result = this.writes.then(write, write)
    // The caller gets `result` and reports its failure (logged, and told to the user); the
    // chain only keeps the order, so it must not stop at one failed write.
    this.writes = result.then(
      () => undefined,
      () => undefined,
    )
    return result
  }
}
