import type { en } from './en'

/**
 * What a message is. English (en.ts) defines the keys and, for messages with
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

/**
 * Builds a Message (checked: the key exists and the parameters fit). Its own module, without
 * the catalogues: lower layers that only pass codes (the SIP adapter, the window's entry) do not
 * pull both languages' texts into the code that runs before "Registered" (issue 14).
 */
export function message<K extends MessageKey>(key: K, ...args: ArgsOf<K>): Message {
  return (args.length > 0 ? { key, params: args[0] } : { key }) as Message
}
