import { message } from '../../contract/i18n/catalogue'
import { ContactImportError } from './import-error'

/**
 * Refuses text in which characters were already lost: a "�" (U+FFFD) is what a reader puts
 * where bytes were not valid in the encoding it assumed, so importing it would save names
 * like "�sa" for good. The renderer decodes files with decodeImportFile to avoid this.
 */
export function assertReadableText(text: string): void {
  const at = text.indexOf('\uFFFD')
  if (at < 0) return
  const line = text.slice(0, at).split(/\r\n|\r|\n/).length
  throw new ContactImportError(line, message('import.unreadable-characters'))
}
