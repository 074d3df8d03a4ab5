import { translate, type Language } from '../../contract/i18n'
import { voicemailText } from '../tray/tray-model'
import type { CallSignals } from './call-signals'

export interface BadgePort {
  /**
   * Dock/taskbar count (macOS, Linux Unity; an overlay on Windows); `description` says what it
   * counts, for the overlay's accessible text.
   */
  setCount(count: number, description: string): void
}

/**
 * Keeps the dock/taskbar badge equal to what waits for the user: missed calls not yet seen plus
 * new voicemail messages (cleared when the PBX says they were heard).
 */
export class MissedCallBadge {
  private unsubscribe: (() => void) | null = null
  private running = false
  private shown = -1

  constructor(
    private readonly options: { port: BadgePort; signals: CallSignals; language?: () => Language },
  ) {}

  start(): void {
    if (this.running) return
    this.running = true
    this.unsubscribe = this.options.signals.follow(['missedUnseen', 'voicemail'], () => this.show())
  }

  /** Clears the badge: a stopped app shows nothing waiting. */
  stop(): void {
    this.unsubscribe?.()
    this.unsubscribe = null
    this.running = false
    this.show()
  }

  private show(): void {
    const { signals } = this.options
    const missed = this.running ? (signals.latest('missedUnseen') ?? 0) : 0
    const voicemail = this.running ? (signals.latest('voicemail') ?? null) : null
    const count = missed + (voicemail?.newCount ?? 0)
    if (count === this.shown) return
    this.shown = count
    const language = this.options.language?.() ?? 'en'
    const parts = [
      missed > 0 ? translate(language, 'history.missed-count', { count: missed }) : null,
      voicemailText(voicemail, language),
    ].filter((part): part is string => part !== null)
    this.options.port.setCount(count, parts.join(' · '))
  }
}
