import { contactImportProgressSchema, type ContactImportProgress } from '../../contract/schemas'
import type { EventSink } from '../ipc/event-bus'
import type { ContactPage } from '../../contract/schemas'
import { defineHandlers, HandlerError, storageFailureAsHandlerError } from '../ipc/handlers'
import { message } from '../../contract/i18n/catalogue'
import { ContactStorageError, type ContactStore } from './contact-store'
import { ImportStopped, type ContactImportRunner } from './import-runner'

const guardStorage = <T>(work: () => Promise<T>): Promise<T> =>
  storageFailureAsHandlerError(ContactStorageError, work)

/**
 * contacts:list/save/delete/import. An import reads the file in a worker (ContactImportRunner)
 * and tells the window how far it is; a file that cannot be read, or takes too long, is
 * refused whole with its reason, and nothing of it is stored.
 */
export const contactHandlers = (store: ContactStore, importer: ContactImportRunner, events: EventSink) =>
  defineHandlers({
    'contacts:list': (request) => store.list(pageOf(request)),
    'contacts:save': async (contact) => {
      const name = contact.name.trim()
      const numbers = contact.numbers
        .map((number) => ({ ...number, value: number.value.trim() }))
        .filter((number) => number.value !== '')
      if (name === '' && numbers.length === 0) {
        throw new HandlerError('invalid-input', message('reason.contact-needs-name'))
      }
      return await guardStorage(() =>
        store.save({
          ...contact,
          name: name || (numbers[0]?.value ?? ''),
          company: contact.company.trim(),
          numbers,
        }),
      )
    },
    'contacts:delete': ({ id }) => guardStorage(() => store.delete(id)),
    'contacts:notices': () => store.takeNotices(),
    'contacts:import': async (request) => {
      // Checked against the contract before it leaves: the worker's numbers are not trusted blindly.
      const progress = (update: ContactImportProgress) =>
        events.emit('contacts-import-progress', contactImportProgressSchema.parse(update))
      progress({ phase: 'reading', percent: 0 })
      let parsed
      try {
        parsed = await importer.run(request, (percent) => progress({ phase: 'reading', percent }))
      } catch (error) {
        if (error instanceof ImportStopped) {
          throw new HandlerError('invalid-input', error.text)
        }
        throw error
      }
      progress({ phase: 'saving', percent: 0 })
      const report = await guardStorage(() => store.import(parsed.contacts, parsed.empty, parsed.keys))
      progress({ phase: 'saving', percent: 100 })
      return report
    },
  })

/** The page asked for; undefined when the request asked for the whole list. */
function pageOf(request: ContactPage): { offset: number; limit: number } | undefined {
  const page = request as { offset?: number; limit?: number } | null | undefined
  return page?.offset !== undefined && page.limit !== undefined
    ? { offset: page.offset, limit: page.limit }
    : undefined
}
