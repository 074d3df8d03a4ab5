import { defineHandlers } from '../ipc/handlers'
import type { MainPart, PartContext } from '../parts'

/**
 * phone:status, phone:incoming-notice and voicemail:waiting (Node only). The renderer reports; this part passes
 * it on as call signals to whoever listens in this process (tray, power blocker, notifications
 * in Electron; nobody in the headless harness, where an incoming notice answers false).
 */
export function phoneStatusPart(context: PartContext): MainPart {
  return {
    name: 'phone-status',
    handlers: defineHandlers({
      'phone:status': (status) => {
        context.calls.emit('status', status)
        return true
      },
      /** True when a system notification was shown for the call. */
      'phone:incoming-notice': (notice) => context.calls.emit('incoming', notice),
      /** Message waiting: the tray and the badge show it (validated against the contract). */
      'voicemail:waiting': (summary) => {
        context.calls.emit('voicemail', summary)
        return true
      },
    }),
  }
}
