import type { PowerEvent } from '../../contract/ipc'
import type { EventSink } from '../ipc/event-bus'

/** The part of Electron's `powerMonitor` this service uses. */
export interface PowerMonitorLike {
  on(event: PowerEvent, listener: () => void): unknown
  removeListener(event: PowerEvent, listener: () => void): unknown
}

const watched: readonly PowerEvent[] = ['suspend', 'resume', 'lock-screen', 'unlock-screen']

/**
 * Tells the renderer when the computer sleeps, wakes, locks or unlocks, so the phone can
 * unregister cleanly before sleep and re-register and re-read its devices after wake.
 */
export class PowerEventService {
  private readonly listeners = new Map<PowerEvent, () => void>()

  constructor(
    private readonly options: { powerMonitor: PowerMonitorLike; events: EventSink; now?: () => number },
  ) {}

  start(): void {
    if (this.listeners.size > 0) return
    const now = this.options.now ?? Date.now
    for (const kind of watched) {
      const listener = () => this.options.events.emit('power', { kind, at: now() })
      this.listeners.set(kind, listener)
      this.options.powerMonitor.on(kind, listener)
    }
  }

  stop(): void {
    for (const [kind, listener] of this.listeners) this.options.powerMonitor.removeListener(kind, listener)
    this.listeners.clear()
  }
}
