import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ImportWorker } from './import-runner'

/** The worker's file next to the bundled main (electron.vite.config.ts builds it as an entry). */
export const bundledWorkerName = 'contact-import-worker.js'

/**
 * Starts the import worker with node:worker_threads. In the built app this module is bundled
 * into out/main/index.js and the worker is out/main/contact-import-worker.js; run from source
 * (tests, the headless harness, the bench) the worker is the .ts file, loaded through tsx.
 */
export function startNodeImportWorker(): ImportWorker {
  const here = dirname(fileURLToPath(import.meta.url))
  if (!import.meta.url.endsWith('.ts')) return new Worker(join(here, bundledWorkerName)) as ImportWorker
  const source = pathToFileURL(join(here, 'import-worker.ts')).href
  const bootstrap = `(async () => {
    const { register } = await import('tsx/esm/api')
    register()
    await import(${JSON.stringify(source)})
  })()`
  return new Worker(bootstrap, { eval: true }) as ImportWorker
}
