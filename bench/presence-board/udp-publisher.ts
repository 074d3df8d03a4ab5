import { createSocket, type Socket } from 'node:dgram'
import { randomBytes } from 'node:crypto'

/**
 * The colleagues' side of the board bench: PUBLISHes for many presentities over UDP straight to
 * the test Kamailio (its UDP listener is trusted, no digest), as a PBX's phones would publish
 * their state. A presentity's later PUBLISHes refresh its first publication (SIP-If-Match with
 * the ETag the server gave), so the document watchers get is always the newest one, never an
 * aggregate of old ones. `publish` resolves with the final status code.
 */
export class UdpPublisher {
  private readonly socket: Socket
  private readonly etags = new Map<string, string>()
  private readonly waiting = new Map<string, (status: number, etag: string) => void>()
  private port = 0

  private constructor(
    private readonly pbxPort: number,
    private readonly domain: string,
  ) {
    this.socket = createSocket('udp4')
    this.socket.on('message', (data) => this.onResponse(data.toString('utf8')))
    this.socket.on('error', (error) => console.error(`[bench] UDP publisher: ${String(error)}`))
  }

  static async open(pbxPort: number, domain: string): Promise<UdpPublisher> {
    const publisher = new UdpPublisher(pbxPort, domain)
    await new Promise<void>((resolve) => publisher.socket.bind(0, '127.0.0.1', resolve))
    publisher.port = publisher.socket.address().port
    return publisher
  }

  /** Sends one PUBLISH for `user`'s `event` now; resolves with the server's final answer. */
  publish(user: string, event: string, contentType: string, body: string): Promise<number> {
    const key = `${user}|${event}`
    const branch = `z9hG4bK${randomBytes(8).toString('hex')}`
    const aor = `sip:${user}@${this.domain}`
    const etag = this.etags.get(key)
    const length = Buffer.byteLength(body, 'utf8')
    const message = [
      `PUBLISH ${aor} SIP/2.0`,
      `Via: SIP/2.0/UDP 127.0.0.1:${this.port};branch=${branch};rport`,
      'Max-Forwards: 70',
      `From: <${aor}>;tag=${randomBytes(4).toString('hex')}`,
      `To: <${aor}>`,
      `Call-ID: ${randomBytes(8).toString('hex')}@127.0.0.1`,
      'CSeq: 1 PUBLISH',
      `Event: ${event}`,
      'Expires: 600',
      ...(etag ? [`SIP-If-Match: ${etag}`] : []),
      `Content-Type: ${contentType}`,
      `Content-Length: ${length}`,
      '',
      body,
    ].join('\r\n')
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(branch)
        reject(new Error(`no answer to the PUBLISH for ${key}`))
      }, 10_000)
      this.waiting.set(branch, (status, newEtag) => {
        clearTimeout(timer)
        if (newEtag) this.etags.set(key, newEtag)
        resolve(status)
      })
      this.socket.send(message, this.pbxPort, '127.0.0.1')
    })
  }

  private onResponse(text: string): void {
    const status = Number(/^SIP\/2\.0 (\d{3})/.exec(text)?.[1] ?? 0)
    const branch = /^Via:[^\r\n]*branch=([^;\s\r\n]+)/im.exec(text)?.[1] ?? ''
    if (status < 200) return
    const etag = /^SIP-ETag:\s*(\S+)/im.exec(text)?.[1] ?? ''
    this.waiting.get(branch)?.(status, etag)
    this.waiting.delete(branch)
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()))
  }
}
