import type { Message } from '../../contract/i18n'
import { LayoutState } from './layout.svelte'

/** Things the whole screen shares: the live region, alerts, the help overlay, focus requests. */

/**
 * What state classes say: a catalogue Message, rendered by the component in the language of
 * the moment (a plain string only where the text is not ours, e.g. a server's reason phrase).
 */
export type Say = Message | string

export type FocusTarget = 'dial' | 'contact-search' | 'history-search' | 'calls'

export interface Toast {
  id: number
  message: Say
}

export class UiState {
  /** Text of the polite live region ("Announcements"). */
  announcement = $state<Say>('')
  /** Bumped on each announcement, so the same words said twice are read twice. */
  announcementSerial = $state(0)
  toasts = $state<Toast[]>([])
  helpOpen = $state(false)
  view = $state<'calls' | 'history'>('calls')
  /** Bumped to ask a component to take focus; components watch `focusRequest`. */
  focusRequest = $state<{ target: FocusTarget; serial: number } | null>(null)
  /** Epoch ms, ticking once a second while the app runs: drives timers and countdowns. */
  now = $state(Date.now())
  /** Which layout the screen takes and, in compact, which tab shows. */
  readonly layout = new LayoutState()

  /** Long enough to read twice; errors also stay in the call card where they apply. */
  toastMs = 15_000
  private nextToastId = 1
  private serial = 0

  announce(message: Say): void {
    this.announcement = message
    this.announcementSerial++
  }

  alert(message: Say): void {
    const id = this.nextToastId++
    this.toasts = [...this.toasts.slice(-3), { id, message }]
    setTimeout(() => this.dismissToast(id), this.toastMs)
  }

  dismissToast(id: number): void {
    this.toasts = this.toasts.filter((toast) => toast.id !== id)
  }

  focus(target: FocusTarget): void {
    // The field must be on screen before it is focused: in compact, its tab opens first.
    this.layout.reveal(target)
    this.focusRequest = { target, serial: ++this.serial }
  }

  tick(now = Date.now()): void {
    this.now = now
  }
}
