import type { Contact } from '../../contract/schemas'
import { message, render, type Message } from '../../contract/i18n/catalogue'

/** A contact read from a file, before the store gives it an id. */
export type ContactDraft = Omit<Contact, 'id'>

/**
 * Why a file cannot be imported, with the line to look at (the reason a catalogue message, so
 * the user reads it in their language). Nothing is imported when thrown.
 */
export class ContactImportError extends Error {
  override name = 'ContactImportError'
  constructor(
    readonly line: number,
    readonly reason: Message,
  ) {
    super(render('en', message('import.at-line', { line, reason })))
  }
}

export type NumberKind = Contact['numbers'][number]['kind']

/**
 * The kind of a number from the words a file uses for it ("CELL", "Mobile", "Business Phone"…),
 * or null for a fax, which no one can talk to.
 */
export function numberKindFromLabels(labels: readonly string[]): NumberKind | null {
  const words = labels
    .flatMap((label) => label.toLowerCase().split(/[\s,;*_-]+/))
    .filter((word) => word !== '')
  if (words.includes('fax')) return null
  if (words.some((word) => word === 'cell' || word === 'mobile' || word === 'iphone' || word === 'car'))
    return 'mobile'
  if (words.some((word) => word === 'extension' || word === 'ext' || word === 'x-extension'))
    return 'extension'
  if (words.some((word) => word === 'work' || word === 'business' || word === 'main' || word === 'company'))
    return 'work'
  if (words.includes('home')) return 'home'
  return 'other'
}

/** Told how far a parser is (0 to 1) every few thousand lines; a worker turns it into events. */
export type ParseProgress = (fraction: number) => void

/** How many lines or records a parser reads between two progress reports. */
export const progressEvery = 4096
