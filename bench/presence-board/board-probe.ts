import type { Page } from 'playwright-core'

/**
 * What the board bench reads from Parley's page, recorded by an init script that runs before
 * the app's scripts (it never drives the app). Times are wall clock (timeOrigin + now), the
 * clock Node's PUBLISH times are taken on.
 * - sip: every WebSocket frame the page receives is looked at once: the first NOTIFY with
 *   "Subscription-State: active" of each dialog (Call-ID) counts as one subscription
 *   established; answers are counted by status code (a 503 would show here);
 * - lamps: every change of a lamp's words on screen (`[data-lamp]` aria-label set or added),
 *   with when the DOM changed and when the next frame after that change was done;
 * - longTasks: every main-thread task over 50 ms (PerformanceObserver 'longtask'), wall clock.
 */
export interface BoardMarks {
  activeAt: Record<string, number>
  answers: Record<string, number>
  lamps: Array<{ label: string; domAt: number; frameAt: number }>
  longTasks: Array<{ start: number; duration: number }>
}

export function boardProbe(): void {
  const now = () => performance.timeOrigin + performance.now()
  const marks: BoardMarks = { activeAt: {}, answers: {}, lamps: [], longTasks: [] }
  ;(window as unknown as { __parleyBoard: BoardMarks }).__parleyBoard = marks

  const onFrame = (data: unknown) => {
    if (typeof data !== 'string') return
    const code = /^SIP\/2\.0 (\d{3})/.exec(data)?.[1]
    if (code) marks.answers[code] = (marks.answers[code] ?? 0) + 1
    if (!data.startsWith('NOTIFY ') || !/^Subscription-State:\s*active/im.test(data)) return
    const callId = /^(?:Call-ID|i):\s*(\S+)/im.exec(data)?.[1]
    if (callId && !(callId in marks.activeAt)) marks.activeAt[callId] = now()
  }
  const NativeWebSocket = window.WebSocket
  class WatchedWebSocket extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      this.addEventListener('message', (event) => onFrame(event.data))
    }
  }
  window.WebSocket = WatchedWebSocket

  const afterTask = (then: () => void) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => then()
    channel.port2.postMessage(0)
  }
  const lampsChanged = (mutations: MutationRecord[]) => {
    const domAt = now()
    const changed: BoardMarks['lamps'] = []
    const note = (element: Element) => {
      const label = element.getAttribute('aria-label')
      if (label) changed.push({ label, domAt, frameAt: Number.NaN })
    }
    for (const mutation of mutations) {
      if (mutation.type === 'attributes' && mutation.target instanceof Element) {
        if (mutation.target.hasAttribute('data-lamp')) note(mutation.target)
        continue
      }
      for (const node of mutation.addedNodes)
        if (node instanceof Element) node.querySelectorAll('[data-lamp]').forEach(note)
    }
    if (changed.length === 0) return
    marks.lamps.push(...changed)
    requestAnimationFrame(() =>
      afterTask(() => {
        const frameAt = now()
        for (const change of changed) change.frameAt = frameAt
      }),
    )
  }
  const observe = () =>
    new MutationObserver(lampsChanged).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-label'],
    })
  if (document.body) observe()
  else document.addEventListener('DOMContentLoaded', observe)

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      marks.longTasks.push({ start: performance.timeOrigin + entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
}

export const boardMarks = (page: Page): Promise<BoardMarks> =>
  page.evaluate(() => (window as unknown as { __parleyBoard: BoardMarks }).__parleyBoard)

/** The longest task that started in [from, to) (wall clock); 0 when none went over 50 ms. */
export function longestIn(marks: BoardMarks, from: number, to = Number.POSITIVE_INFINITY): number {
  return Math.max(0, ...marks.longTasks.filter((t) => t.start >= from && t.start < to).map((t) => t.duration))
}
