import type { Contact } from '../../contract/schemas'
import { digitsOf, foldText, looksLikeNumber } from '../../contract/search-text'

/**
 * The interim contact search until renderer/contacts/contact-search.ts lands: an index folded
 * once per contact list, then a linear scan per keystroke (names, company, number digits).
 */
export interface ContactMatcher {
  search(query: string, limit?: number): Contact[]
}

export function buildContactMatcher(contacts: readonly Contact[]): ContactMatcher {
  const index = contacts.map((contact) => ({
    contact,
    text: foldText(`${contact.name} ${contact.company}`),
    digits: contact.numbers.map((number) => digitsOf(number.value)),
  }))
  return {
    search(query, limit = Number.POSITIVE_INFINITY) {
      const trimmed = query.trim()
      if (trimmed === '') return contacts.slice(0, limit)
      const words = foldText(trimmed).split(/\s+/)
      const digits = looksLikeNumber(trimmed) ? digitsOf(trimmed) : ''
      const found: Contact[] = []
      for (const entry of index) {
        const matches = digits
          ? entry.digits.some((number) => number.includes(digits))
          : words.every((word) => entry.text.includes(word))
        if (matches) {
          found.push(entry.contact)
          if (found.length >= limit) break
        }
      }
      return found
    },
  }
}
