import type { InvokeChannel } from '../../contract/ipc'
import { message } from '../../contract/i18n/catalogue'
import { HandlerError, type InvokeHandlers } from '../ipc/handlers'

/** For tests that exercise one channel: every other channel answers `unavailable`. */
export function unavailableHandlers(channels: readonly InvokeChannel[]): Partial<InvokeHandlers> {
  const handlers: Partial<Record<InvokeChannel, () => never>> = {}
  for (const channel of channels) {
    handlers[channel] = () => {
      throw new HandlerError('unavailable', message('reason.not-in-this-test'))
    }
  }
  return handlers as Partial<InvokeHandlers>
}
