import { message } from '../../contract/i18n/catalogue'
import { buildDraft, type DraftParts } from './contact-drafts'
import { readCsv, type CsvRecord } from './csv-reader'
import {
  ContactImportError,
  numberKindFromLabels,
  progressEvery,
  type ContactDraft,
  type NumberKind,
  type ParseProgress,
} from './import-error'

/**
 * CSV with a header row, as Outlook and Google export it, plus plain hand-made files:
 *   Outlook: "First Name","Middle Name","Last Name","Company","Business Phone","Mobile Phone",…
 *   Google:  "Name","Given Name","Family Name","Organization 1 - Name","Phone 1 - Type","Phone 1 - Value",…
 *            (newer exports: "First Name",…,"Organization Name","Phone 1 - Label","Phone 1 - Value")
 *   Simple:  "Name","Company","Phone","Mobile","Extension"
 * Google puts several numbers in one cell separated by " ::: ", and marks starred contacts
 * with "* starred" in the group/label column; starred contacts become favourites.
 */

// English headers, then the Swedish ones (Outlook in Swedish writes its headers in Swedish).
const nameColumns = ['name', 'full name', 'display name', 'namn', 'fullständigt namn', 'visningsnamn']
const firstNameColumns = ['first name', 'given name', 'förnamn']
const middleNameColumns = ['middle name', 'additional name', 'mellannamn']
const lastNameColumns = ['last name', 'family name', 'surname', 'efternamn']
const companyColumns = [
  'company',
  'organization 1 - name',
  'organization name',
  'organization',
  'organisation',
  'företag',
]
const favouriteColumns = ['favourite', 'favorite', 'starred', 'favorit']
const groupColumns = ['group membership', 'labels']

/** Columns whose header alone says what kind of number they hold. */
const numberColumns = new Map<string, NumberKind>([
  ['business phone', 'work'],
  ['business phone 2', 'work'],
  ['company main phone', 'work'],
  ['primary phone', 'work'],
  ['work phone', 'work'],
  ['phone', 'work'],
  ['telephone', 'work'],
  ['phone number', 'work'],
  ['number', 'work'],
  ['work', 'work'],
  ['mobile phone', 'mobile'],
  ['mobile', 'mobile'],
  ['cell', 'mobile'],
  ['car phone', 'mobile'],
  ['home phone', 'home'],
  ['home phone 2', 'home'],
  ['home', 'home'],
  ['extension', 'extension'],
  ['ext', 'extension'],
  ['other phone', 'other'],
  ["assistant's phone", 'other'],
  ['callback', 'other'],
  ['pager', 'other'],
  ['telefon (arbete)', 'work'],
  ['telefon 2 (arbete)', 'work'],
  ['företagets växel', 'work'],
  ['arbetstelefon', 'work'],
  ['arbete', 'work'],
  ['telefon', 'work'],
  ['telefonnummer', 'work'],
  ['nummer', 'work'],
  ['mobiltelefon', 'mobile'],
  ['mobilnummer', 'mobile'],
  ['mobil', 'mobile'],
  ['biltelefon', 'mobile'],
  ['telefon (hem)', 'home'],
  ['telefon 2 (hem)', 'home'],
  ['hemtelefon', 'home'],
  ['hem', 'home'],
  ['anknytning', 'extension'],
  ['annan telefon', 'other'],
  ['assistentens telefon', 'other'],
  ['personsökare', 'other'],
])

const googlePhone = /^phone (\d+) - (type|label|value)$/

interface ColumnMap {
  name: number[]
  firstName: number[]
  middleName: number[]
  lastName: number[]
  company: number[]
  favourite: number[]
  groups: number[]
  numbers: { column: number; kind: NumberKind }[]
  googlePhones: { type: number; value: number }[]
}

