import { message } from '../../contract/i18n/catalogue'
import { ContactImportError, progressEvery, type ParseProgress } from './import-error'

/**
 * RFC 4180 CSV with what real exports add: a byte-order mark, CRLF or LF, quoted fields holding
 * commas, quotes ("") and line breaks, and a semicolon or tab delimiter (Outlook writes ";" where
 * the decimal separator is a comma, as in Sweden). Each record keeps the line it starts on so
 * errors point at the right place.
 */

export interface CsvRecord {
  line: number
  fields: string[]
}

/** The delimiter the header line uses most, outside quotes. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ])
  let quoted = false
  for (const character of text) {
    if (character === '"') quoted = !quoted
    else if (!quoted && (character === '\n' || character === '\r')) break
    else if (!quoted && counts.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1)
  }
  let best = ','
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter
  return best
}

export function readCsv(input: string, onProgress?: ParseProgress): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '')
  const delimiter = detectDelimiter(text)
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let quoteLine = 0
  let inQuotes = false
  let afterQuote = false

  const endField = () => {
    fields.push(field)
    field = ''
    afterQuote = false
  }
  const endRecord = () => {
    endField()
    if (onProgress && records.length % progressEvery === 0) onProgress(index / text.length)
    // A record that is only an empty field is a blank line: nothing to import.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields })
    fields = []
  }

  let index = 0
  for (; index < text.length; index++) {
    const character = text[index] as string
    if (inQuotes) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          field += '"'
          index++
        } else {
          inQuotes = false
          afterQuote = true
        }
      } else {
        if (character === '\n' || (character === '\r' && text[index + 1] !== '\n')) line++
        field += character
      }
      continue
    }
    if (character === delimiter) endField()
    else if (character === '\r' || character === '\n') {
      if (character === '\r' && text[index + 1] === '\n') index++
      endRecord()
      line++
      recordLine = line
    } else if (afterQuote) {
      throw new ContactImportError(
        line,
        message('import.after-quote', { text: JSON.stringify(text.slice(index, index + 20)) }),
      )
    } else if (character === '"' && field === '') {
      inQuotes = true
      quoteLine = line
    } else field += character
  }
  if (inQuotes) throw new ContactImportError(quoteLine, message('import.quote-not-closed'))
  if (field !== '' || fields.length > 0 || afterQuote) endRecord()
  return records
}
