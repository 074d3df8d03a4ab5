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

  private nextToastId = 1
  private serial = 0

  announce(message: string): void {
    // Re-setting the same text is not re-read by screen readers: clear first.
    this.announcement = this.announcement === message ? `${message}\u00a0` : message
  }

  alert(message: string): void {
    this.toasts = [...this.toasts.slice(-3), { id: this.nextToastId++, message }]
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