function mapColumns(header: string[]): ColumnMap {
  const normalized = header.map((title) => title.trim().toLowerCase())
  const find = (names: string[]) =>
    normalized.flatMap((title, column) => (names.includes(title) ? [column] : []))
  const googleSlots = new Map<string, { type: number; value: number }>()
  const numbers: ColumnMap['numbers'] = []
  normalized.forEach((title, column) => {
    const kind = numberColumns.get(title)
    if (kind) numbers.push({ column, kind })
    const google = googlePhone.exec(title)
    if (google) {
      const slot = googleSlots.get(google[1] as string) ?? { type: -1, value: -1 }
      if (google[2] === 'value') slot.value = column
      else slot.type = column
      googleSlots.set(google[1] as string, slot)
    }
  })
  return {
    name: find(nameColumns),
    firstName: find(firstNameColumns),
    middleName: find(middleNameColumns),
    lastName: find(lastNameColumns),
    company: find(companyColumns),
    favourite: find(favouriteColumns),
    groups: find(groupColumns),
    numbers,
    googlePhones: [...googleSlots.values()]
      .filter((slot) => slot.value >= 0)
      .sort((a, b) => a.value - b.value),
  }
}

/** The first non-empty of `columns` (ascending) in this row. */
function cell(fields: string[], columns: number[]): string {
  for (const column of columns) {
    if (column >= fields.length) break
    const value = (fields[column] as string).trim()
    if (value !== '') return value
  }
  return ''
}

const isTruthy = (value: string) => ['1', 'true', 'yes', 'y', 'x', '*'].includes(value.trim().toLowerCase())

/**
 * Only the columns this row has are read (they are in column order): a header of 20,000
 * "Phone" columns over short rows costs the rows' length, not header width × rows.
 */
function rowToParts(fields: string[], columns: ColumnMap): DraftParts {
  const numbers: DraftParts['numbers'] = []
  for (const { column, kind } of columns.numbers) {
    if (column >= fields.length) break
    if ((fields[column] as string).trim() !== '') numbers.push({ kind, value: fields[column] as string })
  }
  for (const slot of columns.googlePhones) {
    if (slot.value >= fields.length) break
    const kind = numberKindFromLabels([fields[slot.type] ?? ''])
    if (!kind) continue
    for (const value of (fields[slot.value] ?? '').split(':::')) numbers.push({ kind, value })
  }
  let groups = ''
  for (const column of columns.groups) {
    if (column >= fields.length) break
    groups += ` ${fields[column] as string}`
  }
  return {
    fullName: cell(fields, columns.name),
    nameParts: [
      cell(fields, columns.firstName),
      cell(fields, columns.middleName),
      cell(fields, columns.lastName),
    ],
    company: cell(fields, columns.company),
    favourite: isTruthy(cell(fields, columns.favourite)) || /\bstarred\b/i.test(groups),
    numbers,
  }
}

export interface CsvParseResult {
  contacts: ContactDraft[]
  /** Rows with nothing to keep (no name, company or number). */
  empty: number
}

function checkRowWidth(record: CsvRecord, headerWidth: number): void {
  let extra = false
  for (let column = headerWidth; column < record.fields.length && !extra; column++)
    extra = (record.fields[column] as string).trim() !== ''
  if (extra) {
    throw new ContactImportError(
      record.line,
      message('import.row-width', { fields: record.fields.length, header: headerWidth }),
    )
  }
}

/** Progress: reading the records is the first half, turning rows into contacts the second. */
export function parseContactsCsv(text: string, onProgress?: ParseProgress): CsvParseResult {
  const [header, ...rows] = readCsv(text, onProgress && ((fraction) => onProgress(fraction / 2)))
  if (!header) throw new ContactImportError(1, message('import.csv-empty'))
  const columns = mapColumns(header.fields)
  const hasName =
    columns.name.length + columns.firstName.length + columns.lastName.length + columns.company.length > 0
  const hasNumber = columns.numbers.length + columns.googlePhones.length > 0
  if (!hasName && !hasNumber) {
    throw new ContactImportError(header.line, message('import.csv-no-columns'))
  }
  const contacts: ContactDraft[] = []
  let empty = 0
  for (const [index, row] of rows.entries()) {
    if (onProgress && index % progressEvery === 0) onProgress(0.5 + index / rows.length / 2)
    checkRowWidth(row, header.fields.length)
    if (row.fields.every((field) => field.trim() === '')) continue
    const draft = buildDraft(rowToParts(row.fields, columns))
    if (draft) contacts.push(draft)
    else empty++
  }
  return { contacts, empty }
}
