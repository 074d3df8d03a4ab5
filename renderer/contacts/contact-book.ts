import type { Contact } from '../../contract/schemas'
import { TextTable, type PackedTable } from './text-table'

/**
 * The address book as the window holds it (issue 14: 10,000 contact objects, each with its
 * strings, number objects and arrays, were 3 MB of the window's 8.9 MB heap). Contacts are
 * packed into a few long strings, one per chunk of contacts, and a contact is found by its
 * position. A one-field view (`BookContact`) that reads its fields from there is made when a
 * contact is asked for (`at`): for the rows on screen, not one per contact held all along
 * (10,000 views and the array of them were 0.2 MB). A change (save, delete, import) packs a
 * new book.
 *
 * A record is: the id, the name as the count of its words (split at each space) and each
 * word's code in the book's word table, the company's code in its company table (an address
 * book names the same companies, first and last names again and again: see TextTable), the
 * count of numbers, then per number its kind and its value. Texts are a count and the characters; counts are one character below
 * 0xE0, else three. A value written only with digits, spaces, + - ( ) keeps two characters
 * in one. A UUID id (what main gives imported contacts) is 0xFF and its 16 bytes, not
 * 36 characters. Every character the encoding adds is below 256, so a chunk stays one byte per
 * character unless a contact in it is written in another script; chunks keep that contact from
 * doubling the whole book.
 */

type ContactNumber = Contact['numbers'][number]
type Kind = ContactNumber['kind']

const kinds: readonly Kind[] = ['work', 'mobile', 'extension', 'home', 'other']
const kindCode = new Map(kinds.map((kind, code) => [kind, code]))

/** Contacts per packed string. */
const chunkSize = 512
/** Counts from here on take three characters (up to 31 × 65536 + 65535). */
const longCount = 0xe0
const largestCount = ((0xff - longCount) << 16) - 1
const uuidMarker = 0xff
/**
 * Number values are mostly these characters: two of them fit one character (16 × 16 codes),
 * so "+46 8-120 100 64" takes 10 characters instead of 17. Code 15 pads an odd count.
 */
const dialSymbols = '0123456789 -+()'
const dialValue = /^[0-9 +()-]+$/
const packedValue = 0xff
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

function count(value: number): string {
  if (value < longCount) return String.fromCharCode(value)
  if (value > largestCount) throw new RangeError(`contact text or table of ${value}`)
  return String.fromCharCode(longCount + (value >> 16), (value >> 8) & 0xff, value & 0xff)
}

const text = (value: string) => `${count(value.length)}${value}`

function packId(id: string): string {
  if (!uuidPattern.test(id)) return text(id)
  const hex = id.replaceAll('-', '')
  let bytes = String.fromCharCode(uuidMarker)
  for (let at = 0; at < hex.length; at += 2) bytes += String.fromCharCode(parseInt(hex.slice(at, at + 2), 16))
  return bytes
}

function packValue(value: string): string {
  if (!dialValue.test(value)) return text(value)
  let packed = `${String.fromCharCode(packedValue)}${count(value.length)}`
  for (let at = 0; at < value.length; at += 2) {
    const high = dialSymbols.indexOf(value.charAt(at))
    const low = at + 1 < value.length ? dialSymbols.indexOf(value.charAt(at + 1)) : dialSymbols.length
    packed += String.fromCharCode((high << 4) | low)
  }
  return packed
}

