/** `len:payload,` framing (baresip's ctrl_tcp), length in bytes. */
export function netstring(payload: string): string {
  return `${Buffer.byteLength(payload)}:${payload},`
}

/** Splits a TCP byte stream into netstring payloads, however the chunks fall. */
export class NetstringReader {
  private buffer = Buffer.alloc(0)

  push(chunk: Buffer): string[] {
    this.buffer = Buffer.concat([this.buffer, chunk])
    const messages: string[] = []
    for (;;) {
      const colon = this.buffer.indexOf(0x3a)
      if (colon < 0) break
      const length = Number(this.buffer.subarray(0, colon).toString('ascii'))
      if (!Number.isInteger(length) || length < 0) throw new Error('baresip: broken netstring')
      const end = colon + 1 + length
      if (this.buffer.length < end + 1) break
      messages.push(this.buffer.subarray(colon + 1, end).toString('utf8'))
      this.buffer = this.buffer.subarray(end + 1)
    }
    return messages
  }
}
