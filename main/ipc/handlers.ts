import type { z } from 'zod'
import { invokeSchemas, type InvokeChannel, type InvokeMap } from '../../contract/ipc'
import type { IpcError } from '../../contract/result'
import type { Message } from '../../contract/i18n/catalogue'
import { ReasonError } from './reason-error'

/** The request a handler receives: already validated and with zod defaults applied. */
export type ParsedRequest<C extends InvokeChannel> = z.output<(typeof invokeSchemas)[C]>

/** Who sent a request. Electron's adapter fills it from `event.senderFrame`. */
export interface IpcSender {
  frameUrl: string
  isMainFrame: boolean
}

export interface HandlerContext {
  sender: IpcSender
}

export type InvokeHandler<C extends InvokeChannel> = (
  request: ParsedRequest<C>,
  context: HandlerContext,
) => InvokeMap[C] | Promise<InvokeMap[C]>

/** One function per channel. A missing channel is a type error where this type is required. */
export type InvokeHandlers = { [C in InvokeChannel]: InvokeHandler<C> }

/** A slice of the handlers, typed precisely so composeHandlers can check coverage. */
export type HandlerPart<K extends InvokeChannel = InvokeChannel> = { [C in K]: InvokeHandler<C> }

/** Declare a part with its exact channel set (keeps the type-level coverage check precise). */
export const defineHandlers = <K extends InvokeChannel>(part: HandlerPart<K>): HandlerPart<K> => part

/**
 * Thrown by a handler for an expected failure the user should read, e.g. a locked setting.
 * Its `text` (see ReasonError) is what the dispatcher sends.
 */
export class HandlerError extends ReasonError {
  constructor(
    readonly code: IpcError['code'],
    text: Message,
  ) {
    super(text)
    this.name = 'HandlerError'
  }
}

/**
 * Runs a store's work for a handler: the store's own storage failure (`failure`: the disk is
 * full, the file is locked) reaches the user as a 'storage' error with the store's message;
 * any other error stays what it is (a bug, logged by the dispatcher).
 */
export async function storageFailureAsHandlerError<T>(
  failure: abstract new (...args: never[]) => ReasonError,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof failure) throw new HandlerError('storage', error.text)
    throw error
  }
}

/** Union of the channels covered by a list of parts (distributes over the tuple elements). */
type CoveredChannels<Parts extends readonly object[]> = Parts[number] extends infer P
  ? P extends object
    ? keyof P & InvokeChannel
    : never
  : never

type MissingChannels<Parts extends readonly object[]> = Exclude<InvokeChannel, CoveredChannels<Parts>>

/** Resolves to the parts when they cover every channel, or to a readable error type otherwise. */
export type CompleteParts<Parts extends readonly object[]> = [MissingChannels<Parts>] extends [never]
  ? Parts
  : { error: 'These channels have no handler'; missing: MissingChannels<Parts> }

export class MissingHandlersError extends Error {
  constructor(readonly missing: string[]) {
    super(`No IPC handler for: ${missing.join(', ')}`)
    this.name = 'MissingHandlersError'
  }
}

export class DuplicateHandlerError extends Error {
  constructor(readonly channel: string) {
    super(`Two handlers were registered for ${channel}`)
    this.name = 'DuplicateHandlerError'
  }
}

function mergeParts(parts: readonly object[]): Partial<Record<InvokeChannel, unknown>> {
  const merged: Partial<Record<InvokeChannel, unknown>> = {}
  for (const part of parts) {
    for (const [channel, handler] of Object.entries(part)) {
      if (!(channel in invokeSchemas)) throw new MissingHandlersError([`(unknown channel ${channel})`])
      if (typeof handler !== 'function') continue
      if (channel in merged) throw new DuplicateHandlerError(channel)
      merged[channel as InvokeChannel] = handler
    }
  }
  return merged
}

/**
 * Merge handler parts into the full table. Fails at start-up when a channel has no handler
 * or two parts claim the same channel; with statically known parts it also fails to compile.
 */
export function composeHandlers<const Parts extends readonly object[]>(
  ...parts: Parts & CompleteParts<Parts>
): InvokeHandlers {
  const merged = mergeParts(parts)
  const missing = (Object.keys(invokeSchemas) as InvokeChannel[]).filter((channel) => !(channel in merged))
  if (missing.length > 0) throw new MissingHandlersError(missing)
  return merged as InvokeHandlers
}

/** Runtime-only variant for parts whose channel sets are known only at run time (factories). */
export function composeHandlersAtRuntime(parts: readonly Partial<InvokeHandlers>[]): InvokeHandlers {
  return composeHandlers(...(parts as unknown as readonly [InvokeHandlers]))
}
