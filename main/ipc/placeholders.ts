import type { InvokeChannel } from '../../contract/ipc'
import { HandlerError, type InvokeHandlers } from './handlers'

/**
 * Channels whose real handlers belong to other parts still being written. Each answers
 * `unavailable` until a part provides it; a real part always replaces its placeholder. A
 * channel in neither a part nor this list stops start-up (see composeHandlers).
 */
export const channelsAwaitingParts: readonly InvokeChannel[] = [
  'contacts:list',
  'contacts:save',
  'contacts:delete',
  'contacts:import',
  'history:query',
  'history:record',
  'history:delete',
  'history:clear',
  'history:mark-seen',
  'history:export-csv',
  'phone:status',
  'phone:incoming-notice',
]

export function placeholderHandlers(channels: readonly InvokeChannel[]): Partial<InvokeHandlers> {
  const handlers: Partial<Record<InvokeChannel, () => never>> = {}
  for (const channel of channels) {
    handlers[channel] = () => {
      throw new HandlerError('unavailable', `This part of Parley (${channel}) is not available yet.`)
    }
  }
  return handlers as Partial<InvokeHandlers>
}
