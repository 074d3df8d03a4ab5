import { textIdentity } from '../../contract/i18n'
import type { Say } from './ui.svelte'

/**
 * Notices main hands out once (a damaged file set aside, a file that cannot be written), kept
 * on screen until the user dismisses them; the same notice twice is shown once.
 */
export class Notices {
  list = $state.raw<Say[]>([])

  add(incoming: readonly Say[]): void {
    const known = this.list.map(textIdentity)
    const fresh = incoming.filter((notice) => notice !== '' && !known.includes(textIdentity(notice)))
    if (fresh.length > 0) this.list = [...this.list, ...fresh]
  }

  dismiss(notice: Say): void {
    this.list = this.list.filter((existing) => textIdentity(existing) !== textIdentity(notice))
  }
}
