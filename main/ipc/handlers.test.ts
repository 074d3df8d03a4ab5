import { describe, expect, it } from 'vitest'
import { invokeChannels } from '../../contract/ipc'
import {
  composeHandlers,
  composeHandlersAtRuntime,
  defineHandlers,
  DuplicateHandlerError,
  MissingHandlersError,
  type InvokeHandlers,
} from './handlers'
import { unavailableHandlers } from '../testing/unavailable-handlers'

describe('composeHandlers', () => {
  it('fails at start-up naming every channel without a handler', () => {
    const partial = unavailableHandlers(
      invokeChannels.filter((channel) => channel !== 'window:show' && channel !== 'history:clear'),
    )
    expect(() => composeHandlersAtRuntime([partial])).toThrow(MissingHandlersError)
    try {
      composeHandlersAtRuntime([partial])
    } catch (error) {
      expect((error as MissingHandlersError).missing.sort()).toEqual(['history:clear', 'window:show'])
    }
  })

  it('fails when two parts claim the same channel', () => {
    const window = defineHandlers({ 'window:show': () => true })
    const everything = unavailableHandlers(invokeChannels)
    expect(() => composeHandlersAtRuntime([everything, window])).toThrow(DuplicateHandlerError)
  })

  it('refuses a part that names a channel the contract does not have', () => {
    const rest = unavailableHandlers(invokeChannels)
    expect(() => composeHandlersAtRuntime([rest, { 'shell:exec': () => true } as never])).toThrow(
      MissingHandlersError,
    )
  })

  it('accepts a complete set and rejects an incomplete one at type level', () => {
    const window = defineHandlers({ 'window:show': () => true })
    const rest = unavailableHandlers(invokeChannels.filter((channel) => channel !== 'window:show'))
    // @ts-expect-error one part alone leaves channels without a handler: a compile error
    expect(() => composeHandlers(window)).toThrow(MissingHandlersError)
    const full: InvokeHandlers = composeHandlersAtRuntime([window, rest])
    expect(Object.keys(full).sort()).toEqual([...invokeChannels].sort())
    // A statically complete table compiles without a cast.
    expect(Object.keys(composeHandlers(full))).toHaveLength(invokeChannels.length)
  })
})
