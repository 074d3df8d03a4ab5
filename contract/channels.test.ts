import { describe, expect, it } from 'vitest'
import { eventChannels, invokeChannels, startUpChannels } from './channels'
import { invokeSchemas } from './ipc'
import { emptySchema } from './schemas'

// The event list is checked against EventMap at compile time only (contract/ipc.ts): an
// interface leaves nothing to compare at run time.
describe('contract channel lists', () => {
  it('list exactly the channels main validates, each once', () => {
    expect([...invokeChannels].sort()).toEqual(Object.keys(invokeSchemas).sort())
    expect(new Set(invokeChannels).size).toBe(invokeChannels.length)
    expect(new Set(eventChannels).size).toBe(eventChannels.length)
  })

  it('list as start-up answers only channels that take no request, each once', () => {
    // Preload asks them with no request before the page exists: a channel that needs one
    // would be answered for a request the page never made.
    for (const channel of startUpChannels) expect(invokeSchemas[channel], channel).toBe(emptySchema)
    expect(new Set(startUpChannels).size).toBe(startUpChannels.length)
  })
})
