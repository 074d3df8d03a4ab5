import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { wsUrl } from './harness/pbx'
import { TestPeer } from './harness/peer'
import { ui } from './harness/ui'
import { eventually } from './harness/wait'

// Issue 14: the window's entry opens the saved account's SIP WebSocket before SIP.js is
// evaluated, and the phone's first connection adopts it. Against Kamailio: one socket to the PBX
// until "Registered", the REGISTER on it, the app reachable through it; a later connection
// (sleep and wake) is a socket of its own.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
const appUser = '3901'
let app: TestApp
let bob: TestPeer

interface SocketSeen {
  url: string
  protocols: string
  createdAt: number
  sent: string[]
  closed: boolean
}

/** Every WebSocket the page opens to `pbxUrl`, as it is created, with what was sent on it. */
function watchSockets(pbxUrl: string): void {
  const seen: SocketSeen[] = []
  Object.defineProperty(window, '__sipSockets', { value: seen })
  const Native = window.WebSocket
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      if (!String(url).startsWith(pbxUrl)) return
      const entry: SocketSeen = {
        url: String(url),
        protocols: String(protocols),
        createdAt: performance.now(),
        sent: [],
        closed: false,
      }
      seen.push(entry)
      const send = this.send.bind(this)
      this.send = (data) => {
        entry.sent.push(String(data).split(' ')[0] ?? '')
        send(data)
      }
      this.addEventListener('close', () => (entry.closed = true))
    }
  }
}

const sockets = () =>
  app.page.evaluate(() => (window as unknown as { __sipSockets: SocketSeen[] }).__sipSockets)
const registered = () =>
  eventually(
    'registered',
    () => ui.registration(app.page).textContent(),
    (text) => /^\s*Registered/.test(text ?? ''),
  )

beforeAll(async () => {
  bob = await TestPeer.start('3902', pbx, baseUrl, 'Bob Berg')
  const url = wsUrl(pbx)
  app = await startApp(
    'early-socket',
    { user: appUser },
    { beforeLoad: (ua) => ua.context.addInitScript(watchSockets, url) },
  )
  await registered()
})

afterAll(async () => {
  await app?.close()
  await bob?.close()
})

test('the entry opens the one SIP WebSocket, the REGISTER goes out on it and the PBX routes a call through it', async () => {
  const [first, ...others] = await sockets()
  expect(others).toEqual([])
  expect(first?.url).toBe(wsUrl(pbx))
  expect(first?.protocols).toBe('sip')
  expect(first?.sent[0]).toBe('REGISTER')
  const marks = await app.page.evaluate(() =>
    Object.fromEntries(performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime])),
  )
  // opened by the entry (its mark follows the socket's creation in the same task), not by SIP.js later
  expect(marks['parley:early-socket']).toBeGreaterThanOrEqual(first?.createdAt ?? Infinity)
  expect((marks['parley:early-socket'] ?? Infinity) - (first?.createdAt ?? 0)).toBeLessThan(20)

  const id = await bob.call(`sip:${appUser}@${pbx.domain}`)
  const card = ui.call(app.page, 'Bob Berg')
  await expect.poll(() => card.textContent(), { timeout: 15_000 }).toMatch(/Incoming call/)
  await bob.hangup(id)
  expect((await sockets()).map((socket) => socket.closed)).toEqual([false])
})

test('sleep and wake: the next connection is a fresh socket, the adopted one is closed', async () => {
  await app.deliver('power', { kind: 'suspend', at: Date.now() })
  await expect.poll(() => ui.registration(app.page).textContent()).not.toMatch(/^\s*Registered/)
  await app.deliver('power', { kind: 'resume', at: Date.now() })
  await registered()
  const seen = await sockets()
  expect(seen).toHaveLength(2)
  expect(seen[0]?.closed).toBe(true)
  expect(seen[1]?.closed).toBe(false)
  expect(seen[1]?.sent[0]).toBe('REGISTER')
})
