import { afterEach, describe, expect, it, vi } from 'vitest'
import { afterNextFrame, nextTask } from './tasks'

describe('afterNextFrame', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('waits for the next frame, then a task', async () => {
    const frames: Array<() => void> = []
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback))
    let done = false
    const waiting = afterNextFrame(10_000).then(() => (done = true))
    await nextTask()
    await nextTask()
    expect(done).toBe(false)
    expect(frames).toHaveLength(1)
    frames[0]?.()
    await waiting
    expect(done).toBe(true)
  })

  it('goes on after the fallback when no frame comes (a hidden window)', async () => {
    vi.stubGlobal('requestAnimationFrame', () => 0)
    const started = Date.now()
    await afterNextFrame(30)
    expect(Date.now() - started).toBeGreaterThanOrEqual(25)
  })
})
