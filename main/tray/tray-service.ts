import type { Language } from '../../contract/i18n'
import type { Logger } from '../log/logger'
import type { CallSignals } from '../notifications/call-signals'
import { initialPhoneStatus, trayModel, type TrayMenuId, type TrayView } from './tray-model'

/** The tray icon itself (Electron's Tray behind a thin adapter, or a fake). */
export interface TrayPort {
  render(view: TrayView, onSelect: (id: TrayMenuId) => void): void
  destroy(): void
}

export interface TrayServiceOptions {
  /** Creates the icon; throws where the desktop has no tray. */
  createTray(onClick: () => void): TrayPort
  signals: CallSignals
  /** The language of the tray's texts, asked at each render. */
  language(): Language
  /** Tells the tray when the preferences changed (the language may have); returns an unsubscribe. */
  onPreferencesChanged(listener: () => void): () => void
  showWindow(): void
  quit(): void
  /** Told whether a tray exists: closing the window may only hide it when there is one. */
  setTrayAvailable(available: boolean): void
  logger: Logger
}

/** The tray icon: registration, calls, missed calls and new voicemail at a glance, Show and Quit. */
export class TrayService {
  private port: TrayPort | null = null
  private renderedIn: Language | null = null
  private unsubscribe: (() => void)[] = []

  constructor(private readonly options: TrayServiceOptions) {}

  start(): void {
    if (this.port) return
    try {
      this.port = this.options.createTray(() => this.options.showWindow())
    } catch (error) {
      // No tray on this desktop: closing the window will quit instead of hiding it.
      this.options.logger.warn('Tray: no tray icon on this desktop', error)
      return
    }
    this.options.setTrayAvailable(true)
    this.unsubscribe = [
      this.options.signals.follow(['status', 'missedUnseen', 'voicemail'], () => this.render()),
      // A language switch redraws at once, not at the next call or missed call.
      this.options.onPreferencesChanged(() => {
        if (this.options.language() !== this.renderedIn) this.render()
      }),
    ]
    this.render()
  }

  stop(): void {
    for (const unsubscribe of this.unsubscribe) unsubscribe()
    this.unsubscribe = []
    if (!this.port) return
    this.options.setTrayAvailable(false)
    this.port.destroy()
    this.port = null
  }

  private render(): void {
    if (!this.port) return
    const language = this.options.language()
    this.renderedIn = language
    const { signals } = this.options
    const view = trayModel(
      signals.latest('status') ?? initialPhoneStatus,
      signals.latest('missedUnseen') ?? 0,
      language,
      signals.latest('voicemail') ?? null,
    )
    this.port.render(view, (id) => {
      if (id === 'show') this.options.showWindow()
      else this.options.quit()
    })
  }
}
