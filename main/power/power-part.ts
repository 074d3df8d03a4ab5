import type { PartFactory } from '../parts'
import { CallPowerBlocker, type PowerSaveBlockerLike } from './call-power-blocker'
import { PowerEventService, type PowerMonitorLike } from './power-events'

/** Electron part: sleep/wake/lock events to the renderer, and no suspension during calls. */
export function powerPart(ports: { powerMonitor: PowerMonitorLike; powerSaveBlocker: PowerSaveBlockerLike }): PartFactory {
  return (context) => {
    const powerEvents = new PowerEventService({ powerMonitor: ports.powerMonitor, events: context.events })
    const blocker = new CallPowerBlocker({ powerSaveBlocker: ports.powerSaveBlocker, logger: context.logger })
    let stopFollowingCalls: (() => void) | null = null
    return {
      name: 'power',
      handlers: {},
      start() {
        powerEvents.start()
        stopFollowingCalls = context.calls.on('status', (status) => blocker.update(status))
      },
      stop() {
        stopFollowingCalls?.()
        stopFollowingCalls = null
        powerEvents.stop()
        blocker.stop()
      },
    }
  }
}
