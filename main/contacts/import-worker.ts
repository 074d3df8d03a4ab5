import { parentPort } from 'node:worker_threads'
import { ContactImportError } from './import-error'
import { parseImport } from './import-core'
import { resultBatchSize, type ResultBatch, type WorkerMessage, type WorkerRequest } from './import-protocol'

/**
 * The contact import worker (its own thread: node:worker_threads). Reads one file, reports
 * progress in whole percents, sends the contacts in batches, then ends. Built as its own entry
 * (electron.vite.config.ts); main starts it per import and stops it at the time limit.
 */
const port = parentPort
if (!port) throw new Error('import-worker must run as a worker thread')
const send = (message: WorkerMessage) => port.postMessage(message)

port.once('message', (request: WorkerRequest) => {
  let lastPercent = -1
  try {
    const parsed = parseImport(request, (fraction) => {
      const percent = Math.min(100, Math.floor(fraction * 100))
      if (percent === lastPercent) return
      lastPercent = percent
      send({ type: 'progress', percent })
    })
    for (let start = 0; start < parsed.contacts.length; start += resultBatchSize) {
      const batch: ResultBatch = {
        contacts: parsed.contacts.slice(start, start + resultBatchSize),
        keys: parsed.keys.slice(start, start + resultBatchSize),
      }
      send({ type: 'contacts', json: JSON.stringify(batch) })
    }
    send({ type: 'done', empty: parsed.empty })
  } catch (error) {
    if (error instanceof ContactImportError) send({ type: 'refused', line: error.line, reason: error.reason })
    else send({ type: 'failed', detail: error instanceof Error ? error.message : String(error) })
  }
})
