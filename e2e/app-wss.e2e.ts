import { afterEach, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { wssUrl } from './harness/pbx'
import { textOf, ui } from './harness/ui'

// wss:// as production uses it: Kamailio's tls module on a host name, its certificate from a
// test CA made at run time, which the test browser trusts through its own NSS database (no
// certificate-error override anywhere). The browser resolves the host name to 127.0.0.1.
const pbx = inject('pbx')
let app: TestApp | undefined

afterEach(async () => {
  await app?.close()
  app = undefined
})

test('Parley registers over wss:// to a host name whose certificate a trusted CA signed', async () => {
  app = await startApp('wss-ok', { user: '4501', wsServer: wssUrl(pbx, 'trusted') }, { trustTestCa: true })
  await app.waitRegistered()
})

// What the user reads for each refused certificate: the reason, from main's explanation (the
// browser gives the page only a closed WebSocket), never a way around it.
const reasons = {
  'self-signed': /certificate is self-signed and not trusted/,
  expired: /certificate has expired/,
  'wrong-host': /certificate is for another server name/,
} as const

for (const kind of ['self-signed', 'expired', 'wrong-host'] as const) {
  test(`a ${kind} certificate is refused by the browser, and the user is told why`, async () => {
    app = await startApp(`wss-${kind}`, { user: '4502', wsServer: wssUrl(pbx, kind) }, { trustTestCa: true })
    const indicator = ui.registration(app.page)
    await expect.poll(() => textOf(indicator), { timeout: 15_000 }).toMatch(reasons[kind])
    // Never registered: Kamailio serves all four listeners alike; only the certificate differs,
    // and the trusted one registers (first test): the browser refused this certificate.
    expect(await textOf(indicator)).not.toMatch(/Registered/)
  })
}
