import { join } from 'node:path'
import type { MainPart, PartContext } from '../parts'
import { contactHandlers } from './contact-handlers'
import { ContactStore } from './contact-store'

export const contactsFileName = 'contacts.json'

/** Contacts (Node only: runs in Electron and in the headless harness). */
export function contactsPart(context: PartContext): MainPart {
  const store = new ContactStore({ path: join(context.dataDir, contactsFileName), logger: context.logger })
  return {
    name: 'contacts',
    handlers: contactHandlers(store),
    async start() {
      await store.start()
      for (const notice of store.takeNotices()) context.logger.warn(`Contacts: ${notice}`)
    },
    stop: () => store.stop(),
  }
}