function unpackUuid(bytes: string): string {
  let hex = ''
  for (let at = 0; at < bytes.length; at++) hex += bytes.charCodeAt(at).toString(16).padStart(2, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** The book's tables while it is packed. */
interface Tables {
  words: TextTable
  companies: TextTable
}

function packName(name: string, words: TextTable): string {
  const parts = name.split(' ')
  return `${count(parts.length)}${parts.map((part) => count(words.code(part))).join('')}`
}

function pack(contact: Contact, { words, companies }: Tables): string {
  let record = `${packId(contact.id)}${packName(contact.name, words)}${count(companies.code(contact.company))}`
  record += String.fromCharCode(contact.numbers.length)
  for (const number of contact.numbers)
    record += `${String.fromCharCode(kindCode.get(number.kind) ?? kinds.length - 1)}${packValue(number.value)}`
  return record
}

/** Reads one record's fields in order. */
class Reader {
  constructor(
    private readonly text: string,
    public at: number,
  ) {}

  char(): number {
    return this.text.charCodeAt(this.at++)
  }

  count(): number {
    const first = this.char()
    if (first < longCount) return first
    return ((first - longCount) << 16) | (this.char() << 8) | this.char()
  }

  string(): string {
    const size = this.count()
    this.at += size
    return this.text.slice(this.at - size, this.at)
  }

  /** A number's value, written as packValue wrote it. */
  value(): string {
    if (this.text.charCodeAt(this.at) !== packedValue) return this.string()
    this.at++
    const size = this.count()
    let value = ''
    for (let pair = 0; pair < size; pair += 2) {
      const code = this.char()
      value += dialSymbols.charAt(code >> 4)
      if (pair + 1 < size) value += dialSymbols.charAt(code & 0xf)
    }
    return value
  }

  id(): string {
    if (this.text.charCodeAt(this.at) !== uuidMarker) return this.string()
    this.at += 17
    return unpackUuid(this.text.slice(this.at - 16, this.at))
  }

  skipId(): void {
    if (this.text.charCodeAt(this.at) === uuidMarker) this.at += 17
    else this.skipString()
  }

  /** A name as packName wrote it. */
  name(words: PackedTable): string {
    const parts: string[] = []
    for (let left = this.count(); left > 0; left--) parts.push(words.at(this.count()))
    return parts.join(' ')
  }

  skipName(): void {
    for (let left = this.count(); left > 0; left--) this.count()
  }

  skipString(): void {
    const size = this.count() // read first: it moves `at` past the count
    this.at += size
  }
}

/** Contacts whose numbers were read last, kept so a row's number objects stay the same while shown. */
const recentNumbers = 64

/** Contacts by position: an array of them, or a ContactBook (whose views are made when asked for). */
export interface ContactSource {
  readonly length: number
  at(position: number): Contact | undefined
}

export class ContactBook implements ContactSource {
  /** The class of this book's views (the book is the class's, not a field of each view). */
  private readonly View: new (position: number) => BookContact
  /** Per contact: where its record starts in its chunk. */
  private readonly starts: Int32Array
  /** Per contact: favourite (bit 0) and the count of numbers (the bits above). */
  private readonly flags: Uint8Array
  private readonly words: PackedTable
  private readonly companies: PackedTable
  private readonly numbersRead = new Map<number, readonly ContactNumber[]>()

  private constructor(
    private readonly chunks: readonly string[],
    starts: Int32Array,
    flags: Uint8Array,
    { words, companies }: { words: PackedTable; companies: PackedTable },
  ) {
    this.starts = starts
    this.flags = flags
    this.words = words
    this.companies = companies
    this.View = viewClassOf(this)
  }

  /** Packs `contacts` (plain objects or another book's), yielding between chunks. */
  static *packing(contacts: ContactSource): Generator<void, ContactBook, void> {
    const chunks: string[] = []
    const starts = new Int32Array(contacts.length)
    const flags = new Uint8Array(contacts.length)
    const tables = { words: new TextTable(), companies: new TextTable() }
    for (let first = 0; first < contacts.length; first += chunkSize) {
      if (first > 0) yield
      const records: string[] = []
      let at = 0
      for (let position = first; position < Math.min(contacts.length, first + chunkSize); position++) {
        const contact = contacts.at(position) as Contact
        const record = pack(contact, tables)
        starts[position] = at
        at += record.length
        flags[position] = (contact.numbers.length << 1) | (contact.favourite ? 1 : 0)
        records.push(record)
      }
      chunks.push(records.join(''))
    }
    return new ContactBook(chunks, starts, flags, {
      words: tables.words.pack(),
      companies: tables.companies.pack(),
    })
  }

  static of(contacts: ContactSource): ContactBook {
    const packing = ContactBook.packing(contacts)
    for (;;) {
      const step = packing.next()
      if (step.done) return step.value
    }
  }

  get length(): number {
    return this.starts.length
  }

  /** A view of the contact at `position` (a new one each time; undefined outside the book). */
  at(position: number): BookContact | undefined {
    return position >= 0 && position < this.length ? new this.View(position) : undefined
  }

  /** A view per contact, in order: for a change of the whole book (save, delete), not to hold. */
  all(): BookContact[] {
    return Array.from({ length: this.length }, (_, position) => new this.View(position))
  }

  /** The positions of the contacts whose ids are in `ids` (each id read once). */
  positionsOfIds(ids: ReadonlySet<string>): ReadonlySet<number> {
    const positions = new Set<number>()
    for (let position = 0; position < this.length; position++)
      if (ids.has(this.id(position))) positions.add(position)
    return positions
  }

  /** The contacts in order, a view each as it comes (nothing kept). */
  *[Symbol.iterator](): Generator<BookContact, void, void> {
    for (let position = 0; position < this.length; position++) yield new this.View(position)
  }

  /** Where the contact with this id is (-1: not in the book). */
  positionOf(id: string): number {
    for (let position = 0; position < this.length; position++) if (this.id(position) === id) return position
    return -1
  }

  id(position: number): string {
    return this.reader(position).id()
  }

  name(position: number): string {
    const reader = this.reader(position)
    reader.skipId()
    return reader.name(this.words)
  }

  company(position: number): string {
    const reader = this.reader(position)
    reader.skipId()
    reader.skipName()
    return this.companies.at(reader.count())
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
    reader.skipId()
    reader.skipName()
    reader.count()
    const numbers: ContactNumber[] = []
    for (let left = reader.char(); left > 0; left--) {
      const kind = kinds[reader.char()] ?? 'other'
      numbers.push({ kind, value: reader.value() })
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

/** The class of a book's views: the book is the class's, not a field of each view. */
function viewClassOf(book: ContactBook): new (position: number) => BookContact {
  return class View extends BookContact {
    protected override get book(): ContactBook {
      return book
    }
  }
}

/**
 * One contact of a ContactBook, read on demand: it is a `Contact` to every reader (rows, search,
 * lamps, transfer), and `toJSON` gives the plain object to whatever copies it (the editor's
 * draft, IPC).
 */
export abstract class BookContact implements Contact {
  constructor(readonly position: number) {}

  protected abstract get book(): ContactBook

  get id(): string {
    return this.book.id(this.position)
  }

  get name(): string {
    return this.book.name(this.position)
  }

  get company(): string {
    return this.book.company(this.position)
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
