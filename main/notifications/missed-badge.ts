import { translate, type Language } from '../../contract/i18n'
import type { VoicemailWaiting } from '../../contract/schemas'
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
  private unsubscribe: Array<() => void> = []
  private missed = 0
  private voicemail: VoicemailWaiting | null = null
  private shown = -1

  constructor(
    private readonly options: { port: BadgePort; signals: CallSignals; language?: () => Language },
  ) {}

  start(): void {
    if (this.unsubscribe.length > 0) return
    const { signals } = this.options
    this.unsubscribe = [
      signals.on('missedUnseen', (count) => {
        this.missed = count
        this.show()
      }),
      signals.on('voicemail', (voicemail) => {
        this.voicemail = voicemail
        this.show()
      }),
    ]
  }

  stop(): void {
    for (const unsubscribe of this.unsubscribe) unsubscribe()
    this.unsubscribe = []
    this.missed = 0
    this.voicemail = null
    this.show()
  }

  private show(): void {
    const count = this.missed + (this.voicemail?.newCount ?? 0)
    if (count === this.shown) return
    this.shown = count
    const language = this.options.language?.() ?? 'en'
    const parts = [
      this.missed > 0 ? translate(language, 'history.missed-count', { count: this.missed }) : null,
      voicemailText(this.voicemail, language),
    ].filter((part): part is string => part !== null)
    this.options.port.setCount(count, parts.join(' · '))
  }
}
