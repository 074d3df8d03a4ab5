import type { MicMeterDeps } from './mic-meter'

/** What the audio state needs of a level meter (mic-meter.ts's MicMeter). */
export interface LevelMeter {
  start(deviceId: string, onLevel: (level: number) => void): Promise<void>
  stop(): void
}

/**
 * The microphone level meter, its code loaded when it is first started (Settings' microphone
 * test), not with the window: it is not needed to show "Registered" (issue 14: the bytes loaded
 * before it). A stop while the code loads is applied after the start, in the order asked.
 */
export function lazyMicMeter(deps: MicMeterDeps): LevelMeter {
  let meter: ReturnType<typeof load> | null = null
  const load = () => import('./mic-meter').then(({ MicMeter }) => new MicMeter(deps))
  return {
    async start(deviceId, onLevel) {
      meter ??= load()
      await (await meter).start(deviceId, onLevel)
    },
    stop() {
      void meter?.then((loaded) => loaded.stop())
    },
  }
}
