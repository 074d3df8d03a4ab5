import { render } from '../../contract/i18n'
import type { Say } from '../state/ui.svelte'

/** What an English user reads for something a state class says (tests compare words). */
export const english = (text: Say | null | undefined): string =>
  text === null || text === undefined ? '' : typeof text === 'string' ? text : render('en', text)

/** Every value of a record of things said, in English. */
export const englishValues = <K extends string>(
  record: Partial<Record<K, Say>>,
): Partial<Record<K, string>> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, english(value as Say)])) as Partial<
    Record<K, string>
  >
