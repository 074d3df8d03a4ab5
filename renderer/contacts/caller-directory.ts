import type { Contact } from '../../contract/schemas'
import type { PreparedContact } from './contact-search'
import { SegmentText } from './segment-text'

/**
 * Caller key (E.164 for a phone number, digits for an extension) → the contact to name a call
 * by, for calls the network sent without a name. Built with the search index from the same
 * parse, ahead of the first call; one string of keys, not a Map of 20,000 entries (issue 14).
 * When two contacts share a number the first in the address book's order names it.
 */
export class CallerDirectory {
  private readonly keys: SegmentText
  private readonly contacts: readonly Contact[]

  constructor(prepared: readonly PreparedContact[]) {
    this.keys = SegmentText.join(prepared.map((item) => item.callers))
    this.contacts = prepared.map((item) => item.contact)
  }

  /** The name of the first contact with a number whose caller key is `key`; '' when none. */
  nameFor(key: string): string {
    if (key === '' || /[,;]/.test(key)) return ''
    return this.contacts[this.keys.firstSegmentWith(`,${key};`)]?.name ?? ''
  }
}
