import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createHeadlessMain } from '../main/headless'
import { copyDayData } from './day-data'
import { median } from './suite'

const rounds = 5
/** Long enough for main's background work after start (e.g. folding history search text). */
const afterStartMs = 1500

/**
 * Main's event loop while it starts over a day's data (50,000 calls, 10,000 contacts) and
 * answers the window's first requests: the longest time the loop could not run a 1 ms timer
 * (perf_hooks' event-loop delay histogram, its maximum). Nothing else runs in this process
 * meanwhile. Median of the rounds' maxima, in ms.
 */
export async function mainLoadingMaxBlock(dayData: string): Promise<number> {
  const maxima: number[] = []
  for (let round = 0; round < rounds; round++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-main-'))
    copyDayData(dayData, dataDir)
    const histogram = monitorEventLoopDelay({ resolution: 1 })
    histogram.enable()
    const main = await createHeadlessMain({ dataDir })
    try {
      await Promise.all([
        main.dispatch('account:get'),
        main.dispatch('contacts:list'),
        main.dispatch('history:query', { filter: 'all', search: '', offset: 0, limit: 200 }),
      ])
      await new Promise((resolve) => setTimeout(resolve, afterStartMs))
      histogram.disable()
      maxima.push(histogram.max / 1e6)
    } finally {
      await main.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  return median(maxima)
}
