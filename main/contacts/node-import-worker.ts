import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ImportWorker } from './import-runner'

/** The worker's file next to the bundled main (electron.vite.config.ts builds it as an entry). */
export const bundledWorkerName = 'contact-import-worker.js'

/**
 * Starts the import worker of the built app: out/main/contact-import-worker.js beside the
 * bundled main. Run from source (tests, the headless harness, the bench) the worker is a .ts
 * file instead: main/testing/source-import-worker.ts starts that one, so nothing in the built
 * main refers to a TypeScript loader the packaged app does not have.
 */
export function startBundledImportWorker(): ImportWorker {
  const here = dirname(fileURLToPath(import.meta.url))
  return new Worker(join(here, bundledWorkerName)) as ImportWorker
}
