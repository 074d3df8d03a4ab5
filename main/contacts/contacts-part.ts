import { join } from 'node:path'
import type { MainPart, PartContext } from '../parts'
import { contactHandlers } from './contact-handlers'
import { ContactStore } from './contact-store'
import { ContactImportRunner } from './import-runner'

export const contactsFileName = 'contacts.json'
/** An import still reading after this long is stopped (a 20 MB export reads in about a second). */
export const importTimeLimitMs = 30_000

/** Contacts (Node only: runs in Electron and in the headless harness). */
export function contactsPart(context: PartContext): MainPart {
  const store = new ContactStore({ path: join(context.dataDir, contactsFileName), logger: context.logger })
  return {
    name: 'contacts',
    handlers: contactHandlers(
      store,
      new ContactImportRunner({
        startWorker: context.startImportWorker,
        timeLimitMs: importTimeLimitMs,
        logger: context.logger,
      }),
      context.events,
    ),
    // The store logs what went wrong with the file once; its notices wait for the window.
    start: () => store.start(),
    stop: () => store.stop(),
  }
}
