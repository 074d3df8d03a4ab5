import type { PartFactory } from '../parts'
import { CallNotifier, type CallNotifierPorts } from './call-notifier'
import { MissedCallBadge, type BadgePort } from './missed-badge'

/** Electron part: call notifications and the badge (missed calls and new voicemail). */
export function notificationsPart(ports: {
  notifier: CallNotifierPorts
  badge: BadgePort
  platform: NodeJS.Platform
}): PartFactory {
  return (context) => {
    const notifier = new CallNotifier({
      ports: ports.notifier,
      signals: context.calls,
      events: context.events,
      preferences: context.preferences,
      language: context.language,
      platform: ports.platform,
      logger: context.logger,
    })
    const badge = new MissedCallBadge({
      port: ports.badge,
      signals: context.calls,
      language: context.language,
    })
    return {
      name: 'notifications',
      handlers: {},
      start() {
        notifier.start()
        badge.start()
      },
      stop() {
        badge.stop()
        notifier.stop()
      },
    }
  }
}
