/** Where main writes diagnostics. Internal details go here, never to the renderer. */
export interface Logger {
  info(message: string, ...details: unknown[]): void
  warn(message: string, ...details: unknown[]): void
  error(message: string, ...details: unknown[]): void
}

export const consoleLogger: Logger = {
  info: (message, ...details) => console.info(`[parley] ${message}`, ...details),
  warn: (message, ...details) => console.warn(`[parley] ${message}`, ...details),
  error: (message, ...details) => console.error(`[parley] ${message}`, ...details),
}

/** Collects lines in memory; tests assert on it and it keeps test output quiet. */
export class MemoryLogger implements Logger {
  readonly lines: { level: 'info' | 'warn' | 'error'; message: string; details: unknown[] }[] = []
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
