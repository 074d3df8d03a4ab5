import { appendFileSync, chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { formatEntry } from './log-format'
import { atLeast, type Logger, type LogLevel } from './logger'
import { Redactor } from './redact'

export interface FileLoggerOptions {
  /** The user's log folder (Electron: app.getPath('logs')); created 0700 when missing. */
  dir: string
  /** Default parley.log; older files are parley.1.log (newest) … parley.<keep>.log. */
  fileName?: string
  /** Rotate once the current file would pass this size. Default 1 MB. */
  maxBytes?: number
  /** Rotated files kept besides the current one. Default 3 (so at most 4 MB in all). */
  keep?: number
  /** Lines below this level are dropped. Default 'info'. */
  level?: LogLevel
  redactor?: Redactor
  /** Also written here (development console). */
  echo?: Logger
  now?: () => Date
}

const privateFile = 0o600

/**
 * The log file: levelled, redacted, size-bounded with rotation, readable by its user only.
 * Writes are synchronous appends, so the last line before a crash is on disk; the volume is
 * small (state changes and failures, not SIP traffic). A failing disk never breaks the app:
 * the line goes to `echo` and the logger carries on.
 */
export class FileLogger implements Logger {
  readonly redactor: Redactor
  private readonly path: string
  private readonly maxBytes: number
  private readonly keep: number
  private readonly threshold: LogLevel
  private size = 0
  private open = false

  constructor(private readonly options: FileLoggerOptions) {
    this.redactor = options.redactor ?? new Redactor()
    this.path = join(options.dir, options.fileName ?? 'parley.log')
    this.maxBytes = options.maxBytes ?? 1_000_000
    this.keep = options.keep ?? 3
    this.threshold = options.level ?? 'info'
  }

  start(): void {
    mkdirSync(this.options.dir, { recursive: true, mode: 0o700 })
    if (existsSync(this.path)) {
      chmodSync(this.path, privateFile)
      this.size = statSync(this.path).size
    }
    this.open = true
  }

  stop(): void {
    this.open = false
  }

  /** The current file and the rotated ones, oldest first (for the diagnostics bundle). */
  files(): string[] {
    const rotated = Array.from({ length: this.keep }, (_, index) => this.rotatedPath(this.keep - index))
    return [...rotated, this.path].filter((path) => existsSync(path))
  }

  info(message: string, ...details: unknown[]): void {
    this.write('info', message, details)
  }
  warn(message: string, ...details: unknown[]): void {
    this.write('warn', message, details)
  }
  error(message: string, ...details: unknown[]): void {
    this.write('error', message, details)
  }

  write(level: LogLevel, message: string, details: readonly unknown[] = []): void {
    if (!atLeast(level, this.threshold)) return
    const line = this.redactor.redact(
      formatEntry(this.options.now?.() ?? new Date(), level, message, details),
    )
    const echo = this.options.echo
    if (echo) echo[level === 'debug' ? 'info' : level](line.trimEnd())
    if (!this.open) return
    try {
      const bytes = Buffer.byteLength(line)
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate()
      appendFileSync(this.path, line, { mode: privateFile })
      this.size += bytes
    } catch (error) {
      // Nowhere else to write it: say so on the console once per failure, keep running.
      console.error('[parley] the log file could not be written', error)
    }
  }

  private rotatedPath(index: number): string {
    return this.path.replace(/(\.log)?$/, `.${index}$1`)
  }

  private rotate(): void {
    rmSync(this.rotatedPath(this.keep), { force: true })
    for (let index = this.keep - 1; index >= 1; index--) {
      const from = this.rotatedPath(index)
      if (existsSync(from)) renameSync(from, this.rotatedPath(index + 1))
    }
    renameSync(this.path, this.rotatedPath(1))
    this.size = 0
  }
}
