import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'

// The SIP trace for support, switched on in Settings by the user: main then keeps every SIP
// message the app exchanged with the real Kamailio (REGISTER, its 401 challenge, the REGISTER
// with credentials and Kamailio's 200) in sip-trace.log, with no Authorization value and no
// password in it. While it is off, nothing is written.
const pbx = inject('pbx')
let app: TestApp

beforeAll(async () => {
  app = await startApp('sip-trace', { user: '9812', displayName: 'Trace Test' })
  await app.waitRegistered()
})

afterAll(async () => {
  await app?.close()
})

test('switched on in Settings, the trace holds the REGISTER and its 200 from Kamailio, secrets redacted', async () => {
  const traceFile = join(app.logFolder, 'sip-trace.log')
  // Registered with the trace off (the default): not one message was kept.
  expect(existsSync(traceFile)).toBe(false)

  const { page } = app
  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  const toggle = settings.getByRole('checkbox', { name: 'Record a SIP trace for support' })
  await expect.poll(() => toggle.isChecked()).toBe(false)
  await toggle.check()
  await expect.poll(() => page.getByText('The SIP trace is on.').count()).toBeGreaterThan(0)

  // Quit and start again: the switch is kept, and the new registration is traced from its first message.
  await app.restart()
  await app.waitRegistered()
  await expect
    .poll(() => (existsSync(traceFile) ? readFileSync(traceFile, 'utf8') : ''), { timeout: 10_000 })
    .toMatch(/<<< received\n {4}SIP\/2\.0 200 OK[^]*CSeq: \d+ REGISTER/)

  const trace = readFileSync(traceFile, 'utf8')
  expect(trace).toMatch(/>>> sent\n {4}REGISTER sip:/)
  expect(trace).toMatch(/<<< received\n {4}SIP\/2\.0 401 /)
  // The REGISTER that answered Kamailio's challenge is there, its credentials are not.
  expect(trace).toMatch(/^ {4}Authorization: \[redacted\]\s*$/m)
  expect(trace).not.toMatch(/authorization:\s*(?!\[redacted\])\S/i)
  expect(trace).not.toMatch(/response="?[0-9a-f]{32}/i)
  expect(trace).not.toContain(pbx.password)
  expect(statSync(traceFile).mode & 0o777).toBe(0o600)
})
