import type { Page } from 'playwright-core'

/**
 * What the bench reads from a page, recorded by an init script that runs before the page's own
 * scripts (so Parley and the minimal SIP.js page are timed by the same code):
 * - registeredAt: the first DOM mutation after which the Registration status reads "Registered"
 *   (wall clock: performance.timeOrigin + performance.now(), the same clock as Kamailio's log);
 * - incomingAt: each time "Incoming call" appears in the Calls list;
 * - longTasks: every main-thread task over 50 ms (PerformanceObserver 'longtask'), page clock;
 * - keystrokes: for each input event in the contact search, from the event's timestamp to the
 *   first change of the contact list (list updated; the end of the event's task when the list
 *   did not change) and to the task after the next animation frame (next frame shown).
 */
export interface PageMarks {
  registeredAt: number | null
  incomingAt: number[]
  longTasks: Array<{ start: number; duration: number }>
  keystrokes: Array<{ value: string; listMs: number; frameMs: number }>
}

export function pageProbe(): void {
  const marks: PageMarks & { incomingShown: boolean } = {
    registeredAt: null,
    incomingAt: [],
    longTasks: [],
    keystrokes: [],
    incomingShown: false,
  }
  const now = () => performance.timeOrigin + performance.now()
  const check = () => {
    if (marks.registeredAt === null) {
      const status = document.querySelector('[role="status"][aria-label="Registration"]')
      if (status?.textContent?.trim().startsWith('Registered')) marks.registeredAt = now()
    }
    const incoming = /Incoming call/.test(
      document.querySelector('[role="list"][aria-label="Calls"]')?.textContent ?? '',
    )
    if (incoming && !marks.incomingShown) marks.incomingAt.push(now())
    marks.incomingShown = incoming
  }
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true })
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        marks.longTasks.push({ start: entry.startTime, duration: entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // No Long Tasks API in this browser: the figure then reads 0, which the bench says.
  }
  const afterTask = (then: () => void) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => then()
    channel.port2.postMessage(0)
  }
  window.addEventListener(
    'input',
    (event) => {
      const field = event.target as HTMLInputElement | null
      if (field?.id !== 'contact-search') return
      const started = event.timeStamp
      let listAt = Number.NaN
      const list = document.querySelector('section[aria-label="Contacts"] .list') ?? document.body
      const observer = new MutationObserver(() => {
        if (Number.isNaN(listAt)) listAt = performance.now()
      })
      observer.observe(list, { subtree: true, childList: true, characterData: true, attributes: true })
      afterTask(() => {
        const taskEnd = performance.now()
        requestAnimationFrame(() =>
          afterTask(() => {
            observer.disconnect()
            marks.keystrokes.push({
              value: field.value,
              listMs: (Number.isNaN(listAt) ? taskEnd : listAt) - started,
              frameMs: performance.now() - started,
            })
          }),
        )
      })
    },
    { capture: true },
  )
  ;(window as unknown as { __parleyBench: typeof marks }).__parleyBench = marks
}

export const pageMarks = (page: Page): Promise<PageMarks> =>
  page.evaluate(() => (window as unknown as { __parleyBench: PageMarks }).__parleyBench)

/** Polls `read` every 10 ms until it gives a value. */
export async function until<T>(
  what: string,
  read: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** page load → "Registered": ms from the page's navigation start. */
export async function loadToRegistered(page: Page): Promise<number> {
  const registeredAt = await until(
    'registered',
    async () => (await pageMarks(page))?.registeredAt ?? undefined,
  )
  return registeredAt - (await page.evaluate(() => performance.timeOrigin))
}

/** The longest main-thread task that started in [fromMs, toMs) of the page's clock; 0 when none over 50 ms. */
export async function longestTask(
  page: Page,
  fromMs: number,
  toMs = Number.POSITIVE_INFINITY,
): Promise<number> {
  const { longTasks } = await pageMarks(page)
  return Math.max(0, ...longTasks.filter((t) => t.start >= fromMs && t.start < toMs).map((t) => t.duration))
}

/**
 * Waits until the contact list shows a row, asking the page with plain evaluations: a
 * Playwright locator (getByRole) would load Playwright's selector engine into the page, whose
 * code (~0.8 MB once it has walked 10,000 rows' accessible names) would then be counted in the
 * page's heap, as it is not in the other variants' figures.
 */
export async function contactListShown(page: Page, timeoutMs = 60_000): Promise<void> {
  await until(
    'the contact list',
    async () =>
      (await page.evaluate(
        () => document.querySelector('[role="list"][aria-label="Contact list"] li') !== null,
      )) || undefined,
    timeoutMs,
  )
}

/** JS heap in use after a forced garbage collection, in MB (Chrome DevTools protocol). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return usedSize / 1024 / 1024
  } finally {
    await cdp.detach().catch(() => undefined)
  }
}

/** Paths (URL pathnames) of the scripts, styles and the document fetched before `beforeMs` (page clock). */
export async function fetchedBefore(page: Page, beforeMs: number): Promise<string[]> {
  return page.evaluate((limit) => {
    const paths = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime <= limit)
      .map((entry) => new URL(entry.name).pathname)
    return [new URL(location.href).pathname, ...paths]
  }, beforeMs)
}
