import type { z } from 'zod'
import { invokeSchemas, type InvokeChannel } from '../../contract/ipc'
import { fail, ok, type Result } from '../../contract/result'
import { isMessageKey, message } from '../../contract/i18n/catalogue'
import { issueMessage } from '../../contract/i18n/schema-issues'
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
        return fail('forbidden', message('reason.unknown-request'))
      }
      if (!isTrustedSender(sender)) {
        logger.warn(`Refused ${channel} from untrusted frame ${String(sender?.frameUrl).slice(0, 200)}`)
        return fail('forbidden', message('reason.untrusted-sender'))
      }
      const schema = invokeSchemas[channel]
      const parsed = schema.safeParse(payload)
      if (!parsed.success) {
        logger.warn(`Refused ${channel}: ${describeIssues(parsed.error)}`)
        // Our schemas' own refusals (a file too large to import) say it all; zod's are wrapped.
        const first = parsed.error.issues[0]
        const problem = first ? issueMessage(first) : message('form.invalid')
        return fail(
          'invalid-input',
          first && isMessageKey(first.message) ? problem : message('reason.invalid-input', { problem }),
        )
      }
      const handler = handlers[channel] as (request: unknown, context: { sender: IpcSender }) => unknown
      const value = await handler(parsed.data, { sender })
      return ok(value)
    } catch (error) {
      if (error instanceof HandlerError) return fail(error.code, error.text)
      logger.error(`Handler for ${channel} failed`, error)
      return fail('internal', message('reason.internal'))
    }
  }
}
