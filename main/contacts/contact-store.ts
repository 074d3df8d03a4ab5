import { randomUUID } from 'node:crypto'
import { readFile, rename } from 'node:fs/promises'
import type { ContactImportReport } from '../../contract/ipc'
import { contactSchema, type Contact } from '../../contract/schemas'
import { runInSlices, type Slices } from '../event-loop/slices'
import type { Logger } from '../log/logger'
import { replaceAtomically, setAsideName } from '../history/durable-file'
import { sameContactKey } from './contact-drafts'
import type { ContactDraft } from './import-error'
import { message, render, type Message } from '../../contract/i18n/catalogue'
import { ReasonError } from '../ipc/reason-error'

export interface ContactStoreOptions {
  /** e.g. <userData>/contacts.json */
  path: string
  logger: Logger
  now?: () => Date
  newId?: () => string
}

/** Saving to disk failed; its `text` is meant for the user. */
export class ContactStorageError extends ReasonError {
  override name = 'ContactStorageError'
}

interface ParsedContacts {
  contacts: Contact[]
  /** What was wrong with the file (worded for the user), or null. */
  problem: Message | null
}

interface ContactsFile {
  version: 1
  contacts: Contact[]
}

/**
 * Contacts kept in one JSON file, replaced as a whole through a temporary file and a rename,
 * so a crash leaves either the old list or the new one. Every change is written first and only
 * then applied in memory: a failed write changes nothing, and an import lands all at once.
 * An unreadable file is kept under another name and the list starts with whatever was valid.
 */
export class ContactStore {
  private contacts: Contact[] = []
  private writes: Promise<unknown> = Promise.resolve()
  private notices: Message[] = []
  /** The file exists but could not be read: writing would replace contacts never loaded. */
  private fileUnreadable = false
  private readonly now: () => Date
  private readonly newId: () => string
  private readonly keys = new WeakMap<Contact, string>()

  constructor(private readonly options: ContactStoreOptions) {
    this.now = options.now ?? (() => new Date())
    this.newId = options.newId ?? (() => randomUUID())
  }

