import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'

// "Save diagnostics…" in Settings, clicked in the real UI: main writes one file with the
// versions, the settings and the log of this run (the app registered against the real PBX),
// and no password. The headless main writes to a fixed path where the app shows a save dialog.
const pbx = inject('pbx')
let app: TestApp

beforeAll(async () => {
  app = await startApp('diagnostics', { user: '9811', displayName: 'Diagnostics Test' })
  await app.waitRegistered()
})

afterAll(async () => {
  await app?.close()
})

test('Save diagnostics writes versions, settings and the log without the password, and says where', async () => {
  const { page } = app
  await page.getByRole('button', { name: 'Settings' }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await settings.getByRole('button', { name: 'Save diagnostics…' }).click()
  await expect.poll(() => settings.getByText(`Diagnostics saved to ${app.diagnosticsPath}.`).count()).toBe(1)

  const bundle = readFileSync(app.diagnosticsPath, 'utf8')
  expect(bundle).toMatch(/===== Versions =====\nParley: headless\n/)
  expect(bundle).toContain(`"sipAddress": "9811@${pbx.domain}"`)
  expect(bundle).toContain('"passwordStored": true')
  // The window's own lines reached main's log: the registration against Kamailio.
  expect(bundle).toContain('renderer/session: registration registered')
  expect(bundle).not.toContain(pbx.password)
  expect(bundle).not.toMatch(/authorization:\s*(?!\[redacted\])\S/i)
})
