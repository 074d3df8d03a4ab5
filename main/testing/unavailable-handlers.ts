import type { InvokeChannel } from '../../contract/ipc'
import { HandlerError, type InvokeHandlers } from '../ipc/handlers'

/** For tests that exercise one channel: every other channel answers `unavailable`. */
export function unavailableHandlers(channels: readonly InvokeChannel[]): Partial<InvokeHandlers> {
  const handlers: Partial<Record<InvokeChannel, () => never>> = {}
  for (const channel of channels) {
    handlers[channel] = () => {
      throw new HandlerError('unavailable', `This part of Parley (${channel}) is not available in this test.`)
    }
  }
  return handlers as Partial<InvokeHandlers>
}
