import { nativeImage, Notification, type App, type BrowserWindow, type NativeImage } from 'electron'
import { statusIconBitmap } from '../tray/status-icon'
import type { CallNotifierPorts } from './call-notifier'
import type { BadgePort } from './missed-badge'

/** Thin adapter: Electron's Notification and window state behind CallNotifierPorts. */
export function electronNotifierPorts(
  getWindow: () => BrowserWindow | null,
  showWindow: () => void,
): CallNotifierPorts {
  return {
    supported: () => Notification.isSupported(),
    show(content, handlers) {
      const incoming = content.kind === 'incoming'
      const notification = new Notification({
        title: content.title,
        body: content.body,
        // The app plays the ringtone on the chosen device; the notification must not add a second sound.
        silent: incoming,
        urgency: incoming ? 'critical' : 'normal',
        timeoutType: incoming ? 'never' : 'default',
        actions: content.actions.map((text) => ({ type: 'button' as const, text })),
      })
      notification.on('click', () => handlers.onClick())
      notification.on('action', (_event, index) => handlers.onAction(index))
      notification.on('close', () => handlers.onClose())
      notification.show()
      return notification
    },
    windowState() {
      const window = getWindow()
      if (!window || window.isDestroyed()) return { visible: false, focused: false }
      return { visible: window.isVisible() && !window.isMinimized(), focused: window.isFocused() }
    },
    showWindow,
  }
}

/** Dock/taskbar count: app.setBadgeCount (macOS, Linux Unity); a red dot overlay on Windows, described by `description`. */
export function electronBadgePort(app: App, getWindow: () => BrowserWindow | null): BadgePort {
  let overlay: NativeImage | null = null
  return {
    setCount(count, description) {
      if (process.platform !== 'win32') {
        app.setBadgeCount(count)
        return
      }
      const window = getWindow()
      if (!window || window.isDestroyed()) return
      overlay ??= nativeImage.createFromBitmap(statusIconBitmap('failed', 16), { width: 16, height: 16 })
      window.setOverlayIcon(count > 0 ? overlay : null, count > 0 ? description : '')
    },
  }
}
