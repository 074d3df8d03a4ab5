/** Things the whole screen shares: the live region, alerts, the help overlay, focus requests. */

export type FocusTarget = 'dial' | 'contact-search' | 'history-search' | 'calls'

export interface Toast {
  id: number
  message: string
}

export class UiState {
  /** Text of the polite live region ("Announcements"). */
  announcement = $state('')
  toasts = $state<Toast[]>([])
  helpOpen = $state(false)
  view = $state<'calls' | 'history'>('calls')
  /** Bumped to ask a component to take focus; components watch `focusRequest`. */
  focusRequest = $state<{ target: FocusTarget; serial: number } | null>(null)
  /** Epoch ms, ticking once a second while the app runs: drives timers and countdowns. */
  now = $state(Date.now())

  /** Long enough to read twice; errors also stay in the call card where they apply. */
  toastMs = 15_000
  private nextToastId = 1
  private serial = 0

  announce(message: string): void {
    // Re-setting the same text is not re-read by screen readers: clear first.
    this.announcement = this.announcement === message ? `${message}\u00a0` : message
  }

  alert(message: string): void {
    const id = this.nextToastId++
    this.toasts = [...this.toasts.slice(-3), { id, message }]
    setTimeout(() => this.dismissToast(id), this.toastMs)
  }

  dismissToast(id: number): void {
    this.toasts = this.toasts.filter((toast) => toast.id !== id)
  }

  focus(target: FocusTarget): void {
    this.focusRequest = { target, serial: ++this.serial }
  }

  tick(now = Date.now()): void {
    this.now = now
  }
}
