import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { HeadlessMain } from '../../main/headless'

export interface DemoServer {
  /** The page to open: http://127.0.0.1:<port>/<token>/index.html */
  url: string
  /** The origin and path prefix main trusts (rendererUrl of the headless main). */
  base: string
  attach(main: HeadlessMain, onInvoke?: (channel: string, request: unknown) => void): void
  stop(): Promise<void>
}

const maxBody = 25_000_000

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBody) req.destroy(new Error('request too large'))
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/**
 * The demo's page server on 127.0.0.1: the built renderer (from the test bed's server) with a
 * bridge script in place of Electron's preload, and main's IPC over HTTP (invoke: POST, events:
 * server-sent events). Everything sits under a random path, so no other page or local program
 * that does not know the printed URL can talk to main.
 */
export async function startDemoServer(pagesUrl: string): Promise<DemoServer> {
  const token = randomBytes(12).toString('hex')
  const bridge = readFileSync(join(import.meta.dirname, 'demo-bridge.js'), 'utf8')
  let main: HeadlessMain | null = null
  let onInvoke: (channel: string, request: unknown) => void = () => undefined
  const eventStreams = new Set<ServerResponse>()
  let base = ''

  const proxy = (path: string, res: ServerResponse, rewrite?: (html: string) => string) => {
    httpRequest(`${pagesUrl}${path}`, (upstream) => {
      if (!rewrite || upstream.statusCode !== 200) {
        res.writeHead(upstream.statusCode ?? 502, upstream.headers)
        upstream.pipe(res)
        return
      }
      const chunks: Buffer[] = []
      upstream.on('data', (chunk: Buffer) => chunks.push(chunk))
      upstream.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        res.end(rewrite(Buffer.concat(chunks).toString('utf8')))
      })
    })
      .on('error', () => res.writeHead(502).end())
      .end()
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/favicon.ico') return void res.writeHead(204).end()
    if (!path.startsWith(`/${token}/`)) return void res.writeHead(404).end('not found')
    const rest = path.slice(token.length + 1)
    if (rest === '/__parley/invoke' && req.method === 'POST' && main) {
      const current = main
      void readBody(req)
        .then(async (body) => {
          const { channel, request } = JSON.parse(body) as { channel: string; request?: unknown }
          onInvoke(channel, request)
          const result = await current.dispatch(channel, request, {
            frameUrl: `${base}index.html`,
            isMainFrame: true,
          })
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result))
        })
        .catch((error: unknown) => res.writeHead(400).end(String(error)))
      return
    }
    if (rest === '/__parley/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
      eventStreams.add(res)
      req.on('close', () => eventStreams.delete(res))
      return
    }
    if (rest === '/demo-bridge.js') {
      return void res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bridge)
    }
    if (rest === '/' || rest === '/index.html') {
      // A classic script runs before the app's module scripts: window.parley is there first.
      return proxy('/index.html', res, (html) =>
        html.replace('<head>', '<head>\n    <script src="./demo-bridge.js"></script>'),
      )
    }
    proxy(rest, res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  base = `http://127.0.0.1:${port}/${token}/`
  return {
    url: `${base}index.html`,
    base,
    attach(next, listener) {
      main = next
      onInvoke = listener ?? onInvoke
      next.events.onAny((event, payload) => {
        const line = `data: ${JSON.stringify({ event, payload })}\n\n`
        for (const stream of eventStreams) stream.write(line)
      })
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const stream of eventStreams) stream.end()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
