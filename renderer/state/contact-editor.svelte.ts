import type { Contact } from '../../contract/schemas'
import type { Say } from './ui.svelte'

/** What the editor says is wrong with the draft: the name, and each number by its row. */
export interface DraftErrors {
  name?: Say
  numbers: Say[]
}

/** The most numbers one contact holds (the contact schema's limit). */
export const maxNumbers = 16

/**
 * The contact editor's dialog: which contact is open and what the user has typed so far. It
 * lives here, not in the panel that opened it (the contacts panel, "+" in the history), so a
 * change of layout (a resized window, larger text), which mounts the panels anew, neither
 * closes the dialog nor loses a keystroke. Validating and saving are the editor component's
 * (its code loads when it first opens); the draft it edits is this one.
 */
export class ContactEditorState {
  /** The contact being edited, a copy the user types into; null while the editor is closed. */
  draft = $state<Contact | null>(null)
  /** The contact as it was opened (the heading names it; Delete removes it). */
  opened = $state<Contact | null>(null)
  /** A new contact (Save adds it), not one from the list (Save replaces it, Delete offers). */
  isNew = $state(false)
  errors = $state<DraftErrors>({ numbers: [] })
  /** Delete was pressed once: the button now asks "Really delete?". */
  confirmingDelete = $state(false)
  /** Bumped on each open, so a contact opened over another gets a fresh editor. */
  serial = $state(0)

  /** `listed`: whether a contact of this id is in the address book. */
  constructor(private readonly listed: (id: string) => boolean) {}

  /** Opens the editor on a copy of the contact (later changes to the list don't reach it). */
  open(contact: Contact): void {
    const copy = structuredClone($state.snapshot(contact)) as Contact
    this.opened = copy
    this.draft = structuredClone(copy)
    this.isNew = !this.listed(copy.id)
    this.errors = { numbers: [] }
    this.confirmingDelete = false
    this.serial++
  }

  close(): void {
    this.draft = null
    this.opened = null
    this.errors = { numbers: [] }
    this.confirmingDelete = false
  }

  addNumber(): void {
    if (this.draft && this.draft.numbers.length < maxNumbers)
      this.draft.numbers.push({ kind: 'mobile', value: '' })
  }

  removeNumber(index: number): void {
    this.draft?.numbers.splice(index, 1)
    this.errors.numbers.splice(index, 1)
  }

  /** Delete pressed: true on the second press (delete now), false on the first (ask). */
  deletePressed(): boolean {
    if (this.confirmingDelete) return true
    this.confirmingDelete = true
    return false
  }
}