  async start(): Promise<void> {
    this.contacts = []
    this.fileUnreadable = false
    let text: string
    try {
      text = await readFile(this.options.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      this.fileUnreadable = true
      this.options.logger.error('Contacts: the file could not be read', error)
      this.notices.push(message('notice.contacts-unreadable'))
      return
    }
    // Validated a slice at a time, so main keeps answering while 10,000 contacts load.
    const { contacts, problem } = await runInSlices(contactsFileSlices(text))
    this.contacts = contacts
    if (problem) await this.setAside(problem)
  }

  async stop(): Promise<void> {
    // `writes` never rejects (see enqueue): each failure went to its own caller.
    await this.writes
  }

  /** What the user must be told about the contacts file (each handed out once). */
  takeNotices(): Message[] {
    const notices = this.notices
    this.notices = []
    return notices
  }

  /** Every contact in name order, or the page asked for. */
  list(page?: { offset: number; limit: number }): Contact[] {
    if (!page) return [...this.contacts]
    return this.contacts.slice(page.offset, page.offset + page.limit)
  }

  /** Adds a contact (an empty id gets a new one) or replaces the one with the same id. */
  async save(contact: Contact): Promise<Contact> {
    const saved = { ...contact, id: contact.id.trim() === '' ? this.newId() : contact.id }
    const exists = this.contacts.some((existing) => existing.id === saved.id)
    const next = exists
      ? this.contacts.map((existing) => (existing.id === saved.id ? saved : existing))
      : [...this.contacts, saved]
    await this.commit(next)
    return saved
  }

  async delete(id: string): Promise<boolean> {
    if (!this.contacts.some((contact) => contact.id === id)) return false
    await this.commit(this.contacts.filter((contact) => contact.id !== id))
    return true
  }

  /**
   * Adds every draft not already present (same name and numbers), in one write. `keys` are the
   * drafts' sameContactKey when the import worker folded them already. The work is cut in
   * slices with a turn of the event loop between, so 40,000 contacts never block main.
   */
  async import(
    drafts: readonly ContactDraft[],
    emptyInFile = 0,
    keys?: readonly string[],
  ): Promise<ContactImportReport> {
    const known = new Set<string>()
    await runInSlices(eachInSlices(this.contacts, (contact) => known.add(this.keyOf(contact))))
    const added: Contact[] = []
    await runInSlices(
      eachInSlices(drafts, (draft, index) => {
        const key = keys?.[index] ?? sameContactKey(draft)
        if (known.has(key)) return
        known.add(key)
        added.push({ ...draft, id: this.newId() })
      }),
    )
    if (added.length > 0) await this.commit([...this.contacts, ...added])
    return { imported: added.length, skipped: drafts.length - added.length + emptyInFile }
  }

  /** A contact's duplicate key, folded once per contact object (contacts are never mutated). */
  private keyOf(contact: Contact): string {
    let key = this.keys.get(contact)
    if (key === undefined) this.keys.set(contact, (key = sameContactKey(contact)))
    return key
  }

  private commit(next: Contact[]): Promise<void> {
    const write = async () => {
      if (this.fileUnreadable) {
        throw new ContactStorageError(message('reason.contacts-unreadable-at-start'))
      }
      try {
        await replaceAtomically(this.options.path, await contactsFileText(next))
      } catch (error) {
        this.options.logger.error('Contacts: write failed', error)
        throw new ContactStorageError(message('reason.contacts-not-saved'))
      }
      this.contacts = next
    }
    const result = this.writes.then(write, write)
    // The caller gets `result` and reports its failure (logged, and told to the user); the
    // chain only keeps the order, so it must not stop at one failed write.
    this.writes = result.then(
      () => undefined,
      () => undefined,
    )
    return result
  }

  /**
   * Keeps a damaged file under another name and writes the valid contacts in its place. When
   * it cannot be moved, it is left as it is and no write may replace it (contacts never read
   * would be lost); when only the rewrite fails, the next change writes the file.
   */
  private async setAside(problem: Message): Promise<void> {
    const keptAs = setAsideName(this.options.path, this.now())
    const count = this.contacts.length
    try {
      await rename(this.options.path, keptAs)
    } catch (error) {
      this.fileUnreadable = true
      this.options.logger.error(`Contacts: ${render('en', problem)}; the file could not be set aside`, error)
      this.notices.push(message('notice.contacts-damaged-kept', { problem, count }))
      return
    }
    this.options.logger.warn(`Contacts: ${render('en', problem)}; original kept as ${keptAs}`)
    this.notices.push(message('notice.contacts-damaged', { problem, keptAs, count }))
    try {
      await replaceAtomically(this.options.path, await contactsFileText(this.contacts))
    } catch (error) {
      this.options.logger.error('Contacts: the file could not be written again after setting it aside', error)
    }
  }
}

/** Contacts validated, compared or serialised between two turns of main's event loop. */
const contactsPerSlice = 500

/** Runs `work` over `items`, yielding after every slice (run it with runInSlices). */
function* eachInSlices<T>(items: readonly T[], work: (item: T, index: number) => void): Slices<void> {
  for (let index = 0; index < items.length; index++) {
    work(items[index] as T, index)
    if (index % contactsPerSlice === contactsPerSlice - 1) yield
  }
}

/** The contacts file (ContactsFile), one contact per line, serialised a slice at a time. */
async function contactsFileText(contacts: readonly Contact[]): Promise<string> {
  const lines: string[] = []
  await runInSlices(eachInSlices(contacts, (contact) => lines.push(JSON.stringify(contact))))
  const file: Omit<ContactsFile, 'contacts'> = { version: 1 }
  return `${JSON.stringify(file).slice(0, -1)},"contacts":[\n${lines.join(',\n')}\n]}\n`
}

/**
 * The valid contacts in a file, and what was wrong with it if anything, validated a slice of
 * contacts at a time (see main/event-loop/slices.ts).
 */
export function* contactsFileSlices(text: string): Slices<ParsedContacts> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { contacts: [], problem: message('notice.contacts-problem-json') }
  }
  const list = (parsed as Partial<ContactsFile> | null)?.contacts
  if (!Array.isArray(list)) return { contacts: [], problem: message('notice.contacts-problem-no-list') }
  const contacts: Contact[] = []
  let invalid = 0
  const ids = new Set<string>()
  for (const [index, item] of list.entries()) {
    const checked = contactSchema.safeParse(item)
    if (checked.success && !ids.has(checked.data.id)) {
      contacts.push(checked.data)
      ids.add(checked.data.id)
    } else invalid++
    if (index % contactsPerSlice === contactsPerSlice - 1) yield
  }
  return {
    contacts,
    problem: invalid > 0 ? message('notice.contacts-problem-invalid', { count: invalid }) : null,
  }
}
