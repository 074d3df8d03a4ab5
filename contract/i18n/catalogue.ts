import { en } from './en'
import type { Language } from './language'
import { sv } from './sv'

/**
 * The one message catalogue. English (en.ts) defines the keys and, for messages with
 * parameters, the parameter types; every other language is typed `Catalogue`, so a key missing
 * (or extra, or with other parameters) in any language fails `tsc`. catalogue.test.ts checks
 * the same at run time.
 *
 * Layers below the UI never build sentences: they hand over a `Message` (a key and its
 * parameters, plain JSON so it crosses IPC), and whoever shows it renders it in the language
 * of the moment with `render`.
 */
export type Catalogue = typeof en
export type MessageKey = keyof Catalogue

/** The parameters of a message with parameters; `never` for a plain text. */
export type ParamsOf<K extends MessageKey> = Catalogue[K] extends (params: infer P) => string ? P : never

/** A message given as a parameter of another (e.g. the reason inside "… The caller is back."). */
export interface NestedMessage {
  key: MessageKey
  params?: object
}

/** A text parameter may also be a message: it is rendered in the same language first. */
type Loose<P> = { [F in keyof P]: P[F] extends string ? string | NestedMessage : P[F] }

/** What `translate` takes after the key: the parameters when the message has some, else nothing. */
export type ArgsOf<K extends MessageKey> = Catalogue[K] extends (params: infer P) => string
  ? [params: Loose<P>]
  : []

/** A message in no language yet: a key, plus parameters when it has some. */
export type Message = {
  [K in MessageKey]: ArgsOf<K> extends [] ? { key: K } : { key: K; params: Loose<ParamsOf<K>> }
}[MessageKey]

export const catalogues: Record<Language, Catalogue> = { en, sv }

/** Builds a Message (checked: the key exists and the parameters fit). */
export function message<K extends MessageKey>(key: K, ...args: ArgsOf<K>): Message {
  return (args.length > 0 ? { key, params: args[0] } : { key }) as Message
}

const isNested = (value: unknown): value is NestedMessage =>
  typeof value === 'object' && value !== null && typeof (value as NestedMessage).key === 'string'

function textOf(language: Language, key: MessageKey, params: object | undefined): string {
  const entry = catalogues[language][key] as string | ((params: unknown) => string)
  if (typeof entry !== 'function') return entry
  const plain = Object.fromEntries(
    Object.entries(params ?? {}).map(([name, value]) => [
      name,
      isNested(value) ? textOf(language, value.key, value.params) : value,
    ]),
  )
  return entry(plain)
}

/** The text of `key` in `language`. */
export function translate<K extends MessageKey>(language: Language, key: K, ...args: ArgsOf<K>): string {
  return textOf(language, key, args[0] as object | undefined)
}

/** The text of a Message in `language`. */
export function render(language: Language, text: Message | NestedMessage): string {
  return textOf(language, text.key, 'params' in text ? text.params : undefined)
}

/** One identity per text (a message by its key and parameters), to drop repeats. */
export const textIdentity = (text: Message | string): string =>
  typeof text === 'string' ? text : JSON.stringify(text)

export const isMessageKey = (value: string): value is MessageKey => Object.hasOwn(en, value)
