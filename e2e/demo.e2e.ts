import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { HistoryPage } from '../contract/ipc'
import { startDemo, type Demo } from '../scripts/demo/start-demo'
import { launchUserAgent, type UserAgentBrowser } from './harness/browser'
import { dial, ui } from './harness/ui'

// `npm run demo` as a newcomer meets it: its own test bed, the page opened by URL in a plain
// browser (window.parley over HTTP, no test bridge), signed in by itself; Maria is busy (486
// from her phone through Kamailio) and Johan calls a few seconds after registration.
let demo: Demo
let browser: UserAgentBrowser

beforeAll(async () => {
  demo = await startDemo(() => undefined)
  browser = await launchUserAgent('demo-visitor')
})

afterAll(async () => {
  await browser?.close()
  await demo?.stop()
})

test('the demo page registers by itself, Maria answers busy (486) and Johan calls', async () => {
  const { page } = browser
  await page.goto(demo.url)
  await expect.poll(() => ui.registration(page).textContent(), { timeout: 20_000 }).toMatch(/^\s*Registered/)

  await dial(page, '9903')
  await expect
    .poll(
      async () => {
        const result = await demo.main.dispatch('history:query', {})
        return result.ok ? (result.value as HistoryPage).entries.map((e) => [e.remoteNumber, e.outcome]) : []
      },
      { timeout: 15_000 },
    )
    .toContainEqual(['9903', 'busy'])

  await expect.poll(() => ui.call(page, /Johan Lind/).count(), { timeout: 20_000 }).toBeGreaterThan(0)
})

test('stopping the demo stops its PBX', async () => {
  const pid = Number(readFileSync(demo.bed.pbx.info.pidFile, 'utf8'))
  expect(() => process.kill(pid, 0)).not.toThrow()
  await demo.stop()
  expect(() => process.kill(pid, 0)).toThrow()
})
