import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { runSipp } from './harness/sipp'
import { textOf, ui } from './harness/ui'

// Crafted SIP from SIPp (what no well-behaved phone sends) reaches Parley through Kamailio.
// Whatever the caller's name contains, the app shows it as text and runs nothing.
const pbx = inject('pbx')
const appUser = '5001'
let app: TestApp
const dialogs: string[] = []

beforeAll(async () => {
  app = await startApp('crafted', { user: appUser })
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await app.waitRegistered()
})

afterAll(async () => {
  await app?.close()
})

test('an HTML display name with a right-to-left override from SIPp is shown as text, no script runs', async () => {
  const hostile = '\u202Egnp.exe <img src=x onerror=alert(1)>'
  const sipp = await runSipp(pbx, {
    scenario: 'invite-until-refused.xml',
    service: appUser,
    keys: { display: hostile, extra: 'X-Parley-Test: crafted' },
  })
  try {
    const card = ui.liveCall(app.page, /^Call with /)
    await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
    expect(await textOf(card)).toContain('<img src=x onerror=alert(1)>')
    expect(await ui.calls(app.page).locator('img').count()).toBe(0)
    await card.getByRole('button', { name: 'Reject' }).click()
    const result = await sipp.done
    expect(result.code, result.output.slice(-2000)).toBe(0)
    expect(dialogs).toEqual([])
    expect(app.ua.pageErrors).toEqual([])
  } finally {
    sipp.stop()
  }
})
