import type { Language } from '../../contract/i18n'
import type { HistoryEntry, Preferences } from '../../contract/schemas'
import type { EventSink } from '../ipc/event-bus'
import type { Logger } from '../log/logger'
import type { CallSignals, IncomingCallNotice } from './call-signals'
import {
  incomingCallContent,
  missedCallContent,
  shouldNotify,
  type NotificationContent,
} from './notification-content'

/** A shown system notification (Electron's Notification, or a fake). */
export interface ShownNotification {
  close(): void
}

export interface NotificationHandlers {
  /** The body was clicked. */
  onClick(): void
  /** An action button was pressed (macOS only), by index into content.actions. */
  onAction(index: number): void
  /** It was dismissed or closed. */
  onClose(): void
}

export interface CallNotifierPorts {
  /** False where the system has no notifications. */
  supported(): boolean
  show(content: NotificationContent, handlers: NotificationHandlers): ShownNotification
  windowState(): { visible: boolean; focused: boolean }
  showWindow(): void
}

export interface CallNotifierOptions {
  ports: CallNotifierPorts
  signals: CallSignals
  events: EventSink
  preferences(): Preferences
  /** The language the notifications speak, asked at each one (it can change while running). */
  language(): Language
  platform: NodeJS.Platform
  logger: Logger
}

/**
 * System notifications for calls: a ringing call while the window is hidden or unfocused
 * (Answer / Reject buttons on macOS; elsewhere a click brings the window forward), and a
 * missed call. Button presses reach the renderer as `notification-action` events; the call
 * itself is always answered by the renderer. A ringing notification closes when ringing stops.
 */
export class CallNotifier {
  private readonly ringing = new Map<string, ShownNotification>()
  private readonly missed = new Set<ShownNotification>()
  private unsubscribe: (() => void)[] = []

  constructor(private readonly options: CallNotifierOptions) {}

  start(): void {
    const { signals } = this.options
    this.unsubscribe = [
      signals.on('incoming', (notice) => this.incoming(notice)),
      signals.on('status', (status) => {
        if (!status.ringing) this.closeRinging()
      }),
      signals.on('recorded', (entry) => {
        this.closeRinging(entry.id)
        if (entry.outcome === 'missed') this.missedCall(entry)
      }),
    ]
  }

  stop(): void {
    for (const unsubscribe of this.unsubscribe) unsubscribe()
    this.unsubscribe = []
    this.closeRinging()
    for (const notification of this.missed) notification.close()
    this.missed.clear()
  }

  /** True when a notification was shown. */
  incoming(notice: IncomingCallNotice): boolean {
    if (!this.shouldShow()) return false
    this.closeRinging(notice.callId)
    const content = incomingCallContent(notice, this.options.language(), this.options.platform)
    const notification = this.show(content, {
      onClick: () => {
        this.options.ports.showWindow()
        this.options.events.emit('notification-action', { callId: notice.callId, action: 'show' })
      },
      onAction: (index) => {
        const action = index === 0 ? 'answer' : 'reject'
        if (action === 'answer') this.options.ports.showWindow()
        this.options.events.emit('notification-action', { callId: notice.callId, action })
      },
      onClose: () => {
        if (this.ringing.get(notice.callId) === notification) this.ringing.delete(notice.callId)
      },
    })
    if (!notification) return false
    this.ringing.set(notice.callId, notification)
    return true
  }

  missedCall(entry: HistoryEntry): boolean {
    if (entry.direction !== 'incoming' || !this.shouldShow()) return false
    const notification = this.show(missedCallContent(entry, this.options.language(), this.options.platform), {
      onClick: () => {
        this.options.ports.showWindow()
        this.options.events.emit('notification-action', { callId: entry.id, action: 'show' })
      },
      onAction: () => undefined,
      onClose: () => {
        if (notification) this.missed.delete(notification)
      },
    })
    if (!notification) return false
    // Held so the click handler stays alive until the notification goes away.
    this.missed.add(notification)
    return true
  }

  private shouldShow(): boolean {
    const { ports } = this.options
    return ports.supported() && shouldNotify(ports.windowState(), this.options.preferences().doNotDisturb)
  }

  private show(content: NotificationContent, handlers: NotificationHandlers): ShownNotification | null {
    try {
      return this.options.ports.show(content, handlers)
    } catch (error) {
      this.options.logger.warn('Notifications: could not show a notification', error)
      return null
    }
  }

  private closeRinging(callId?: string): void {
    for (const [id, notification] of this.ringing) {
      if (callId !== undefined && id !== callId) continue
      this.ringing.delete(id)
      try {
        notification.close()
      } catch {
        // Already gone (dismissed by the user).
      }
    }
  }
}
