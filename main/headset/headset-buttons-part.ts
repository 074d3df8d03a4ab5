import type { PartFactory } from '../parts'
import { HeadsetButtons, type GlobalShortcutsLike } from './headset-buttons'

/**
 * Electron part: the headset's call button (a media key) answers and hangs up while a call is
 * ringing or up, driven by the phone status the renderer reports. The shortcut port is fetched
 * when the part starts: where the platform lacks it the phone runs on without (logged).
 */
export function headsetButtonsPart(getShortcuts: () => GlobalShortcutsLike): PartFactory {
  return (context) => {
    let running: { buttons: HeadsetButtons; stopFollowingCalls: () => void } | null = null
    return {
      name: 'headset-buttons',
      handlers: {},
      start() {
        if (running) return
        try {
          const buttons = new HeadsetButtons({
            shortcuts: getShortcuts(),
            events: context.events,
            logger: context.logger,
          })
          const stopFollowingCalls = context.calls.on('status', (status) => buttons.update(status))
          running = { buttons, stopFollowingCalls }
        } catch (error) {
          context.logger.warn('Headset buttons: media keys are not available here', error)
        }
      },
      stop() {
        if (!running) return
        running.stopFollowingCalls()
        running.buttons.stop()
        running = null
      },
    }
  }
}
