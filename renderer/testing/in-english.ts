import { render } from '../../contract/i18n'
import type { Say } from '../state/ui.svelte'

interface Spies {
  announce(message: string): void
  alert(message: string): void
}

/**
 * A notifier for state classes that hands the test's spies English text: the classes say
 * catalogue messages, the tests read what an English user would hear.
 */
export function inEnglish<T extends Spies>(
  spies: T,
): Omit<T, keyof Spies> & { announce(message: Say): void; alert(message: Say): void } {
  const english = (message: Say) => (typeof message === 'string' ? message : render('en', message))
  return {
    ...spies,
    announce: (message: Say) => spies.announce(english(message)),
    alert: (message: Say) => spies.alert(english(message)),
  }
}
