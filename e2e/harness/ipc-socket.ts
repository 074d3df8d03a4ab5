import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import { Socket } from 'node:net'
import type { Duplex } from 'node:stream'

/**
 * The page's IPC to headless main, as direct as Electron's: one WebSocket on 127.0.0.1 from the
 * harness's bridge (app.ts) to this Node process, carrying invokes, their answers and main's
 * events in one ordered stream (Electron's IPC is one ordered pipe too). Playwright's binding,
 * used before, took 25–250 ms a round trip on a loaded machine (every call queued behind the
 * page's other CDP traffic, then serialised twice) against ~1 ms in Electron, and that alone
 * decided when the window could register (issue 14).
 *
 * Who is calling is not taken from the page: the connection must carry the token given to the
 * main frame's bridge (closed over, never on `window`), and the sender's URL is the origin the
 * browser put on the handshake, so main's trusted-sender check still sees a foreign page as
 * foreign. Sub-frames keep Playwright's binding, which knows their frame exactly.
 *
 * Messages are JSON: page → main `{ id, channel, request }`; main → page `{ id, answer }` or
 * `{ event, payload }`.
 */
export interface IpcSocket {
  /** ws:// address with the token, for the bridge. */
  url: string
  /** Sends an event to the page; false when no page is connected (then nothing was sent). */
  send(event: string, payload: unknown): boolean
  close(): Promise<void>
}

export type IpcInvoke = (
  channel: string,
  request: unknown,
  sender: { frameUrl: string; isMainFrame: boolean },
) => Promise<unknown>

const handshakeGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'

function frame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8')
  const length = payload.length
  const header =
    length < 126
      ? Buffer.from([0x81, length])
      : length < 65536
        ? Buffer.from([0x81, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x81, 127]), bigEndian64(length)])
  return Buffer.concat([header, payload])
}

function bigEndian64(value: number): Buffer {
  const buffer = Buffer.alloc(8)
  buffer.writeBigUInt64BE(BigInt(value))
  return buffer
}

interface ClientFrame {
  fin: boolean
  opcode: number
  data: Buffer
}

/**
 * Reads complete client frames off `buffer`; returns them, what is left over and how many
 * bytes that rest must grow to before another frame can be complete (a 20 MB import arrives in
 * hundreds of chunks: they are joined once, not on each chunk).
 */
function readFrames(buffer: Buffer): { frames: ClientFrame[]; rest: Buffer; needed: number } {
  const frames: ClientFrame[] = []
  let offset = 0
  let needed = 2
  for (;;) {
    needed = buffer.length - offset + 1
    if (buffer.length - offset < 2) break
    const first = buffer[offset] as number
    const second = buffer[offset + 1] as number
    let length = second & 0x7f
    let at = offset + 2
    if (length === 126) {
      if (buffer.length - at < 2) break
      length = buffer.readUInt16BE(at)
      at += 2
    } else if (length === 127) {
      if (buffer.length - at < 8) break
      length = Number(buffer.readBigUInt64BE(at))
      at += 8
    }
    const masked = (second & 0x80) !== 0
    const maskAt = at
    if (masked) at += 4
    if (buffer.length - at < length) {
      needed = at + length - offset
      break
    }
    const data = Buffer.from(buffer.subarray(at, at + length))
    if (masked)
      for (let i = 0; i < data.length; i++)
        data[i] = (data[i] as number) ^ (buffer[maskAt + (i % 4)] as number)
    frames.push({ fin: (first & 0x80) !== 0, opcode: first & 0x0f, data })
    offset = at + length
  }
  return { frames, rest: buffer.subarray(offset), needed }
}

export async function startIpcSocket(invoke: IpcInvoke): Promise<IpcSocket> {
  const token = randomBytes(16).toString('hex')
  let current: Duplex | null = null
  const server = createServer((_req, res) => {
    res.writeHead(426)
    res.end()
  })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    const key = req.headers['sec-websocket-key']
    const origin = req.headers.origin
    if (new URL(req.url ?? '/', 'http://x').searchParams.get('token') !== token || !key || !origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    const accept = createHash('sha1')
      .update(key + handshakeGuid)
      .digest('base64')
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    )
    if (socket instanceof Socket) socket.setNoDelay(true)
    current = socket
    const sender = { frameUrl: `${origin}/`, isMainFrame: true }
    let chunks: Buffer[] = []
    let size = 0
    let needed = 2
    let message: Buffer[] = []
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      size += chunk.length
      if (size < needed) return
      const read = readFrames(chunks.length === 1 ? chunk : Buffer.concat(chunks, size))
      const { frames, rest } = read
      chunks = rest.length > 0 ? [rest] : []
      size = rest.length
      needed = read.needed
      for (const { fin, opcode, data } of frames) {
        if (opcode === 8) {
          socket.end(Buffer.from([0x88, 0]))
          return
        }
        if (opcode === 9) {
          socket.write(Buffer.concat([Buffer.from([0x8a, data.length]), data]))
          continue
        }
        if (opcode !== 0 && opcode !== 1) continue
        message.push(data)
        if (!fin) continue
        const text = Buffer.concat(message).toString('utf8')
        message = []
        const { id, channel, request } = JSON.parse(text) as { id: number; channel: string; request: unknown }
        void invoke(channel, request, sender).then((answer) => {
          if (!socket.destroyed) socket.write(frame(JSON.stringify({ id, answer })))
        })
      }
    })
    const forget = () => {
      if (current === socket) current = null
    }
    socket.on('close', forget)
    socket.on('error', forget)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `ws://127.0.0.1:${port}/?token=${token}`,
    send(event, payload) {
      const socket = current
      if (!socket || socket.destroyed) return false
      socket.write(frame(JSON.stringify({ event, payload })))
      return true
    },
    close: () =>
      new Promise<void>((resolve) => {
        const socket = current as Duplex | null
        socket?.destroy()
        server.close(() => resolve())
      }),
  }
}
