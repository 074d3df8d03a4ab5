// The packaged renderer as the app serves it: the built out/renderer through the real app://
// handler, in Chromium, under the handler's CSP header. Proves the module scripts, lazy chunks
// and styles load with the types the handler gives them and that the app starts under the
// policy without a single violation. (Chromium here cannot register app://, so a loopback
// server hands /app/… to the handler as app://parley/…; Electron's own scheme registration is
// only provable with the real binary.)
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryLogger } from '../main/log/logger'
import { createAppProtocolHandler } from '../main/window/app-protocol'
import { contentSecurityPolicy } from '../main/window/csp'

const rendererDir = join(import.meta.dirname, '../out/renderer')

describe('the built renderer served by the app:// handler, in Chromium', () => {
  let server: Server
  let browser: Browser
  let origin = ''
  const logger = new MemoryLogger()

  beforeAll(async () => {
    if (!existsSync(join(rendererDir, 'index.html')))
      throw new Error('no out/renderer/index.html: run `npm run build` first')
    const handle = createAppProtocolHandler({
      rootDir: rendererDir,
      readFile: (path) => readFile(path),
      logger,
    })
    server = createServer((request, response) => {
      const path = request.url?.startsWith('/app/') ? request.url.slice('/app/'.length) : null
      // Chromium asks the origin for /favicon.ico; in the app that would be app://parley/favicon.ico.
      if (request.url === '/favicon.ico') return void response.writeHead(204).end()
      if (path === null) return void response.writeHead(404).end()
      void handle({ url: `app://parley/${path}`, method: request.method ?? 'GET' }).then(async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()))
        response.end(Buffer.from(await answer.arrayBuffer()))
      })
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

  it('starts the app (sign-in screen) with every file loaded and no CSP violation', async () => {
    const page = await browser.newPage()
    // The preload's API, answering every request with an error: enough for the first screen.
    await page.addInitScript(() => {
      const failed = { ok: false, error: { code: 'unavailable', message: 'no main process in this test' } }
      Object.defineProperty(window, 'parley', {
        value: { invoke: () => Promise.resolve(failed), on: () => () => undefined },
      })
    })
    const problems: string[] = []
    page.on('console', (message) => {
      const text = message.text()
      // The meta tag's frame-ancestors is ignored (the header carries it): a notice, not a violation.
      if (/frame-ancestors\W+is ignored when delivered via a <meta>/.test(text)) return
      if (/Content Security Policy|MIME type|Failed to load/i.test(text)) problems.push(text)
    })
    page.on('pageerror', (error) => problems.push(error.message))
    const loaded: { url: string; status: number; type: string }[] = []
    page.on('response', (response) =>
      loaded.push({
        url: response.url(),
        status: response.status(),
        type: response.headers()['content-type'] ?? '',
      }),
    )
    const document = await page.goto(`${origin}/app/index.html`)
    expect(document?.headers()['content-security-policy']).toBe(contentSecurityPolicy)
    await page.getByRole('button', { name: /sign in/i }).waitFor({ timeout: 15_000 })
    await page.close()

    expect(problems).toEqual([])
    expect(loaded.filter((file) => file.status !== 200 && !file.url.endsWith('/favicon.ico'))).toEqual([])
    expect(loaded.some((file) => file.url.endsWith('.js') && file.type.startsWith('text/javascript'))).toBe(
      true,
    )
    expect(loaded.some((file) => file.url.endsWith('.css') && file.type.startsWith('text/css'))).toBe(true)
    expect(logger.lines).toEqual([])
  })
})
