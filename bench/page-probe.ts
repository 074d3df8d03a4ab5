import type { Page } from 'playwright-core'

/**
 * What the bench reads from a page, recorded by an init script that runs before the page's own
 * scripts (so Parley and the minimal SIP.js page are timed by the same code):
 * - registeredAt: the first DOM mutation after which the Registration status reads "Registered"
 *   (wall clock: performance.timeOrigin + performance.now(), the same clock as Kamailio's log);
 * - incomingAt: each time "Incoming call" appears in the Calls list;
 * - callingAt: each time "Calling…" (an outgoing call's card) appears in the Calls list;
 * - longTasks: every main-thread task over 50 ms (PerformanceObserver 'longtask'), page clock;
 * - keystrokes: for each input event in the contact search, from the event's timestamp to
 *   - list updated: the first change of the contact list; when the list did not change (another
 *     letter of the same name: over half of the bench's keystrokes), the end of the page's own
 *     handling of the event (a window listener, which runs after the app's listeners and their
 *     microtasks) — the list on screen was right all along;
 *   - next frame: the task after the first animation frame that began after the list's last
 *     change (asked for during the event, asked again if the list changed after it began);
 *   - asBefore: the same as timed up to session 10, for comparison: an unchanged list timed to
 *     a task posted during the event (which often runs only after a frame), and the frame asked
 *     for in that task (by then often the frame after next: +16.7 ms even for a field no app
 *     code listens to, see inertKeystrokes);
 * - inertKeystrokes: the same for a bare field the bench adds (inertKeystrokes()), which no app
 *   code listens to: the floor of "next frame" on this page (the wait for the screen's refresh).
 */
export interface Keystroke {
  value: string
  listMs: number
  frameMs: number
  /** Whether the list changed at all (else listMs is the end of the page's handling). */
  listChanged: boolean
  asBefore: { listMs: number; frameMs: number }
}

export interface PageMarks {
  registeredAt: number | null
  /** The dial field in the document (the main screen is there to use), once registered. */
  dialReadyAt: number | null
  incomingAt: number[]
  callingAt: number[]
  longTasks: Array<{ start: number; duration: number }>
  keystrokes: Keystroke[]
  inertKeystrokes: Keystroke[]
}

/** The id of the bare field inertKeystrokes times (added by the bench, outside the app). */
const inertFieldId = 'bench-inert-field'

