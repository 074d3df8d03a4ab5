// Proves in a real Chromium that the renderer's Content-Security-Policy refuses inline
// script: neither an injected <script> element nor an inline event-handler attribute runs,
// eval is refused, and the page receives a securitypolicyviolation for each. A control page
// without the policy runs the very same injections, so the test can tell the difference.
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const indexHtml = readFileSync(join(import.meta.dirname, '../renderer/index.html'), 'utf8')

function rendererCsp(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
  if (!match?.[1]) throw new Error('renderer/index.html has no Content-Security-Policy meta tag')
  return match[1]
}

const csp = rendererCsp(indexHtml)

// The probe is a same-origin file, as the real bundle is, so 'self' lets it run; it records
// every violation the page reports, and tries eval itself (code evaluated through DevTools
// is exempt from the eval rule, so that attempt must come from the page's own script).
const probeScript = `
window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.violations.push({ directive: event.violatedDirective, sample: event.sample });
});
window.evalRan = (() => {
  try { return (0, eval)('true') === true } catch { return false }
})();
`

function page(withPolicy: boolean): string {
  const meta = withPolicy ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : ''
  return `<!doctype html><html><head><meta charset="utf-8">${meta}<script src="/probe.js"></script></head><body><div id="app"></div></body></html>`
}

interface InjectionOutcome {
  inlineScriptRan: boolean
  handlerAttributeRan: boolean
  evalRan: boolean
  violations: { directive: string; sample: string }[]
}

async function injectInlineCode(target: Page): Promise<InjectionOutcome> {
  return target.evaluate(async () => {
    const state = window as unknown as Record<string, unknown>
    const violations = state.violations as { directive: string; sample: string }[]
    const script = document.createElement('script')
    script.textContent = 'window.inlineScriptRan = true'
    document.body.append(script)

    // An inline event-handler attribute, as an HTML injection would plant it.
    const image = document.createElement('img')
    image.setAttribute('onerror', 'window.handlerAttributeRan = true')
    image.src = 'data:image/png;base64,broken'
    // Registered after the attribute, this listener runs after the handler would have.
    const imageFailed = new Promise((resolve) => image.addEventListener('error', resolve, { once: true }))
    document.body.append(image)
    await imageFailed

    // Violation reports are queued tasks; give them a bounded moment to arrive.
    for (let turn = 0; turn < 20 && violations.length < 3; turn++)
      await new Promise((resolve) => setTimeout(resolve, 25))
    return {
      inlineScriptRan: state.inlineScriptRan === true,
      handlerAttributeRan: state.handlerAttributeRan === true,
      evalRan: state.evalRan === true,
      violations,
    }
  })
}

describe('renderer Content-Security-Policy in Chromium', () => {
  let server: Server
  let browser: Browser
  let origin = ''

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/probe.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(probeScript)
      } else if (request.url === '/with-policy' || request.url === '/without-policy') {
        response.writeHead(200, { 'content-type': 'text/html' }).end(page(request.url === '/with-policy'))
      } else {
        response.writeHead(404).end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    })
  })

  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => server?.close(resolve))
  })

  it('has no unsafe-inline or unsafe-eval to begin with', () => {
    expect(csp).toMatch(/script-src 'self'/)
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/)
  })

  it('blocks an injected inline <script>, an onerror attribute and eval, and reports each', async () => {
    const tab = await browser.newPage()
    await tab.goto(`${origin}/with-policy`)
    const outcome = await injectInlineCode(tab)
    await tab.close()

    expect(outcome.inlineScriptRan).toBe(false)
    expect(outcome.handlerAttributeRan).toBe(false)
    expect(outcome.evalRan).toBe(false)
    const directives = outcome.violations.map((violation) => violation.directive)
    expect(directives).toContain('script-src-elem')
    expect(directives).toContain('script-src-attr')
    expect(directives).toContain('script-src')
  })

  it('control: the same injections run on a page without the policy', async () => {
    const tab = await browser.newPage()
    await tab.goto(`${origin}/without-policy`)
    const outcome = await injectInlineCode(tab)
    await tab.close()

    expect(outcome).toEqual({
      inlineScriptRan: true,
      handlerAttributeRan: true,
      evalRan: true,
      violations: [],
    })
  })
})
