import { statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer, type Server, type ServerResponse } from 'node:http'
import { join, normalize, sep } from 'node:path'
import { contentTypeOf } from '../../main/window/content-types'

/**
 * A tiny static file server on 127.0.0.1. `mounts` maps a URL prefix ('/', '/peer/') to a
 * directory; the longest matching prefix wins. No directory listings, no paths outside a mount.
 * `documentHeaders` maps a prefix to headers sent with its HTML pages (the renderer's CSP, as
 * Electron sends it: the page carries no policy of its own).
 */
export function serveStatic(
  mounts: Record<string, string>,
  port = 0,
  documentHeaders: Record<string, Record<string, string>> = {},
): Promise<{ server: Server; port: number }> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length)
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    if (path === '/favicon.ico') {
      res.writeHead(204)
      res.end()
      return
    }
    const prefix = prefixes.find((p) => path.startsWith(p))
    if (!prefix) return notFound(res)
    const root = mounts[prefix] as string
    let file = normalize(join(root, path.slice(prefix.length)))
    if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return notFound(res)
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html')
    } catch {
      return notFound(res)
    }
    // Read whole and sent in one write, as the app's own app:// handler does
    // (main/window/app-protocol.ts): a stream would take one turn of this busy process's event
    // loop per 64 kB, which made a larger page slower to arrive than the app would be.
    readFile(file).then(
      (body) => {
        const contentType = contentTypeOf(file)
        res.writeHead(200, {
          ...(contentType.startsWith('text/html') ? documentHeaders[prefix] : {}),
          'content-type': contentType,
          'content-length': body.length,
          'cache-control': 'no-store',
        })
        res.end(body)
      },
      () => notFound(res),
    )
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      const address = server.address()
      resolve({ server, port: typeof address === 'object' && address ? address.port : port })
    })
  })
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' })
  res.end('not found')
}
