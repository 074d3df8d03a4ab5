import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MemoryLogger } from '../log/logger'
import { CloseBehaviour } from './close-behaviour'
import { contentSecurityPolicy, withCspHeader } from './csp'
import { hardenWebContents } from './harden'
import { secureWebPreferences } from './main-window'

type Listener = (event: { preventDefault(): void; url?: string }) => void

function fakeWebContents() {
  const listeners = new Map<string, Listener[]>()
  let openHandler: ((details: { url: string }) => { action: string }) | undefined
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return contents
    },
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler
    },
  }
  const fire = (event: string, url?: string) => {
    let prevented = false
    const list = listeners.get(event) ?? []
    for (const listener of list)
      listener({ preventDefault: () => (prevented = true), ...(url ? { url } : {}) })
    return { prevented, handled: list.length > 0 }
  }
  return { contents, fire, open: (url: string) => openHandler?.({ url }) }
}

describe('hardenWebContents', () => {
  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://localhost:5173/other',
  ])('refuses navigation to %s', (url) => {
    const { contents, fire } = fakeWebContents()
    const logger = new MemoryLogger()
    hardenWebContents(contents as never, logger)
    expect(fire('will-navigate', url)).toEqual({ prevented: true, handled: true })
    expect(fire('will-frame-navigate', url)).toEqual({ prevented: true, handled: true })
    expect(logger.lines.filter((line) => line.level === 'warn')).toHaveLength(2)
  })

  it('refuses window.open and webviews', () => {
    const { contents, fire, open } = fakeWebContents()
    hardenWebContents(contents as never, new MemoryLogger())
    expect(open('https://example.com/')).toEqual({ action: 'deny' })
    expect(open('sip:bob@pbx.example')).toEqual({ action: 'deny' })
    expect(fire('will-attach-webview')).toEqual({ prevented: true, handled: true })
  })
})

describe('secureWebPreferences', () => {
  it('isolates the renderer', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs', { devTools: false })).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    })
  })
})

describe('CSP header', () => {
  it('is the only policy: renderer/index.html has no CSP meta tag (it turns off the preload scanner)', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8')
    expect(html).not.toMatch(/http-equiv\s*=\s*["']?Content-Security-Policy/i)
    expect(contentSecurityPolicy).toMatch(/default-src 'none'/)
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval/)
  })

  it('replaces a server CSP on documents and leaves other responses alone', () => {
    const headers = { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] }
    expect(withCspHeader(headers, 'mainFrame', 'X')).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ['X'],
    })
    expect(withCspHeader(headers, 'script', 'X')).toEqual(headers)
    expect(withCspHeader(undefined, 'subFrame', 'X')).toEqual({ 'Content-Security-Policy': ['X'] })
  })
})

describe('CloseBehaviour', () => {
  it('hides only with close-to-tray preferred and a tray present, and never while quitting', () => {
    let preferred = true
    const behaviour = new CloseBehaviour(() => preferred)
    expect(behaviour.onCloseRequested()).toBe('close')
    behaviour.setTrayAvailable(true)
    expect(behaviour.onCloseRequested()).toBe('hide')
    preferred = false
    expect(behaviour.onCloseRequested()).toBe('close')
    preferred = true
    behaviour.beginQuit()
    expect(behaviour.onCloseRequested()).toBe('close')
  })
})
