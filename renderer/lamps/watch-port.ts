import type { Phone, WatchEvent, WatchNotify, WatchStateChange } from '../sip/types'

export type { WatchEvent, WatchNotify, WatchState, WatchStateChange } from '../sip/types'

/**
 * Colleagues whose watches start in one task (a board starts a slice per task). 10 (20
 * SUBSCRIBEs queued, under a millisecond even on a busy machine's share of a core) is still
 * 80 ms of the pacer's sending (4 ms apart) ahead of it, and the next slice is one task away.
 */
export const watchStartsPerTask = 10

/** What the lamps use of the phone: watches and what they report. */
export interface Watcher {
  watch(target: string, event: WatchEvent): void
  unwatch(target: string, event: WatchEvent): void
  onNotify(listener: (notify: WatchNotify) => void): () => void
  onWatchState(listener: (change: WatchStateChange) => void): () => void
}

export function watcherOf(phone: Phone): Watcher {
  return {
    watch: (target, event) => phone.watch(target, event),
    unwatch: (target, event) => phone.unwatch(target, event),
    onNotify: (listener) => phone.on('notify', listener),
    onWatchState: (listener) => phone.on('watch-state', listener),
  }
}
