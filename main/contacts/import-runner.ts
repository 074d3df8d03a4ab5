import type { ContactImportRequest } from '../../contract/schemas'
import type { Logger } from '../log/logger'
import { message, type Message } from '../../contract/i18n/catalogue'
import { ReasonError } from '../ipc/reason-error'
import type { ParsedImport } from './import-core'
import type { ResultBatch, WorkerMessage, WorkerRequest } from './import-protocol'

/** The part of node:worker_threads' Worker the runner uses (tests pass a real or fake one). */
export interface ImportWorker {
  postMessage(message: WorkerRequest): void
  on(event: 'message', listener: (message: WorkerMessage) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
  on(event: 'exit', listener: (code: number) => void): unknown
  terminate(): Promise<number>
}

export type StartImportWorker = () => ImportWorker

/** Why an import stopped; its `text` is for the user, and nothing was imported. */
export class ImportStopped extends ReasonError {
  override name = 'ImportStopped'
  constructor(
    readonly reason: 'refused' | 'time-limit' | 'failed',
    text: Message,
  ) {
    super(text)
  }
}

export interface ImportRunnerOptions {
  startWorker: StartImportWorker
  /** The worker is stopped after this long and nothing is imported. */
  timeLimitMs: number
  /** Where a worker that would not stop is reported (the import's outcome is already known). */
  logger: Logger
}

/**
 * Runs one contact file through a worker thread so main's event loop stays free (calls keep
 * ringing while 40,000 contacts are read). Resolves with everything the file holds or rejects
 * with ImportStopped: a refused file, the time limit, or a worker that failed.
 */
export class ContactImportRunner {
  constructor(private readonly options: ImportRunnerOptions) {}

  run(request: ContactImportRequest, onPercent: (percent: number) => void): Promise<ParsedImport> {
    const worker = this.options.startWorker()
    const result: ParsedImport = { contacts: [], keys: [], empty: 0 }
    return new Promise<ParsedImport>((resolve, reject) => {
      let settled = false
      const settle = (outcome: () => void) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        // The worker has done its job or must stop: either way it goes. A failure to stop it
        // changes nothing for this import, but a thread left running is worth a line.
        worker
          .terminate()
          .catch((error: unknown) =>
            this.options.logger.warn('Contact import: the worker did not stop', error),
          )
        outcome()
      }
      const seconds = Math.max(1, Math.round(this.options.timeLimitMs / 1000))
      const timer = setTimeout(
        () => settle(() => reject(new ImportStopped('time-limit', message('import.too-slow', { seconds })))),
        this.options.timeLimitMs,
      )
      // Batches arrive faster than they should be parsed: one per event-loop turn.
      const batches: string[] = []
      let done = false
      const parseNext = () => {
        const json = batches.shift()
        if (settled || json === undefined) return
        const batch = JSON.parse(json) as ResultBatch
        for (const contact of batch.contacts) result.contacts.push(contact)
        for (const key of batch.keys) result.keys.push(key)
        if (batches.length > 0) setImmediate(parseNext)
        else if (done) settle(() => resolve(result))
      }
      // The user reads that the file could not be read; what went wrong goes to the log once.
      const failed = (detail: unknown) =>
        settle(() => {
          this.options.logger.warn('Contact import: the worker failed', detail)
          reject(new ImportStopped('failed', message('import.read-failed')))
        })
      worker.on('message', (sent) => {
        switch (sent.type) {
          case 'progress':
            onPercent(sent.percent)
            break
          case 'contacts':
            batches.push(sent.json)
            if (batches.length === 1) setImmediate(parseNext)
            break
          case 'done':
            result.empty = sent.empty
            done = true
            if (batches.length === 0) settle(() => resolve(result))
            break
          case 'refused':
            settle(() =>
              reject(
                new ImportStopped(
                  'refused',
                  message('import.at-line', { line: sent.line, reason: sent.reason }),
                ),
              ),
            )
            break
          case 'failed':
            failed(sent.detail)
            break
        }
      })
      worker.on('error', failed)
      // A worker that has sent everything ends by itself; before that, an exit is a failure.
      worker.on('exit', (code) => {
        if (!done) settle(() => reject(new ImportStopped('failed', message('import.stopped', { code }))))
      })
      worker.postMessage(request)
    })
  }
}
