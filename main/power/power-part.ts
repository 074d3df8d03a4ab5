import type { PartFactory } from '../parts'
import { CallPowerBlocker, type PowerSaveBlockerLike } from './call-power-blocker'
import { PowerEventService, type PowerMonitorLike } from './power-events'

export interface PowerPorts {
  powerMonitor: PowerMonitorLike
  powerSaveBlocker: PowerSaveBlockerLike
}

/**
 * Electron part: sleep/wake/lock events to the renderer, and no suspension during calls.
 * The ports are fetched when the part starts: where the platform lacks them the phone runs
 * on without (logged), rather than failing to start.
 */
export function powerPart(getPorts: () => PowerPorts): PartFactory {
  return (context) => {
    let running: {
      powerEvents: PowerEventService
      blocker: CallPowerBlocker
      stopFollowingCalls: () => void
    } | null = null
    return {
      name: 'power',
      handlers: {},
      start() {
        if (running) return
        try {
          const ports = getPorts()
          const powerEvents = new PowerEventService({
            powerMonitor: ports.powerMonitor,
            events: context.events,
          })
          const blocker = new CallPowerBlocker({
            powerSaveBlocker: ports.powerSaveBlocker,
            logger: context.logger,
          })
          powerEvents.start()
          const stopFollowingCalls = context.calls.on('status', (status) => blocker.update(status))
          running = { powerEvents, blocker, stopFollowingCalls }
        } catch (error) {
          context.logger.warn(
            'Power: sleep/wake events and the call sleep blocker are not available here',
            error,
          )
        }
      },
      stop() {
        if (!running) return
        running.stopFollowingCalls()
        running.powerEvents.stop()
        running.blocker.stop()
        running = null
      },
    }
  }
}
