import type { Page } from 'playwright-core'

/** One event of a Chromium trace (the fields the bench tools read). */
export interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  /** Thread (CPU) time: what the work cost, whatever the machine's load. */
  tdur?: number
  tid: number
  args?: { data?: { type?: string } }
}

/** Records a Chromium trace of `categories` in `page` while `during` runs (CDP Tracing). */
export async function recordTrace(
  page: Page,
  categories: string,
  during: () => Promise<unknown>,
): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page)
  const events: TraceEvent[] = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])))
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()))
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' })
  try {
    await during()
  } finally {
    await cdp.send('Tracing.end')
    await done
    await cdp.detach()
  }
  return events
}
