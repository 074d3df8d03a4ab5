import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy, withCspHeader } from './csp'

// Proves in a real Chromium that the app's CSP stops injected script, both as the meta tag the
// packaged file:// page carries and as the header main adds for http(s) loads. A same-origin
// script file must still run, so the test fails if the page simply never loads.
const chromiumPath = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium'
const rendererHtml = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8')
const metaTag = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s.exec(rendererHtml)?.[0] ?? ''

const hostileBody = `
  <div id="name"></div>
  <script>window.inlineRan = true</script>
  <img src="x" onerror="window.handlerRan = true">
  <a id="link" href="javascript:window.hrefRan = true">x</a>
  <script src="allowed.js"></script>
`
const allowedScript = `
  window.selfRan = true
  try { eval('window.evalRan = true') } catch (error) { window.evalBlocked = true }
  document.getElementById('link').click()
`

let browser: Browser
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-csp-'))
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head>${metaTag}</head><body>${hostileBody}</body></html>`,
  )
  writeFileSync(join(dir, 'allowed.js'), allowedScript)
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless=new', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  rmSync(dir, { recursive: true, force: true })
})

interface Outcome {
  selfRan?: boolean
  inlineRan?: boolean
  handlerRan?: boolean
  hrefRan?: boolean
  evalRan?: boolean
  evalBlocked?: boolean
}

async function outcome(load: (page: Page) => Promise<void>): Promise<{ flags: Outcome; violations: number }> {
  const page = await browser.newPage()
  let violations = 0
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations++
  })
  await load(page)
  await page.waitForFunction(() => (window as unknown as Outcome).selfRan === true, undefined, {
    timeout: 10_000,
  })
  await page.waitForTimeout(200)
  const flags = await page.evaluate(() => {
    const w = window as unknown as Outcome
    return {
      selfRan: w.selfRan,
      inlineRan: w.inlineRan,
      handlerRan: w.handlerRan,
      hrefRan: w.hrefRan,
      evalRan: w.evalRan,
      evalBlocked: w.evalBlocked,
    }
  })
  await page.close()
  return { flags, violations }
}

describe('CSP in Chromium', () => {
  it('the meta tag of renderer/index.html blocks inline script, handlers, javascript: URLs and eval', async () => {
    expect(metaTag).toContain(contentSecurityPolicy)
    const { flags, violations } = await outcome(async (page) => {
      await page.goto(pathToFileURL(join(dir, 'index.html')).href)
    })
    expect(flags).toEqual({ selfRan: true, evalBlocked: true })
    expect(violations).toBeGreaterThanOrEqual(3)
  }, 30_000)

  it('the header main sets for http loads blocks them too, without the meta tag', async () => {
    const { flags } = await outcome(async (page) => {
      await page.route('http://127.0.0.1:9/**', async (route) => {
        const url = new URL(route.request().url())
        const isPage = url.pathname.endsWith('/') || url.pathname.endsWith('.html')
        const headers = withCspHeader(
          { 'Content-Type': [isPage ? 'text/html' : 'text/javascript'] },
          isPage ? 'mainFrame' : 'script',
          contentSecurityPolicy,
        )
        await route.fulfill({
          status: 200,
          headers: Object.fromEntries(
            Object.entries(headers).map(([name, values]) => [name, values.join(', ')]),
          ),
          body: isPage
            ? `<!doctype html><html><head></head><body>${hostileBody}</body></html>`
            : allowedScript,
        })
      })
      await page.goto('http://127.0.0.1:9/index.html')
    })
    expect(flags).toEqual({ selfRan: true, evalBlocked: true })
  }, 30_000)
})
