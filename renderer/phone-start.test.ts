import { describe, expect, it } from 'vitest'
import { callsCodeAfter } from './phone-start'

describe('callsCodeAfter (when the calls code first loads after "Registered")', () => {
  it('waits for the window to show its main screen, then for an idle period, not before', async () => {
    let shown = () => {}
    const windowShown = new Promise<void>((resolve) => (shown = resolve))
    let idleAsked = 0
    let idle = () => {}
    const ready = callsCodeAfter(windowShown, () => {
      idleAsked++
      return new Promise<void>((resolve) => (idle = resolve))
    })()
    let loaded = false
    void ready.then(() => (loaded = true))
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setTimeout(resolve, 0))
    // the main screen's files and first render come first: no idle period is even asked for
    expect(idleAsked).toBe(0)
    expect(loaded).toBe(false)
    shown()
    await expect.poll(() => idleAsked).toBe(1)
    expect(loaded).toBe(false)
    idle()
    await expect.poll(() => loaded).toBe(true)
  })

  it('loads at once in an idle period when the window was shown already (a later sign-in)', async () => {
    let idleAsked = 0
    await callsCodeAfter(Promise.resolve(), async () => void idleAsked++)()
    expect(idleAsked).toBe(1)
  })
})
