import type { CallSignals } from './call-signals'

export interface BadgePort {
  /** Dock/taskbar count (macOS, Linux Unity); false where unsupported. */
  setCount(count: number): void
}

/** Keeps the dock/taskbar badge equal to the number of missed calls not yet seen. */
export class MissedCallBadge {
  private unsubscribe: (() => void) | null = null
  private shown = -1

  constructor(private readonly options: { port: BadgePort; signals: CallSignals }) {}

  start(): void {
    this.unsubscribe ??= this.options.signals.on('missedUnseen', (count) => this.show(count))
  }

  stop(): void {
    this.unsubscribe?.()
    this.unsubscribe = null
    this.show(0)
  }

  private show(count: number): void {
    if (count === this.shown) return
    this.shown = count
    this.options.port.setCount(count)
  }
}
