import type { ArgsOf, Catalogue, Message, MessageKey, NestedMessage } from './message'

/**
 * Rendering a message with one catalogue given, without importing any: the window's start view
 * loads only the catalogue of the language it speaks before "Registered" (issue 14), while
 * catalogue.ts (both languages, for main and the full window) renders through the same code.
 */
const isNested = (value: unknown): value is NestedMessage =>
  typeof value === 'object' && value !== null && typeof (value as NestedMessage).key === 'string'

/** The text of `key` in `catalogue`; a parameter that is a message is rendered in it first. */
export function textOf(catalogue: Catalogue, key: MessageKey, params: object | undefined): string {
  const entry = catalogue[key] as string | ((params: unknown) => string)
  if (typeof entry !== 'function') return entry
  const plain = Object.fromEntries(
    Object.entries(params ?? {}).map(([name, value]) => [
      name,
      isNested(value) ? textOf(catalogue, value.key, value.params) : value,
    ]),
  )
  return entry(plain)
}

/** What the window speaks with: a key, or a lower layer's Message (plain strings pass unchanged). */
export interface Speaker {
  t<K extends MessageKey>(key: K, ...args: ArgsOf<K>): string
  text(message: Message | string): string
}

/** A speaker of one catalogue (the start view's, see above). */
export function speakerOf(catalogue: Catalogue): Speaker {
  return {
    t: (key, ...args) => textOf(catalogue, key, args[0] as object | undefined),
    text: (message) =>
      typeof message === 'string'
        ? message
        : textOf(catalogue, message.key, 'params' in message ? message.params : undefined),
  }
}
