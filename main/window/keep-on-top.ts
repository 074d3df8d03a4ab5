import type { Preferences } from '../../contract/schemas'
import type { EventBus } from '../ipc/event-bus'

export interface OnTopWindow {
  setAlwaysOnTop(flag: boolean): void
  isDestroyed(): boolean
}

/**
 * "Keep on top" (the keepOnTop preference, which an admin may preset or lock): applied when the
 * window is created and whenever the preference changes. Returns the unsubscribe.
 */
export function keepOnTop(
  window: OnTopWindow,
  events: Pick<EventBus, 'on'>,
  preferences: () => Preferences,
): () => void {
  const apply = (onTop: boolean) => {
    if (!window.isDestroyed()) window.setAlwaysOnTop(onTop)
  }
  apply(preferences().keepOnTop)
  return events.on('preferences-changed', (next) => apply(next.keepOnTop))
}
