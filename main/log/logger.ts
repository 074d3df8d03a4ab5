/** Where main writes diagnostics. Internal details go here, never to the renderer. */
export interface Logger {
  info(message: string, ...details: unknown[]): void
  warn(message: string, ...details: unknown[]): void
  error(message: string, ...details: unknown[]): void
}

export const logLevels = ['debug', 'info', 'warn', 'error'] as const
export type LogLevel = (typeof logLevels)[number]

/** True when a line at `level` passes a threshold of `threshold`. */
export const atLeast = (level: LogLevel, threshold: LogLevel): boolean =>
  logLevels.indexOf(level) >= logLevels.indexOf(threshold)

/** A logger that also takes an explicit level (renderer lines arrive with theirs). */
export interface LevelledLogger extends Logger {
  write(level: LogLevel, message: string, details?: readonly unknown[]): void
}

export const consoleLogger: Logger = {
  info: (message, ...details) => console.info(`[parley] ${message}`, ...details),
  warn: (message, ...details) => console.warn(`[parley] ${message}`, ...details),
  error: (message, ...details) => console.error(`[parley] ${message}`, ...details),
}

/** Collects lines in memory; tests assert on it and it keeps test output quiet. */
export class MemoryLogger implements LevelledLogger {
  readonly lines: { level: LogLevel; message: string; details: readonly unknown[] }[] = []
  write(level: LogLevel, message: string, details: readonly unknown[] = []): void {
    this.lines.push({ level, message, details })
  }
  info(message: string, ...details: unknown[]): void {
    this.lines.push({ level: 'info', message, details })
  }
  warn(message: string, ...details: unknown[]): void {
    this.lines.push({ level: 'warn', message, details })
  }
  error(message: string, ...details: unknown[]): void {
    this.lines.push({ level: 'error', message, details })
  }
}
