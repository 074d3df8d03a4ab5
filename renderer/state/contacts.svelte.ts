import type { Say } from './ui.svelte'
import { message, type Message } from '../../contract/i18n'
import { consoleFailed } from '../log/log'
import type { ContactImportReport, ParleyApi } from '../../contract/ipc'
import type { Contact, ContactImportProgress } from '../../contract/schemas'
import { request } from './api'
import { Notices } from './notices.svelte'
import { runInTasks } from './tasks'
import { defaultRegion } from '../../contract/region'
import type { ContactSearch } from '../contacts/contact-search'
import type * as NumbersChunk from '../contacts/numbers'
import { decodeImportFile } from '../contacts/import-file-text'
import { ContactBook, type ContactSource } from '../contacts/contact-book'

export type ContactNumber = Contact['numbers'][number]

/** Contacts per `contacts:list` answer while the address book loads. */
const contactsPerPage = 500

/** libphonenumber and the search index, a chunk of their own (see contacts/numbers.ts). */
type Numbers = typeof NumbersChunk

/** The address book on the left: list, search as you type, add/edit/delete, import. */
export class ContactsState {
  /** The address book, packed (see contact-book.ts): a contact is read by its position. */
  contacts = $state.raw<ContactBook>(ContactBook.of([]))
  query = $state('')
  loading = $state(false)
  error = $state<Say>('')
  /** Index of the highlighted search result (keyboard transfer picks it with Enter). */
  highlighted = $state(0)
  /** What main says about the contacts file (a damaged file set aside), until dismissed. */
  readonly fileNotices = new Notices()
  /** The import under way as main reports it (reading in a worker, then saving); null when none. */
  importProgress = $state<ContactImportProgress | null>(null)

  /** Built off the list's critical path, a slice per task (see publish); none before the first list. */
  private index = $state.raw<ContactSearch | null>(null)
  /** Only these contacts are listed (e.g. "Watched only"); null: everyone. */
  only = $state.raw<ReadonlySet<string> | null>(null)
  /** The list's rows: positions in `contacts`, best first (a row's contact: contactAt). */
  readonly results: Int32Array = $derived.by(() => {
    const found = this.index?.find(this.query) ?? new Int32Array(0)
    const only = this.only
    const book = this.contacts
    return only ? found.filter((position) => only.has(book.id(position))) : found
  })
  /** Number reading and writing, once its chunk is loaded (display() re-renders then). */
  private numbers = $state.raw<Numbers | null>(null)
  private numbersLoading: Promise<Numbers> | null = null
  /** Lists published: a list indexed after a newer one started must not replace it. */
  private generation = 0
  /** The list last handed to publish (maybe still being indexed) and the region it was read in. */
  private latest: ContactSource | null = null
  private indexedRegion = ''
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- listeners, never rendered
  private readonly listListeners = new Set<(contacts: ContactBook) => void>()

  private readonly api: ParleyApi
  private readonly notifier: { announce(message: Say): void; alert(message: Say): void }

  private readonly regionOf: () => string

  constructor(
    api: ParleyApi,
    notifier: { announce(message: Say): void; alert(message: Say): void },
    regionOf: () => string = () => defaultRegion,
  ) {
    this.api = api
    this.notifier = notifier
    this.regionOf = regionOf
  }

  /** The account's region (SE unless the account or policy says otherwise). */
  get region(): string {
    return this.regionOf()
  }

  /**
   * A number as the user's region writes it (national inside it, international outside); as
   * given until libphonenumber has loaded, which the address book asks for when it loads.
   */
  display(number: string): string {
    return this.numbers?.displayNumber(number, this.region) ?? number
  }

  /** libphonenumber is not needed to register: it loads with the address book, once. */
  private loadNumbers(): Promise<Numbers> {
    this.numbersLoading ??= import('../contacts/numbers').then((numbers) => (this.numbers = numbers))
    return this.numbersLoading
  }

  /** The contact at `position` of the address book (a row of `results`), read when asked. */
  contactAt(position: number): Contact {
    const contact = this.contacts.at(position)
    if (!contact) throw new RangeError(`no contact at ${position} of ${this.contacts.length}`)
    return contact
  }

  /** Lists only the contacts in `ids` (null: everyone); the highlight starts over. */
  showOnly(ids: ReadonlySet<string> | null): void {
    this.only = ids
    this.highlighted = 0
  }

  setQuery(query: string): void {
    this.query = query
    this.highlighted = 0
  }

  moveHighlight(step: number, optionCount: number): void {
    if (optionCount === 0) return
    this.highlighted = (this.highlighted + step + optionCount) % optionCount
  }

  /**
   * Reads the address book a page at a time (each answer small enough to handle in a few ms),
   * then indexes it in slices; the list, its index and the number directory change together.
   */
  async load(): Promise<void> {
    this.loading = true
    void this.loadNumbers()
    const loaded: Contact[] = []
    for (;;) {
      const page = await request(this.api, 'contacts:list', { offset: loaded.length, limit: contactsPerPage })
      if (!page.ok) {
        this.loading = false
        this.error = message('contacts.load-failed', { reason: page.message })
        return
      }
      loaded.push(...page.value)
      if (page.value.length < contactsPerPage) break
    }
    await this.publish(loaded)
    this.loading = false
    this.error = ''
    // Given once by main: a failure to ask is itself worth showing (nothing else would say it).
    const notices = await request(this.api, 'contacts:notices')
    this.fileNotices.add(notices.ok ? notices.value : [notices.message])
  }

