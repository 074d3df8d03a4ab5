/**
 * A WebSocket a test drives: it opens, fails, closes and receives when the test says so, keeps
 * what was sent, and records how it was closed. `FakeWebSocket.opened` lists every one made
 * (reset it in the test), so a test can prove that no second socket was opened.
 */
export class FakeWebSocket extends EventTarget {
  static opened: FakeWebSocket[] = []
  readyState = 0
  binaryType: BinaryType = 'blob'
  readonly sent: string[] = []
  /** The code each close() call gave, in order. */
  readonly closeCalls: (number | undefined)[] = []

  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {
    super()
    FakeWebSocket.opened.push(this)
  }

  /** The handshake ended: open. */
  open(): void {
    this.readyState = 1
    this.dispatchEvent(new Event('open'))
  }

  /** The connection failed or dropped: error then close, as a browser reports it. */
  fail(code = 1006): void {
    this.readyState = 3
    this.dispatchEvent(new Event('error'))
    this.dispatchEvent(Object.assign(new Event('close'), { code, wasClean: false }))
  }

  /** A message from the server. */
  receive(data: string | ArrayBuffer): void {
    this.dispatchEvent(Object.assign(new Event('message'), { data }))
  }

  send(text: string): void {
    if (this.readyState !== 1) throw new Error('InvalidStateError: not open')
    this.sent.push(text)
  }

  /** Closing: the close event follows in a later task, as after a close handshake. */
  close(code?: number): void {
    this.closeCalls.push(code)
    if (this.readyState >= 2) return
    this.readyState = 2
    setTimeout(() => {
      this.readyState = 3
      this.dispatchEvent(Object.assign(new Event('close'), { code: code ?? 1005, wasClean: true }))
    }, 0)
  }

  /** `globalThis.WebSocket` for `vi.stubGlobal`. */
  static asGlobal(): typeof WebSocket {
    return FakeWebSocket as unknown as typeof WebSocket
  }
}