export function pageProbe(): void {
  const marks: PageMarks & { incomingShown: boolean; callingShown: boolean } = {
    registeredAt: null,
    dialReadyAt: null,
    incomingAt: [],
    callingAt: [],
    longTasks: [],
    keystrokes: [],
    inertKeystrokes: [],
    incomingShown: false,
    callingShown: false,
  }
  const now = () => performance.timeOrigin + performance.now()
  const check = () => {
    if (marks.registeredAt === null) {
      const status = document.querySelector('[role="status"][aria-label="Registration"]')
      if (status?.textContent?.trim().startsWith('Registered')) marks.registeredAt = now()
    }
    if (marks.registeredAt !== null && marks.dialReadyAt === null && document.getElementById('dial-field'))
      marks.dialReadyAt = now()
    const calls = document.querySelector('[role="list"][aria-label="Calls"]')?.textContent ?? ''
    const incoming = /Incoming call/.test(calls)
    if (incoming && !marks.incomingShown) marks.incomingAt.push(now())
    marks.incomingShown = incoming
    const calling = /Calling…/.test(calls)
    if (calling && !marks.callingShown) marks.callingAt.push(now())
    marks.callingShown = calling
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
      const inert = field?.id === 'bench-inert-field'
      if (!field || (field.id !== 'contact-search' && !inert)) return
      const started = event.timeStamp
      let listAt = Number.NaN
      let lastChangeAt = Number.NaN
      const list = inert
        ? field
        : (document.querySelector('section[aria-label="Contacts"] .list') ?? document.body)
      const observer = new MutationObserver(() => {
        lastChangeAt = performance.now()
        if (Number.isNaN(listAt)) listAt = lastChangeAt
      })
      observer.observe(list, { subtree: true, childList: true, characterData: true, attributes: true })
      let handledAt = Number.NaN
      // Bubbling to window comes after the app's own (delegated) listeners and their microtasks.
      window.addEventListener('input', () => (handledAt = performance.now()), { once: true })
      let taskEnd = Number.NaN
      let frameAt = Number.NaN
      let frameAsBeforeAt = Number.NaN
      const record = () => {
        if (Number.isNaN(frameAt) || Number.isNaN(frameAsBeforeAt)) return
        observer.disconnect()
        ;(inert ? marks.inertKeystrokes : marks.keystrokes).push({
          value: field.value,
          listMs: (Number.isNaN(listAt) ? (Number.isNaN(handledAt) ? taskEnd : handledAt) : listAt) - started,
          frameMs: frameAt - started,
          listChanged: !Number.isNaN(listAt),
          asBefore: {
            listMs: (Number.isNaN(listAt) ? taskEnd : listAt) - started,
            frameMs: frameAsBeforeAt - started,
          },
        })
      }
      const frameAfterList = () =>
        requestAnimationFrame(() => {
          const began = performance.now()
          afterTask(() => {
            // The list changed after this frame began: it shows in the next one.
            if (lastChangeAt > began) return frameAfterList()
            frameAt = performance.now()
            record()
          })
        })
      frameAfterList()
      afterTask(() => {
        taskEnd = performance.now()
        requestAnimationFrame(() =>
          afterTask(() => {
            frameAsBeforeAt = performance.now()
            record()
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

/** Types `text` into `field` a character at a time, as a user does, then clears it. */
export async function typeInto(page: Page, selector: string, queries: readonly string[], rounds: number) {
  const field = page.locator(selector)
  await field.fill('')
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      await field.pressSequentially(query, { delay: 40 })
      await field.fill('')
    }
  }
  await page.waitForTimeout(100)
}

/**
 * The floor of "keystroke → next frame": the same typing as `queries` into a bare input the
 * bench adds to the page (no app code listens to it), timed by the same probe. Clearing the
 * field is an input too; only typed characters count.
 */
export async function inertKeystrokes(
  page: Page,
  queries: readonly string[],
  rounds: number,
): Promise<Keystroke[]> {
  await page.evaluate((id) => {
    if (document.getElementById(id)) return
    const field = document.createElement('input')
    field.id = id
    field.setAttribute('aria-hidden', 'true')
    field.style.cssText = 'position:fixed;bottom:0;left:0;width:8em'
    document.body.append(field)
  }, inertFieldId)
  const before = (await pageMarks(page)).inertKeystrokes.length
  await typeInto(page, `#${inertFieldId}`, queries, rounds)
  return (await pageMarks(page)).inertKeystrokes.slice(before).filter((k) => k.value !== '')
}

/** The screen's frame interval on this page: the median gap between animation frames over ~1 s. */
export function frameInterval(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const times: number[] = []
        const step = (at: number) => {
          times.push(at)
          if (times.length < 61) requestAnimationFrame(step)
          else {
            const gaps = times
              .slice(1)
              .map((t, i) => t - (times[i] as number))
              .sort((a, b) => a - b)
            resolve(gaps[Math.floor(gaps.length / 2)] as number)
          }
        }
        requestAnimationFrame(step)
      }),
  )
}

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

/**
 * Page load → the dial field is in the document (Parley's main screen, ready to dial), after
 * "Registered": the start-up shows "Registered" in its starting view first and the main screen
 * a frame later, so this says what that order costs the user.
 */
export async function loadToDialReady(page: Page): Promise<number> {
  const readyAt = await until(
    'dial field shown',
    async () => (await pageMarks(page))?.dialReadyAt ?? undefined,
  )
  return readyAt - (await page.evaluate(() => performance.timeOrigin))
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
