import { defineHandlers, HandlerError } from '../ipc/handlers'
import { parseContactsCsv } from './csv-import'
import { ContactImportError } from './import-error'
import { assertReadableText } from './import-text'
import { ContactStorageError, type ContactStore } from './contact-store'
import { parseVCards } from './vcard-import'

async function guardStorage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof ContactStorageError) throw new HandlerError('storage', error.message)
    throw error
  }
}

/** contacts:list/save/delete/import. A file that cannot be read is refused whole, with its line. */
export const contactHandlers = (store: ContactStore) =>
  defineHandlers({
    'contacts:list': () => store.list(),
    'contacts:save': async (contact) => {
      const name = contact.name.trim()
      const numbers = contact.numbers
        .map((number) => ({ ...number, value: number.value.trim() }))
        .filter((number) => number.value !== '')
      if (name === '' && numbers.length === 0) {
        throw new HandlerError('invalid-input', 'A contact needs a name or a number.')
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
    'contacts:import': async ({ format, text }) => {
      let parsed: { contacts: Parameters<ContactStore['import']>[0]; empty: number }
      try {
        assertReadableText(text)
        parsed = format === 'vcard' ? parseVCards(text) : parseContactsCsv(text)
      } catch (error) {
        if (error instanceof ContactImportError) {
          throw new HandlerError('invalid-input', `Nothing was imported. ${error.message}`)
        }
        throw error
      }
      return await guardStorage(() => store.import(parsed.contacts, parsed.empty))
    },
  })
