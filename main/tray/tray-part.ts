import type { PartFactory } from '../parts'
import { TrayService, type TrayServiceOptions } from './tray-service'

/** Electron part: the tray icon. */
export function trayPart(
  ports: Omit<TrayServiceOptions, 'signals' | 'logger' | 'language' | 'onPreferencesChanged'>,
): PartFactory {
  return (context) => {
    const tray = new TrayService({
      ...ports,
      signals: context.calls,
      language: context.language,
      onPreferencesChanged: (listener) => context.events.on('preferences-changed', listener),
      logger: context.logger,
    })
    return { name: 'tray', handlers: {}, start: () => tray.start(), stop: () => tray.stop() }
  }
}
