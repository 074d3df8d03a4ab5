import type { z } from 'zod'
import { invokeSchemas, type InvokeChannel } from '../../contract/ipc'
import { fail, ok, type Result } from '../../contract/result'
import type { Logger } from '../log/logger'
import { HandlerError, type InvokeHandlers, type IpcSender } from './handlers'

export type Dispatch = (channel: string, payload: unknown, sender: IpcSender) => Promise<Result<unknown>>

export interface DispatcherOptions {
  isTrustedSender: (sender: IpcSender) => boolean
  logger: Logger
}

const isInvokeChannel = (channel: string): channel is InvokeChannel =>
  Object.prototype.hasOwnProperty.call(invokeSchemas, channel)

/** "account.wsServer: Use a wss:// address" — what a person can act on, no zod jargon. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.map(String).join('.')
      return where ? `${where}: ${issue.message}` : issue.message
    })
    .join('; ')
}

/**
 * The one gate every renderer request passes. It refuses unknown channels and foreign
 * senders, validates the payload against the contract, runs the handler, and turns every
 * failure into a Result: nothing thrown here ever reaches Electron's IPC layer.
 */
export function createDispatcher(handlers: InvokeHandlers, options: DispatcherOptions): Dispatch {
  const { isTrustedSender, logger } = options
  return async (channel, payload, sender) => {
    try {
      if (typeof channel !== 'string' || !isInvokeChannel(channel)) {
        logger.warn(`Refused unknown IPC channel ${JSON.stringify(String(channel)).slice(0, 80)}`)
        return fail('forbidden', 'That request is not something Parley knows how to do.')
      }
      if (!isTrustedSender(sender)) {
        logger.warn(`Refused ${channel} from untrusted frame ${String(sender?.frameUrl).slice(0, 200)}`)
        return fail('forbidden', 'This request did not come from the Parley window and was refused.')
      }
      const schema = invokeSchemas[channel]
      const parsed = schema.safeParse(payload)
      if (!parsed.success) {
        return fail('invalid-input', `Some details were not valid: ${describeIssues(parsed.error)}`)
      }
      const handler = handlers[channel] as (request: unknown, context: { sender: IpcSender }) => unknown
      const value = await handler(parsed.data, { sender })
      return ok(value)
    } catch (error) {
      if (error instanceof HandlerError) return fail(error.code, error.message)
      logger.error(`Handler for ${channel} failed`, error)
      return fail('internal', 'Something went wrong inside Parley. The details were written to the log.')
    }
  }
}
