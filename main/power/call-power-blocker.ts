import type { PhoneStatus } from '../../contract/schemas'
import type { Logger } from '../log/logger'

/** The part of Electron's `powerSaveBlocker` this service uses. */
export interface PowerSaveBlockerLike {
  start(type: 'prevent-app-suspension'): number
  stop(id: number): unknown
}

/**
 * Keeps the computer from suspending while a call is up (or ringing): a laptop that sleeps
 * mid-call drops it. The blocker is released as soon as the last call ends, and on stop.
 * 'prevent-app-suspension' still lets the screen turn off, which is what a phone call wants.
 */
export class CallPowerBlocker {
  private blockerId: number | null = null

  constructor(private readonly options: { powerSaveBlocker: PowerSaveBlockerLike; logger: Logger }) {}

  get holding(): boolean {
    return this.blockerId !== null
  }

  update(status: Pick<PhoneStatus, 'calls' | 'ringing'>): void {
    const callUp = status.calls > 0 || status.ringing
    if (callUp && this.blockerId === null) {
      try {
        this.blockerId = this.options.powerSaveBlocker.start('prevent-app-suspension')
      } catch (error) {
        this.options.logger.warn('Power: could not keep the computer awake for the call', error)
      }
    } else if (!callUp) this.release()
  }

  stop(): void {
    this.release()
  }

  private release(): void {
    if (this.blockerId === null) return
    const id = this.blockerId
    this.blockerId = null
    try {
      this.options.powerSaveBlocker.stop(id)
    } catch (error) {
      this.options.logger.warn('Power: could not release the sleep blocker', error)
    }
  }
}
