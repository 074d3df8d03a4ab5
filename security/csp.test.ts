// Proves in a real Chromium that the renderer's Content-Security-Policy refuses inline
// script: neither an injected <script> element, an inline event-handler attribute nor a
// javascript: link runs, eval is refused, and the page receives a securitypolicyviolation for
// each. That holds for the header main adds to dev-server loads, for the header the app://
// handler sends with the packaged page, and for the same policy in a meta tag (renderer/index.html
// carries none: it would turn off Chromium's preload scanner). A control page without the policy runs the
// very same injections, so the test can tell the difference. (The one CSP test in Chromium.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryLogger } from '../main/log/logger'
import { createAppProtocolHandler } from '../main/window/app-protocol'
import { contentSecurityPolicy, withCspHeader } from '../main/window/csp'

const indexHtml = readFileSync(join(import.meta.dirname, '../renderer/index.html'), 'utf8')

const csp = contentSecurityPolicy

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
  javascriptUrlRan: boolean
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

    // A javascript: link, as an injected href would run it on click.
    const link = document.createElement('a')
    link.href = 'javascript:window.javascriptUrlRan = true'
    document.body.append(link)
    link.click()

    // Violation reports and the link's navigation are queued tasks: a bounded moment for them.
    for (let turn = 0; turn < 40 && violations.length < 4 && state.javascriptUrlRan !== true; turn++)
      await new Promise((resolve) => setTimeout(resolve, 25))
    return {
      inlineScriptRan: state.inlineScriptRan === true,
      handlerAttributeRan: state.handlerAttributeRan === true,
      javascriptUrlRan: state.javascriptUrlRan === true,
      evalRan: state.evalRan === true,
      violations,
    }
  })
}

describe('renderer Content-Security-Policy in Chromium', () => {
  let server: Server
  let browser: Browser
  let origin = ''
  // The packaged page's folder, served by the real app:// handler (Chromium here cannot
  // register app://, so the test server passes /app/… to the handler as app://parley/…).
  const appRoot = mkdtempSync(join(tmpdir(), 'parley-csp-app-'))
  writeFileSync(join(appRoot, 'index.html'), page(false))
  const appHandler = createAppProtocolHandler({
    rootDir: appRoot,
    readFile: (path) => readFile(path),
    logger: new MemoryLogger(),
  })

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url?.startsWith('/app/')) {
        void appHandler({ url: `app://parley/${request.url.slice('/app/'.length)}` }).then(async (answer) => {
          response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()))
          response.end(Buffer.from(await answer.arrayBuffer()))
        })
        return
      }
      if (request.url === '/probe.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(probeScript)
      } else if (request.url === '/with-policy' || request.url === '/without-policy') {
        response.writeHead(200, { 'content-type': 'text/html' }).end(page(request.url === '/with-policy'))
      } else if (request.url === '/with-header') {
        // No meta tag: only the header main's webRequest hook puts on documents.
        const headers = withCspHeader({ 'content-type': ['text/html'] }, 'mainFrame', contentSecurityPolicy)
        const flat = Object.fromEntries(
          Object.entries(headers).map(([name, values]) => [name, values.join(', ')]),
        )
        response.writeHead(200, flat).end(page(false))
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
    rmSync(appRoot, { recursive: true, force: true })
  })

  it('has no unsafe-inline or unsafe-eval to begin with, and the page carries no policy of its own', () => {
    expect(indexHtml).not.toMatch(/http-equiv\s*=\s*["']?Content-Security-Policy/i)
    expect(csp).toMatch(/script-src 'self'/)
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/)
  })

  for (const [how, path] of [
    ['a meta tag with the same policy', '/with-policy'],
    ['the header main sets for http loads (no meta tag)', '/with-header'],
    ['the header of the app:// handler (no meta tag)', '/app/index.html'],
  ] as const) {
    it(`${how} blocks an injected inline <script>, an onerror attribute, a javascript: link and eval, and reports each`, async () => {
      const tab = await browser.newPage()
      await tab.goto(`${origin}${path}`)
      const outcome = await injectInlineCode(tab)
      await tab.close()

      expect(outcome.inlineScriptRan).toBe(false)
      expect(outcome.handlerAttributeRan).toBe(false)
      expect(outcome.javascriptUrlRan).toBe(false)
      expect(outcome.evalRan).toBe(false)
      const directives = outcome.violations.map((violation) => violation.directive)
      expect(directives).toContain('script-src-elem')
      expect(directives).toContain('script-src-attr')
      expect(directives).toContain('script-src')
      expect(outcome.violations.length).toBeGreaterThanOrEqual(4)
    })
  }

  it('control: the same injections run on a page without the policy', async () => {
    const tab = await browser.newPage()
    await tab.goto(`${origin}/without-policy`)
    const outcome = await injectInlineCode(tab)
    await tab.close()

    expect(outcome).toEqual({
      inlineScriptRan: true,
      handlerAttributeRan: true,
      javascriptUrlRan: true,
      evalRan: true,
      violations: [],
    })
  })
})
