import { plural } from '../language'

/**
 * Contact files: why an import file was refused (vCard and CSV reading, size and time limits,
 * the reading worker), and what happened to the contacts file itself, in English.
 */
export const enContactFiles = {
  'import.at-line': (p: { line: number; reason: string }) => `Line ${p.line}: ${p.reason}`,
  'import.too-large':
    'The file is too large to import (at most 32 MB). Export fewer contacts at a time, or split the file.',
  'import.too-slow': (p: { seconds: number }) =>
    plural('en', p.seconds, {
      one: `Reading the file took longer than ${p.seconds} second, so it was stopped. Try a smaller file.`,
      other: `Reading the file took longer than ${p.seconds} seconds, so it was stopped. Try a smaller file.`,
    }),
  'import.read-failed': 'The file could not be read. The details were written to the log.',
  'import.stopped': (p: { code: number }) => `The import stopped unexpectedly (code ${p.code}).`,
  'import.file-unreadable': (p: { file: string }) => `${p.file} could not be read.`,
  'import.expected-property': (p: { found: string }) => `expected "NAME:value" but found "${p.found}".`,
  'import.not-a-property': (p: { name: string }) => `"${p.name}" is not a property name.`,
  'import.unknown-charset': (p: { charset: string }) => `unknown character set "${p.charset}".`,
  'import.invalid-text': (p: { charset: string }) => `the text is not valid ${p.charset}.`,
  'import.card-not-ended': (p: { line: number }) =>
    `a new card begins before the card from line ${p.line} has ended (END:VCARD missing).`,
  'import.end-without-begin': 'END:VCARD without a BEGIN:VCARD before it.',
  'import.outside-card': 'text outside a card (expected BEGIN:VCARD).',
  'import.card-never-closed': 'this card is never closed (END:VCARD missing).',
  'import.no-vcards': 'no contacts found (expected BEGIN:VCARD).',
  'import.row-width': (p: { fields: number; header: number }) =>
    `this row has ${p.fields} fields but the header has ${p.header}.`,
  'import.csv-empty': 'the file is empty (expected a header row such as "Name,Phone").',
  'import.csv-no-columns':
    'no name or phone columns in the header (expected e.g. "Name", "First Name", "Company", "Business Phone", "Phone 1 - Value").',
  'import.after-quote': (p: { text: string }) => `unexpected text after a closing quote: ${p.text}`,
  'import.quote-not-closed': 'a quoted field starts here but its closing quote is missing.',
  'import.unreadable-characters':
    'some characters could not be read (the file was not read in its own character set). Save it as UTF-8 and import it again.',

  'notice.contacts-unreadable':
    'Your contacts could not be read, so the list is empty. The file was left untouched.',
  'notice.contacts-damaged': (p: { problem: string; keptAs: string; count: number }) =>
    `Your contacts file was damaged (${p.problem}). The original was kept as ${p.keptAs}; the list was started again with the ${p.count} contacts that could be read.`,
  'notice.contacts-damaged-kept': (p: { problem: string; count: number }) =>
    `Your contacts file was damaged (${p.problem}) and could not be set aside, so it is left untouched and contacts cannot be changed until Parley is restarted. The ${p.count} contacts that could be read are shown.`,
  'notice.contacts-problem-json': 'it is not valid JSON',
  'notice.contacts-problem-no-list': 'it holds no contact list',
  'notice.contacts-problem-invalid': (p: { count: number }) =>
    plural('en', p.count, {
      one: '1 contact could not be read',
      other: `${p.count} contacts could not be read`,
    }),
}