  /**
   * Re-indexes the address book when the account's region changes: "08-120 100 64" is a
   * Stockholm number in SE and another phone (or none) elsewhere, so search and caller names
   * must be read again in the new region.
   */
  async regionMayHaveChanged(): Promise<void> {
    if (this.latest !== null && this.region !== this.indexedRegion) await this.publish(this.latest)
  }

  /**
   * Packs `contacts` into a ContactBook and indexes it, a slice per task, then shows them
   * (unless a newer list came meanwhile). The plain objects given are dropped once packed.
   */
  private async publish(given: ContactSource): Promise<void> {
    const generation = ++this.generation
    const region = this.region
    this.latest = given
    this.indexedRegion = region
    const numbers = await this.loadNumbers()
    const contacts = await runInTasks(ContactBook.packing(given))
    if (generation !== this.generation) return
    this.latest = contacts
    const prepared = await runInTasks(numbers.prepareContacts(contacts, region))
    if (generation !== this.generation) return
    this.index = new numbers.ContactSearch(contacts, region, prepared)
    this.contacts = contacts
    for (const listener of this.listListeners) listener(contacts)
  }

  /** Called with each new address book once it is shown (colleagues' lamps follow it). */
  onListChanged(listener: (contacts: ContactBook) => void): () => void {
    this.listListeners.add(listener)
    return () => this.listListeners.delete(listener)
  }

  async save(contact: Contact): Promise<boolean> {
    const result = await request(this.api, 'contacts:save', contact)
    if (!result.ok) {
      this.notifier.alert(message('say.contact-not-saved', { reason: result.message }))
      return false
    }
    const saved = result.value
    const everyone: Contact[] = this.contacts.all()
    const at = this.contacts.positionOf(saved.id)
    if (at >= 0) everyone[at] = saved
    await this.publish(at >= 0 ? everyone : byName([...everyone, saved]))
    this.notifier.announce(message('say.contact-saved', { name: saved.name }))
    return true
  }

  async remove(id: string): Promise<boolean> {
    const contact = this.contacts.at(this.contacts.positionOf(id))
    const result = await request(this.api, 'contacts:delete', { id })
    if (!result.ok) {
      this.notifier.alert(message('say.contact-not-deleted', { reason: result.message }))
      return false
    }
    await this.publish(this.contacts.all().filter((existing) => existing.id !== id))
    this.notifier.announce(
      contact
        ? message('say.contact-deleted', { name: contact.name })
        : message('say.contact-deleted-unnamed'),
    )
    return true
  }

  /** Reads the chosen .vcf/.csv file here and lets main parse and store it (all or nothing). */
  async importFile(file: File): Promise<ContactImportReport | null> {
    const format = formatOf(file.name)
    if (!format) {
      this.notifier.alert(message('say.import-choose-file'))
      return null
    }
    const text = await readImportText(file, consoleFailed('contacts')('an import file could not be read'))
    if (!text.ok) {
      this.notifier.alert(message('say.import-nothing', { reason: text.message }))
      return null
    }
    this.importProgress = { phase: 'reading', percent: 0 }
    const unsubscribe = this.api.on(
      'contacts-import-progress',
      (progress) => (this.importProgress = progress),
    )
    const result = await request(this.api, 'contacts:import', { format, text: text.value })
    unsubscribe()
    this.importProgress = null
    if (!result.ok) {
      this.notifier.alert(message('say.import-nothing', { reason: result.message }))
      return null
    }
    const { imported, skipped } = result.value
    this.notifier.announce(message('say.imported', { imported, skipped }))
    await this.load()
    return result.value
  }

  /** What the import progress bar says, '' when no import runs. */
  get importStatus(): Say {
    const progress = this.importProgress
    if (!progress) return ''
    return progress.phase === 'reading'
      ? message('contacts.import-reading', { percent: progress.percent })
      : message('contacts.import-saving')
  }

  /**
   * The contact name for a caller's number: the same phone number in the region's reading
   * (+46812010064 is 08-120 100 64), or the same extension. Never a look-alike from abroad.
   */
  nameForNumber(number: string): string {
    const numbers = this.numbers
    if (!numbers) return ''
    // The index names callers too: built ahead of the first call, not on the ringing path.
    return this.index?.nameForCaller(numbers.callerKey(number, this.region)) ?? ''
  }

  newContact(): Contact {
    return {
      id: crypto.randomUUID(),
      name: '',
      company: '',
      favourite: false,
      numbers: [{ kind: 'work', value: '' }],
    }
  }
}

/** Sorted by name, each name read once (a book's contact reads its name from the packed text). */
function byName(contacts: readonly Contact[]): Contact[] {
  return contacts
    .map((contact) => ({ contact, name: contact.name }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ contact }) => contact)
}

/** Exports come as UTF-8, UTF-16 or Windows-1252: decode by the bytes, not as UTF-8 blindly. */
async function readImportText(
  file: File,
  failed: (error: unknown) => void,
): Promise<{ ok: true; value: string } | { ok: false; message: Message }> {
  try {
    return { ok: true, value: decodeImportFile(new Uint8Array(await file.arrayBuffer())) }
  } catch (error) {
    failed(error)
    return { ok: false, message: message('import.file-unreadable', { file: file.name }) }
  }
}

function formatOf(fileName: string): 'vcard' | 'csv' | null {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.vcf') || lower.endsWith('.vcard')) return 'vcard'
  if (lower.endsWith('.csv')) return 'csv'
  return null
}
