import { en } from './en'
import type { ArgsOf, Catalogue, Message, MessageKey, NestedMessage } from './message'
import { textOf } from './text-of'
import type { Language } from './language'
import { sv } from './sv'

/**
 * The one message catalogue: see message.ts for what a Message is. English (en.ts) defines the
 * keys; every other language is typed `Catalogue`.
 */
export * from './message'
export type { Speaker } from './text-of'

export const catalogues: Record<Language, Catalogue> = { en, sv }

/** The text of `key` in `language`. */
export function translate<K extends MessageKey>(language: Language, key: K, ...args: ArgsOf<K>): string {
  return textOf(catalogues[language], key, args[0] as object | undefined)
}

/** The text of a Message in `language`. */
export function render(language: Language, text: Message | NestedMessage): string {
  return textOf(catalogues[language], text.key, 'params' in text ? text.params : undefined)
}

/** One identity per text (a message by its key and parameters), to drop repeats. */
export const textIdentity = (text: Message | string): string =>
  typeof text === 'string' ? text : JSON.stringify(text)

export const isMessageKey = (value: string): value is MessageKey => Object.hasOwn(en, value)
