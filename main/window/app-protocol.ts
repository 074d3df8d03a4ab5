import { relative, resolve, sep } from 'node:path'
import type { CustomScheme } from 'electron'
import type { Logger } from '../log/logger'
import { contentTypeOf } from './content-types'
import { contentSecurityPolicy } from './csp'

/**
 * The packaged renderer is served from app://parley/, a privileged custom protocol, instead of
 * file://. The page then has a real origin of its own (so the file-protocol fuse can stay off
 * and an XSS cannot read local files), and the CSP arrives as a response header.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'parley'
export const rendererEntryUrl = `${APP_SCHEME}://${APP_HOST}/index.html`

/**
 * standard: a real origin, relative URLs and path normalisation, like http. secure: a secure
 * context, which getUserMedia needs. supportFetchAPI: module scripts are fetched. Nothing that
 * loosens security (no bypassCSP, no service workers, no CORS exposure).
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
}

export type AppPathResolution = { path: string } | { refused: string }

/**
 * The file under rootDir an app:// URL names, or why it is refused. Refuses another host,
 * credentials or port, undecodable escapes, NUL, backslashes and colons (Windows separators,
 * drive letters and alternate data streams), and any path that would leave rootDir.
 */
export function resolveAppPath(url: string, rootDir: string): AppPathResolution {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { refused: 'not a URL' }
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST)
    return { refused: 'another origin' }
  if (parsed.username || parsed.password || parsed.port) return { refused: 'credentials or port' }
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return { refused: 'bad escape' }
  }
  if (/[\0\\:]/.test(path)) return { refused: 'forbidden character' }
  const segments = path.split('/').filter((segment) => segment !== '')
  if (segments.some((segment) => segment === '..' || segment === '.')) return { refused: 'dot segment' }
  const relativePath = segments.length === 0 ? 'index.html' : segments.join('/')
  const root = resolve(rootDir)
  const full = resolve(root, relativePath)
  const inside = relative(root, full)
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || resolve(inside) === inside)
    return { refused: 'outside the renderer folder' }
  return { path: full }
}

export interface AppProtocolDeps {
  rootDir: string
  readFile: (path: string) => Promise<Uint8Array>
  logger: Logger
  csp?: string
}

/** The protocol.handle handler: files from rootDir with the CSP header, nothing else. */
export function createAppProtocolHandler(
  deps: AppProtocolDeps,
): (request: { url: string; method?: string }) => Promise<Response> {
  const csp = deps.csp ?? contentSecurityPolicy
  const headers = (contentType: string) => ({
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  })
  const fail = (status: number) => new Response(null, { status, headers: headers('text/plain') })
  return async (request) => {
    const method = request.method ?? 'GET'
    if (method !== 'GET' && method !== 'HEAD') return fail(405)
    const resolved = resolveAppPath(request.url, deps.rootDir)
    if ('refused' in resolved) {
      deps.logger.warn(`Refused ${request.url.slice(0, 200)}: ${resolved.refused}`)
      return fail(404)
    }
    let body: Uint8Array
    try {
      body = await deps.readFile(resolved.path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return fail(404)
      deps.logger.error(`Could not read ${resolved.path}`, error)
      return fail(500)
    }
    return new Response(method === 'HEAD' ? null : Buffer.from(body), {
      status: 200,
      headers: headers(contentTypeOf(resolved.path)),
    })
  }
}
