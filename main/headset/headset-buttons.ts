import type { HeadsetButton } from '../../contract/ipc'
import type { PhoneStatus } from '../../contract/schemas'
import type { EventSink } from '../ipc/event-bus'
import type { Logger } from '../log/logger'

/** The part of Electron's `globalShortcut` this service uses (never `unregisterAll`: not ours). */
export interface GlobalShortcutsLike {
  register(accelerator: string, callback: () => void): boolean
  unregister(accelerator: string): void
}

/** The media keys a headset's multi-function button sends, and what each means to the phone. */
export const headsetMediaKeys: readonly { accelerator: string; button: HeadsetButton }[] = [
  { accelerator: 'MediaPlayPause', button: 'play-pause' },
  { accelerator: 'MediaStop', button: 'stop' },
]

/**
 * Takes the media keys a headset's call button sends, like a desk phone's hook button, but only
 * while a call is ringing or up: the rest of the time music players keep them. A key that cannot
 * be taken (another app holds it, the OS refuses) is logged once per key and the phone carries
 * on; it is tried again when the next call starts, since the other app may have let go.
 */
export class HeadsetButtons {
  /** Accelerators we hold right now. */
  private readonly held = new Set<string>()
  /** Accelerators whose failure was already logged (logged once per run). */
  private readonly reported = new Set<string>()
  /** True from a call coming up until the phone is idle again (one attempt per call period). */
  private engaged = false

  constructor(
    private readonly options: { shortcuts: GlobalShortcutsLike; events: EventSink; logger: Logger },
  ) {}

  /** The media keys currently held (for tests and diagnostics). */
  get heldKeys(): string[] {
    return [...this.held]
  }

  update(status: Pick<PhoneStatus, 'calls' | 'ringing'>): void {
    const callUp = status.calls > 0 || status.ringing
    if (callUp && !this.engaged) this.engage()
    else if (!callUp) this.release()
  }

  stop(): void {
    this.release()
  }

  private engage(): void {
    this.engaged = true
    for (const { accelerator, button } of headsetMediaKeys) {
      const taken = this.tryRegister(accelerator, () => this.press(accelerator, button))
      if (taken) this.held.add(accelerator)
      else this.reportOnce(accelerator)
    }
  }

  private tryRegister(accelerator: string, callback: () => void): boolean {
    try {
      return this.options.shortcuts.register(accelerator, callback)
    } catch (error) {
      this.reportOnce(accelerator, error)
      return false
    }
  }

  private press(accelerator: string, button: HeadsetButton): void {
    // A press queued just before release must not act on a phone that has gone idle.
    if (!this.held.has(accelerator)) return
    this.options.events.emit('headset-button', { button })
  }

  private reportOnce(accelerator: string, error?: unknown): void {
    if (this.reported.has(accelerator)) return
    this.reported.add(accelerator)
    const details = error === undefined ? [] : [error]
    this.options.logger.warn(
      `Headset buttons: the ${accelerator} key could not be taken (another app holds it, or the ` +
        'system refused; on macOS Parley needs accessibility access). Calls still work from the window.',
      ...details,
    )
  }

  private release(): void {
    this.engaged = false
    for (const accelerator of this.held) {
      try {
        this.options.shortcuts.unregister(accelerator)
      } catch (error) {
        this.options.logger.warn(`Headset buttons: could not give the ${accelerator} key back`, error)
      }
    }
    this.held.clear()
  }
}
