import type { ContactImportRequest } from '../../contract/schemas'
import type { ContactDraft } from './import-error'
import type { Message } from '../../contract/i18n/catalogue'

/**
 * Messages between main and the contact import worker. The result comes in batches of JSON
 * text: a MessagePort hands main every queued message in one go, and copying text is cheap
 * where rebuilding 40,000 objects is not, so main parses one batch per event-loop turn.
 */
export type WorkerRequest = ContactImportRequest

/** One batch, as JSON text: `{ contacts: ContactDraft[]; keys: string[] }`. */
export interface ResultBatch {
  contacts: ContactDraft[]
  keys: string[]
}

export type WorkerMessage =
  | { type: 'progress'; percent: number }
  | { type: 'contacts'; json: string }
  | { type: 'done'; empty: number }
  /** The file was refused (ContactImportError): the line, and why as a catalogue message. */
  | { type: 'refused'; line: number; reason: Message }
  /** Anything else went wrong inside the worker (for the log). */
  | { type: 'failed'; detail: string }

export const resultBatchSize = 1000
