import type { ContactImportRequest } from '../../contract/schemas'
import { sameContactKey } from './contact-drafts'
import { parseContactsCsv } from './csv-import'
import { assertReadableText } from './import-text'
import type { ContactDraft, ParseProgress } from './import-error'
import { parseVCards } from './vcard-import'

/** What the import worker hands back: the contacts, each with its duplicate key, folded there. */
export interface ParsedImport {
  contacts: ContactDraft[]
  /** sameContactKey of each contact (same order): main compares without folding 40,000 names. */
  keys: string[]
  /** Cards or rows with nothing to keep. */
  empty: number
}

/**
 * The whole of reading a contact file, free of Electron and of threads: the worker runs it,
 * tests call it directly. Throws ContactImportError (with its line) when the file is refused.
 */
export function parseImport(request: ContactImportRequest, onProgress?: ParseProgress): ParsedImport {
  assertReadableText(request.text)
  const parsed =
    request.format === 'vcard'
      ? parseVCards(request.text, onProgress)
      : parseContactsCsv(request.text, onProgress)
  return { ...parsed, keys: parsed.contacts.map(sameContactKey) }
}
