import { message, translate, type Language } from '../../contract/i18n'
import type { Contact } from '../../contract/schemas'
import { looksLikeNumber } from '../../contract/search-text'
import { parseDialString } from '../dial/dial-string'
import type { CallsState } from './calls.svelte'
import type { ContactsState } from './contacts.svelte'
import { TransferStage, type TransferController } from './transfer.svelte'
import type { Say } from './ui.svelte'

/** One line the contact search offers: the number typed into it, or a matching contact. */
export type PickOption =
  { kind: 'typed'; target: string; label: string } | { kind: 'contact'; contact: Contact }

/** A number to call or transfer to, with the words the operator and the history see for it. */
export interface PickTarget {
  value: string
  label: string
}

type ContactNumber = Contact['numbers'][number]

/** The number typed into the search, when it reads as one and can be dialled. */
export function typedOption(query: string): Extract<PickOption, { kind: 'typed' }> | null {
  const text = query.trim()
  if (!looksLikeNumber(text)) return null
  const parsed = parseDialString(text)
  return parsed.ok ? { kind: 'typed', target: parsed.target, label: text } : null
}

/** "Åsa Östlund (mobile)": a contact's number as the operator and the history name it. */
export function contactTarget(
  contact: Contact,
  number: ContactNumber,
  language: Language = 'en',
): PickTarget {
  // The label is said now and kept in the history as "transferred to": in the user's language.
  return {
    value: number.value,
    label: `${contact.name} (${translate(language, `contact.kind-${number.kind}`)})`,
  }
}

/**
 * Where an option goes. A contact with several numbers gets its first: quickest for an
 * operator (the README promises it); a number row picks another one.
 */
export function targetOf(option: PickOption, language: Language = 'en'): PickTarget | null {
  if (option.kind === 'typed') return { value: option.target, label: option.label }
  const first = option.contact.numbers[0]
  return first ? contactTarget(option.contact, first, language) : null
}

export interface PickerNotifier {
  alert(message: Say): void
}

/** A call dropped on a colleague whose lamp says they are in a call, waiting for the choice. */
export interface BusyDrop {
  callId: string
  target: PickTarget
  name: string
}

export type BusyDropChoice = 'transfer' | 'announce' | 'cancel'

/**
 * The contact search as a place to pick a call or transfer target: what it offers, what Enter
 * picks, and what a call button, Enter or a dropped call does with the pick (dial, consult
 * first, or transfer at once). ContactsPanel renders it and forwards the gestures here.
 */
export class ContactPicker {
  /** The keyboard transfer waiting for a target (after T or "Transfer"), if any. */
  readonly choosing = $derived.by(() => {
    const state = this.transfer.state
    return state.stage === TransferStage.ChoosingTarget ? state : null
  })
  readonly typed = $derived.by(() => typedOption(this.contacts.query))
  /** How many lines the search offers: the typed number (if any) and every matching contact. */
  readonly optionCount = $derived.by(() => (this.typed ? 1 : 0) + this.contacts.results.length)
  /** Only the highlighted line is made an option: a keystroke allocates nothing per contact. */
  readonly highlightedOption: PickOption | null = $derived.by(() => {
    const typed = this.typed
    const at = this.contacts.highlighted - (typed ? 1 : 0)
    if (typed && at < 0) return typed
    const position = this.contacts.results[at]
    return position === undefined ? null : { kind: 'contact', contact: this.contacts.contactAt(position) }
  })
  /** The contact Enter would pick; shown only once the person searches or transfers. */
  readonly highlightedContactId = $derived.by(() => {
    const picking = this.contacts.query.trim() !== '' || this.choosing !== null
    const option = this.highlightedOption
    return picking && option?.kind === 'contact' ? option.contact.id : ''
  })

  /** A drop on a colleague in a call asks first: transfer anyway, or announce first. */
  busyDrop = $state<BusyDrop | null>(null)

