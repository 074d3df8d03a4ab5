import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ImportWorker } from '../contacts/import-runner'

/**
 * Starts the contact import worker from its TypeScript source, through tsx: for the headless
 * harness, the tests and the bench, which run main from source. The built app starts the
 * bundled worker (main/contacts/node-import-worker.ts).
 */
export function startSourceImportWorker(): ImportWorker {
  const source = pathToFileURL(
    join(dirname(fileURLToPath(import.meta.url)), '..', 'contacts', 'import-worker.ts'),
  ).href
  const bootstrap = `(async () => {
    const { register } = await import('tsx/esm/api')
    register()
    await import(${JSON.stringify(source)})
  })()`
  return new Worker(bootstrap, { eval: true }) as ImportWorker
}
