import { contactSchema } from '../../contract/schemas'
import { digitsOf, foldText } from '../../contract/search-text'
import type { ContactDraft, NumberKind } from './import-error'

const maxNumbers = 16
/** Built once: deriving a schema per row cost more than reading the row. */
const draftSchema = contactSchema.omit({ id: true })

export interface DraftParts {
  fullName: string
  nameParts: string[]
  company: string
  favourite: boolean
  numbers: { kind: NumberKind; value: string }[]
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * Turns what a file said about a person into a contact the store accepts, or null when there
 * is nothing to keep (no name, company or number). The name falls back to the name parts,
 * then the company, then the first number, so no contact appears nameless in the list.
 */
export function buildDraft(parts: DraftParts): ContactDraft | null {
  const seenDigits = new Set<string>()
  const numbers: ContactDraft['numbers'] = []
  for (const number of parts.numbers) {
    const value = clean(number.value)
    const digits = digitsOf(value)
    if (value === '' || digits === '' || value.length > 128 || seenDigits.has(digits)) continue
    seenDigits.add(digits)
    numbers.push({ kind: number.kind, value })
    if (numbers.length === maxNumbers) break
  }
  const company = clean(parts.company).slice(0, 256)
  const name = clean(parts.fullName) || clean(parts.nameParts.join(' ')) || company || numbers[0]?.value || ''
  if (name === '') return null
  const draft = { name: name.slice(0, 256), company, favourite: parts.favourite, numbers }
  // The schema is the last word on what the store accepts (lengths, kinds).
  const checked = draftSchema.safeParse(draft)
  return checked.success ? checked.data : null
}

/** Two contacts are the same person when the folded name and the set of numbers agree. */
export function sameContactKey(contact: ContactDraft): string {
  const digits = contact.numbers.map((number) => digitsOf(number.value)).sort()
  return `${foldText(contact.name)}|${digits.join(',')}`
}
