import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MemoryLogger } from '../log/logger'
import {
  appSchemePrivileges,
  createAppProtocolHandler,
  rendererEntryUrl,
  resolveAppPath,
} from './app-protocol'
import { contentSecurityPolicy } from './csp'

const root = '/opt/parley/resources/app.asar/out/renderer'

describe('resolveAppPath', () => {
  it('maps the entry page and assets into the renderer folder', () => {
    expect(resolveAppPath(rendererEntryUrl, root)).toEqual({ path: `${root}/index.html` })
    expect(resolveAppPath('app://parley/', root)).toEqual({ path: `${root}/index.html` })
    expect(resolveAppPath('app://parley/assets/index-1.js?v=2#x', root)).toEqual({
      path: `${root}/assets/index-1.js`,
    })
  })

  it('refuses every way out of the renderer folder, or keeps the path inside it', () => {
    const outcomes: Record<string, ReturnType<typeof resolveAppPath>> = {
      // The URL parser itself resolves plain and %2e dot segments against the root.
      'app://parley/../../../../etc/passwd': { path: `${root}/etc/passwd` },
      'app://parley/%2e%2e/%2e%2e/%2e%2e/etc/passwd': { path: `${root}/etc/passwd` },
      'app://parley/%2fetc/passwd': { path: `${root}/etc/passwd` },
      // Encoded slashes hide dot segments from the parser: refused after decoding.
      'app://parley/assets/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd': { refused: 'dot segment' },
      'app://parley/..%2f..%2f..%2fetc/passwd': { refused: 'dot segment' },
      // Windows separators, drive letters, alternate data streams, NUL.
      'app://parley/..%5c..%5c..%5cWindows%5cwin.ini': { refused: 'forbidden character' },
      'app://parley/assets\\..\\..\\secret': { refused: 'forbidden character' },
      'app://parley/C:/Windows/win.ini': { refused: 'forbidden character' },
      'app://parley/index.html::$DATA': { refused: 'forbidden character' },
      'app://parley/index.html%00.png': { refused: 'forbidden character' },
      'app://parley/%E0%A4%A': { refused: 'bad escape' },
    }
    for (const [url, expected] of Object.entries(outcomes)) {
      const resolved = resolveAppPath(url, root)
      expect({ url, resolved }).toEqual({ url, resolved: expected })
      if ('path' in resolved) expect(resolved.path.startsWith(`${root}/`)).toBe(true)
    }
  })

  it('refuses the root folder itself and anything beside it, whatever the root looks like', () => {
    expect(resolveAppPath('app://parley/..%2frenderer-evil/x.js', '/srv/renderer')).toEqual({
      refused: 'dot segment',
    })
    expect(resolveAppPath('app://parley/x.js', '/srv/renderer/')).toEqual({ path: '/srv/renderer/x.js' })
  })

  it('refuses other hosts, schemes, ports and credentials', () => {
    expect(resolveAppPath('app://evil/index.html', root)).toEqual({ refused: 'another origin' })
    expect(resolveAppPath('file:///etc/passwd', root)).toEqual({ refused: 'another origin' })
    expect(resolveAppPath('app://parley:8080/index.html', root)).toEqual({ refused: 'credentials or port' })
    expect(resolveAppPath('app://user@parley/index.html', root)).toEqual({ refused: 'credentials or port' })
    expect(resolveAppPath('not a url', root)).toEqual({ refused: 'not a URL' })
  })
})

describe('app:// scheme privileges', () => {
  it('is a standard secure scheme (getUserMedia needs a secure context) that bypasses nothing', () => {
    expect(appSchemePrivileges).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } })
    expect(appSchemePrivileges.privileges).not.toHaveProperty('bypassCSP')
    expect(appSchemePrivileges.privileges).not.toHaveProperty('allowServiceWorkers')
  })
})

describe('createAppProtocolHandler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-app-protocol-'))
  const rendererDir = join(dir, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Parley</title>')
  writeFileSync(join(rendererDir, 'assets/app.js'), 'export {}')
  writeFileSync(join(dir, 'secret.txt'), 'password')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const logger = new MemoryLogger()
  const handle = createAppProtocolHandler({
    rootDir: rendererDir,
    readFile: (path) => readFile(path),
    logger,
  })

  it('serves the page with the CSP as a header, nosniff and its content type', async () => {
    const response = await handle({ url: rendererEntryUrl })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<title>Parley</title>')
    const script = await handle({ url: 'app://parley/assets/app.js' })
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  })

  it('answers 404 to a traversal to a real file next to the renderer folder, and logs it', async () => {
    const response = await handle({ url: 'app://parley/..%2fsecret.txt' })
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('')
    expect(logger.lines.at(-1)?.message).toBe('Refused app://parley/..%2fsecret.txt: dot segment')
    // Dot segments the URL parser resolves land inside the folder, where there is no such file.
    expect((await handle({ url: 'app://parley/%2e%2e/secret.txt' })).status).toBe(404)
  })

  it('answers 404 to a missing file or a folder, and 405 to anything but GET and HEAD', async () => {
    expect((await handle({ url: 'app://parley/nope.js' })).status).toBe(404)
    expect((await handle({ url: 'app://parley/assets' })).status).toBe(404)
    expect((await handle({ url: rendererEntryUrl, method: 'POST' })).status).toBe(405)
    expect(await (await handle({ url: rendererEntryUrl, method: 'HEAD' })).text()).toBe('')
  })

  it('answers 500 and logs when the file cannot be read for another reason', async () => {
    const broken = createAppProtocolHandler({
      rootDir: rendererDir,
      readFile: () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })),
      logger,
    })
    expect((await broken({ url: rendererEntryUrl })).status).toBe(500)
    expect(logger.lines.at(-1)?.level).toBe('error')
  })
})