  constructor(
    private readonly contacts: ContactsState,
    private readonly calls: CallsState,
    private readonly transfer: TransferController,
    private readonly notifier: PickerNotifier,
    /** The language labels are made in (a contact's number kind: "arbete", "work"). */
    private readonly language: () => Language = () => 'en',
    /** Whether the lamp of this contact's number says they are in a call (colleagues' lamps). */
    private readonly inCallAt: (contactId: string, number: string) => boolean = () => false,
  ) {}

  /** Every line the search offers, in order (built on request, not on each keystroke). */
  get options(): PickOption[] {
    return [
      ...(this.typed ? [this.typed] : []),
      ...Array.from(this.contacts.results, (position) => ({
        kind: 'contact' as const,
        contact: this.contacts.contactAt(position),
      })),
    ]
  }

  /** A contact's number as a target, labelled in the current language. */
  targetFor(contact: Contact, number: ContactNumber): PickTarget {
    return contactTarget(contact, number, this.language())
  }

  /** Arrow keys: moves the highlight; returns the contact row to scroll to (-1: the typed line). */
  moveHighlight(step: 1 | -1): number {
    this.contacts.moveHighlight(step, this.optionCount)
    return this.contacts.highlighted - (this.typed ? 1 : 0)
  }

  /**
   * A call button, or Shift+Enter: call. During a call, or while choosing a transfer target,
   * this is the announced (attended) transfer: the caller is held and the target called.
   */
  async call(target: PickTarget): Promise<void> {
    const choosing = this.choosing
    if (choosing) await this.transfer.consult(target.value, target.label, choosing.callId)
    else if (this.calls.active) await this.transfer.consult(target.value, target.label)
    else await this.calls.dial(target.value)
  }

  /** Enter in the search: transfer at once while choosing a target (unless `callFirst`), else call. */
  async pickHighlighted(callFirst: boolean): Promise<void> {
    const option = this.highlightedOption
    const target = option ? targetOf(option, this.language()) : null
    if (!target) {
      this.notifier.alert(message(this.optionCount === 0 ? 'say.pick-no-match' : 'say.pick-no-number'))
      return
    }
    const choosing = this.choosing
    if (choosing && !callFirst) await this.blind(choosing.callId, target)
    else await this.call(target)
  }

  /**
   * A call dropped on the search field: transfer it to what Enter would pick. With nothing
   * typed the list is everyone, so its first line is no choice: say what to do instead.
   */
  async dropOnSearch(callId: string): Promise<void> {
    const option = this.contacts.query.trim() === '' ? null : this.highlightedOption
    const target = option ? targetOf(option, this.language()) : null
    if (!target) this.notifier.alert(message('say.drop-type-first'))
    else await this.blind(callId, target)
  }

  /** A call dropped on a contact (its first number) or on one of its number rows. */
  async dropOnContact(callId: string, contact: Contact, number?: ContactNumber): Promise<void> {
    const chosen = number ?? contact.numbers[0]
    if (!chosen) this.notifier.alert(message('say.contact-no-number', { name: contact.name }))
    else if (this.inCallAt(contact.id, chosen.value))
      this.busyDrop = { callId, target: this.targetFor(contact, chosen), name: contact.name }
    else await this.blind(callId, this.targetFor(contact, chosen))
  }

  /** The answer to "Erik is in a call": transfer anyway (blind), announce first (consult), or not. */
  async resolveBusyDrop(choice: BusyDropChoice): Promise<void> {
    const drop = this.busyDrop
    this.busyDrop = null
    if (!drop || choice === 'cancel') return
    if (choice === 'transfer') await this.blind(drop.callId, drop.target)
    else await this.transfer.consult(drop.target.value, drop.target.label, drop.callId)
  }

  /** A call dropped on the typed-number line. */
  async dropOnTyped(callId: string): Promise<void> {
    const typed = this.typed
    if (typed) await this.blind(callId, { value: typed.target, label: typed.label })
  }

  private async blind(callId: string, target: PickTarget): Promise<void> {
    await this.transfer.blind(callId, target.value, target.label)
  }
}
