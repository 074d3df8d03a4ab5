import type { Page } from 'playwright-core'
import { TestApp } from '../e2e/harness/app'
import { startTestBed } from '../e2e/harness/test-bed'
import { closeAll, median, type BenchFigure } from './suite'

/**
 * Self-healing figures on the real test bed (Kamailio on loopback, the built renderer in
 * Chromium, main's handlers in this process):
 * - resume event → registered: main's power service would send `power` {kind:'resume'}; we
 *   deliver exactly that event to the page after a `suspend` (which unregisters), and time it
 *   inside the page from the delivery to the Registration status reading "Registered".
 * - network back → registered: an `offline` then `online` window event (what Chromium fires
 *   when the network goes and comes back), timed from `online` to "Registered" again.
 * Both count the whole path: event → self-healing → new WebSocket → REGISTER (+ digest) → 200.
 */

const runs = 11
const appUser = '7131'

type Deliver = { __parleyDeliver(event: string, payload: unknown): void }

const statusSelector = '[role="status"][aria-label="Registration"]'

async function waitForRegistration(page: Page, registered: boolean, timeoutMs = 10_000): Promise<void> {
  await page.waitForFunction(
    ({ selector, wanted }) => {
      const text = document.querySelector(selector)?.textContent?.trim() ?? ''
      return text.startsWith('Registered') === wanted
    },
    { selector: statusSelector, wanted: registered },
    { timeout: timeoutMs, polling: 20 },
  )
}

/** Runs `trigger` in the page and resolves with the ms until the status reads "Registered". */
async function timeToRegistered(page: Page, trigger: 'resume' | 'online'): Promise<number> {
  return page.evaluate(
    ([selector, how]) =>
      new Promise<number>((resolve, reject) => {
        const status = () => document.querySelector(selector)?.textContent?.trim() ?? ''
        // Only a "Registered" that follows a new registration counts (after `online` the old
        // one is still on screen until the reconnect starts).
        let left = !status().startsWith('Registered')
        const observer = new MutationObserver(() => {
          if (!status().startsWith('Registered')) {
            left = true
            return
          }
          if (!left) return
          observer.disconnect()
          clearTimeout(timer)
          resolve(performance.now() - started)
        })
        observer.observe(document, { subtree: true, childList: true, characterData: true })
        const timer = setTimeout(() => {
          observer.disconnect()
          reject(new Error(`not registered again 10 s after ${how} (status: "${status()}")`))
        }, 10_000)
        const started = performance.now()
        if (how === 'resume') {
          ;(window as unknown as Deliver).__parleyDeliver('power', { kind: 'resume', at: Date.now() })
        } else {
          window.dispatchEvent(new Event('online'))
        }
      }),
    [statusSelector, trigger] as const,
  )
}

export async function measureSelfHealing(): Promise<BenchFigure[]> {
  const bed = await startTestBed(() => undefined)
  const closers: Array<() => Promise<void>> = [() => bed.stop()]
  try {
    if (bed.rendererBuildError) throw new Error(bed.rendererBuildError)
    const app = await TestApp.start({
      name: 'bench-resume',
      baseUrl: bed.baseUrl,
      pbx: bed.pbx.info,
      account: { user: appUser },
    })
    closers.unshift(() => app.close())
    const page = app.page
    await waitForRegistration(page, true)

    const resume: number[] = []
    const online: number[] = []
    for (let i = 0; i <= runs; i++) {
      await app.deliver('power', { kind: 'suspend', at: Date.now() })
      await waitForRegistration(page, false)
      const resumeMs = await timeToRegistered(page, 'resume')

      await page.evaluate(() => window.dispatchEvent(new Event('offline')))
      await page.waitForTimeout(50)
      const onlineMs = await timeToRegistered(page, 'online')
      if (i === 0) continue
      resume.push(resumeMs)
      online.push(onlineMs)
    }
    return [
      { name: 'resume event → registered', ms: median(resume), target: 1000 },
      { name: 'network back (online event) → registered', ms: median(online), target: 1000 },
    ]
  } finally {
    await closeAll(closers)
  }
}
