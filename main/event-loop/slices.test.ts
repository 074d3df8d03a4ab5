import { describe, expect, it } from 'vitest'
import { runInSlices, type Slices } from './slices'

function* counting(log: string[]): Slices<number> {
  for (let slice = 1; slice <= 3; slice++) {
    log.push(`slice ${slice}`)
    yield
  }
  return 3
}

describe('slices', () => {
  it('runInSlices lets other work run between slices', async () => {
    const log: string[] = []
    const done = runInSlices(counting(log))
    setImmediate(() => log.push('other work'))
    expect(await done).toBe(3)
    expect(log.indexOf('other work')).toBeGreaterThan(0)
    expect(log.indexOf('other work')).toBeLessThan(log.length - 1)
  })
})
