import { describe, expect, it } from 'vitest'
import { eventChannels, invokeChannels } from './channels'
import { invokeSchemas } from './ipc'

// The event list is checked against EventMap at compile time only (contract/ipc.ts): an
// interface leaves nothing to compare at run time.
describe('contract channel lists', () => {
  it('list exactly the channels main validates, each once', () => {
    expect([...invokeChannels].sort()).toEqual(Object.keys(invokeSchemas).sort())
    expect(new Set(invokeChannels).size).toBe(invokeChannels.length)
    expect(new Set(eventChannels).size).toBe(eventChannels.length)
  })
})
