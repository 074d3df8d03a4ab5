import type { WebSocketRoute } from 'playwright-core'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { TestApp } from './harness/app'
import { TestPeer } from './harness/peer'
import { textOf, ui } from './harness/ui'

// The end reason shown is the real one: the other side hangs up while only the app's WebSocket
// is down (cut and refused in the browser, Kamailio and the peer stay up). Once the app is back
// its recovery re-INVITE meets a far end that no longer knows the call (481): the card says the
// other side hung up, not that the network changed.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
const appUser = '8401'
let app: TestApp
let bob: TestPeer
let blocked = false
const sockets: WebSocketRoute[] = []

beforeAll(async () => {
  bob = await TestPeer.start('8411', pbx, baseUrl, 'Bob Berg')
  app = await TestApp.start({
    name: 'hangup-while-away',
    baseUrl,
    pbx,
    account: { user: appUser },
    beforeLoad: (ua) =>
      ua.page.routeWebSocket(/.*/, (ws) => {
        if (blocked) {
          void ws.close({ code: 4001, reason: 'network down (test)' })
          return
        }
        ws.connectToServer()
        sockets.push(ws)
      }),
  })
  await app.waitRegistered()
})

afterAll(async () => {
  await bob?.close()
  await app?.close()
})

test('the other side hangs up while our WebSocket is down: the call ends as their hang-up', async () => {
  const bobCall = await bob.call(`sip:${appUser}@${pbx.domain}`)
  const card = ui.liveCall(app.page, /^Call with (Bob Berg|8411)$/)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
  await card.getByRole('button', { name: 'Answer' }).click()
  await bob.waitForCall((c) => c.id === bobCall && c.state === 'Established', 'bob answered by the app')

  blocked = true
  for (const ws of sockets.splice(0)) await ws.close({ code: 4001, reason: 'network down (test)' })
  await expect
    .poll(() => textOf(ui.registration(app.page)), { timeout: 10_000 })
    .not.toMatch(/^\s*Registered/)
  await bob.hangup(bobCall)
  await bob.waitForCall((c) => c.id === bobCall && c.state === 'Terminated', 'bob hung up')

  const anyCard = ui.call(app.page, /^Call with (Bob Berg|8411)$/)
  const seen: string[] = []
  blocked = false
  await expect
    .poll(
      async () => {
        const text = await textOf(anyCard)
        if (text && seen.at(-1) !== text) seen.push(text)
        return text
      },
      { timeout: 20_000, interval: 50 },
    )
    .toMatch(/hung up while the connection was down/)
  expect(seen.join(' | ')).not.toMatch(/network changed/)
  await app.waitRegistered()
})
