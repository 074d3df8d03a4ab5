import type { Contact } from '../../contract/schemas'

/**
 * The address book as the window holds it (issue 14: 10,000 contact objects, each with its
 * strings, number objects and arrays, were 3 MB of the window's 8.9 MB heap). Contacts are
 * packed into a few long strings, one per chunk of contacts, and each contact is a two-field
 * view (`BookContact`) that reads its fields from there when asked. Only the rows on screen
 * are ever decoded; a change (save, delete, import) packs a new book.
 *
 * A record is: id, name, company (each as length + text), the count of numbers, then per
 * number its kind and its value (length + text). A length is one character below 0xF0, else
 * two (0xF0 + high bits, low byte): characters below 256 keep a chunk one byte per character.
 * Chunks keep a name written in another script (which makes its string two bytes per
 * character) from doubling the whole book.
 */

type ContactNumber = Contact['numbers'][number]
type Kind = ContactNumber['kind']

const kinds: readonly Kind[] = ['work', 'mobile', 'extension', 'home', 'other']
const kindCode = new Map(kinds.map((kind, code) => [kind, code]))

/** Contacts per packed string. */
const chunkSize = 512
const shortLength = 0xf0
const longestText = 0xfff

function length(text: string): string {
  const size = text.length
  if (size < shortLength) return String.fromCharCode(size)
  if (size > longestText) throw new RangeError(`contact text of ${size} characters`)
  return String.fromCharCode(shortLength + (size >> 8), size & 0xff)
}

function pack(contact: Contact): string {
  let record = `${length(contact.id)}${contact.id}${length(contact.name)}${contact.name}`
  record += `${length(contact.company)}${contact.company}${String.fromCharCode(contact.numbers.length)}`
  for (const number of contact.numbers)
    record += `${String.fromCharCode(kindCode.get(number.kind) ?? kinds.length - 1)}${length(number.value)}${number.value}`
  return record
}

/** Reads one record's fields in order. */
class Reader {
  constructor(
    private readonly text: string,
    public at: number,
  ) {}

  code(): number {
    return this.text.charCodeAt(this.at++)
  }

  string(): string {
    let size = this.code()
    if (size >= shortLength) size = ((size - shortLength) << 8) | this.code()
    this.at += size
    return this.text.slice(this.at - size, this.at)
  }

  skip(): void {
    let size = this.code()
    if (size >= shortLength) size = ((size - shortLength) << 8) | this.code()
    this.at += size
  }
}

/** Contacts whose numbers were read last, kept so a row's number objects stay the same while shown. */
const recentNumbers = 256

export class ContactBook {
  /** One view per contact, in the order given. */
  readonly contacts: readonly BookContact[]
  /** Per contact: where its record starts in its chunk. */
  private readonly starts: Int32Array
  /** Per contact: favourite (bit 0) and the count of numbers (the bits above). */
  private readonly flags: Uint8Array
  private readonly numbersRead = new Map<number, readonly ContactNumber[]>()

  private constructor(
    private readonly chunks: readonly string[],
    starts: Int32Array,
    flags: Uint8Array,
  ) {
    this.starts = starts
    this.flags = flags
    this.contacts = Array.from({ length: starts.length }, (_, position) => new BookContact(this, position))
  }

  /** Packs `contacts` (plain objects or views of another book), yielding between chunks. */
  static *packing(contacts: readonly Contact[]): Generator<void, ContactBook, void> {
    const chunks: string[] = []
    const starts = new Int32Array(contacts.length)
    const flags = new Uint8Array(contacts.length)
    for (let first = 0; first < contacts.length; first += chunkSize) {
      if (first > 0) yield
      const records: string[] = []
      let at = 0
      for (let position = first; position < Math.min(contacts.length, first + chunkSize); position++) {
        const contact = contacts[position] as Contact
        const record = pack(contact)
        starts[position] = at
        at += record.length
        flags[position] = (contact.numbers.length << 1) | (contact.favourite ? 1 : 0)
        records.push(record)
      }
      chunks.push(records.join(''))
    }
    return new ContactBook(chunks, starts, flags)
  }

  static of(contacts: readonly Contact[]): ContactBook {
    const packing = ContactBook.packing(contacts)
    for (;;) {
      const step = packing.next()
      if (step.done) return step.value
    }
  }

  get size(): number {
    return this.starts.length
  }

  /** Field `field` (0 id, 1 name, 2 company) of the contact at `position`. */
  text(position: number, field: 0 | 1 | 2): string {
    const reader = this.reader(position)
    for (let skipped = 0; skipped < field; skipped++) reader.skip()
    return reader.string()
  }

  favourite(position: number): boolean {
    return ((this.flags[position] as number) & 1) === 1
  }

  numberCount(position: number): number {
    return (this.flags[position] as number) >> 1
  }

  numbers(position: number): readonly ContactNumber[] {
    const read = this.numbersRead.get(position)
    if (read) return read
    const reader = this.reader(position)
    reader.skip()
    reader.skip()
    reader.skip()
    const numbers: ContactNumber[] = []
    for (let count = reader.code(); count > 0; count--) {
      const kind = kinds[reader.code()] ?? 'other'
      numbers.push({ kind, value: reader.string() })
    }
    if (this.numbersRead.size >= recentNumbers) this.numbersRead.clear()
    this.numbersRead.set(position, numbers)
    return numbers
  }

  private reader(position: number): Reader {
    return new Reader(
      this.chunks[Math.floor(position / chunkSize)] as string,
      this.starts[position] as number,
    )
  }
}

/**
 * One contact of a ContactBook, read on demand: it is a `Contact` to every reader (rows, search,
 * lamps, transfer), and `toJSON` gives the plain object to whatever copies it (the editor's
 * draft, IPC).
 */
export class BookContact implements Contact {
  constructor(
    private readonly book: ContactBook,
    readonly position: number,
  ) {}

  get id(): string {
    return this.book.text(this.position, 0)
  }

  get name(): string {
    return this.book.text(this.position, 1)
  }

  get company(): string {
    return this.book.text(this.position, 2)
  }

  get favourite(): boolean {
    return this.book.favourite(this.position)
  }

  /** The numbers; the same array while the row is on screen. Read-only: a change is a save. */
  get numbers(): ContactNumber[] {
    return this.book.numbers(this.position) as ContactNumber[]
  }

  get numberCount(): number {
    return this.book.numberCount(this.position)
  }

  toJSON(): Contact {
    return {
      id: this.id,
      name: this.name,
      company: this.company,
      favourite: this.favourite,
      numbers: this.numbers.map((number) => ({ ...number })),
    }
  }
}

/** How many numbers a contact has, without reading them when it is a book's contact. */
export const numberCountOf = (contact: Contact): number =>
  contact instanceof BookContact ? contact.numberCount : contact.numbers.length
