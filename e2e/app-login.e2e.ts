import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { screenshot } from './harness/artifacts'
import { signIn, ui } from './harness/ui'

// Signing in through the login screen against the real PBX: the wrong password is refused
// and said plainly; the right one registers. The app starts with no stored account.
const pbx = inject('pbx')
let app: TestApp

beforeAll(async () => {
  app = await startApp('login')
})

afterAll(async () => {
  await app?.close()
})

test('a first start shows the login form with its labelled fields', async () => {
  const form = ui.accountForm(app.page)
  await expect.poll(() => form.isVisible()).toBe(true)
  for (const label of [
    'Display name',
    'SIP address',
    'Auth user',
    'Password',
    'WebSocket server',
    'Outbound proxy',
  ]) {
    expect(await form.getByLabel(label, { exact: true }).count(), label).toBe(1)
  }
  await screenshot(app.page, 'login')
})

test('the form refuses a malformed SIP address with a message next to the field', async () => {
  const form = ui.accountForm(app.page)
  await form.getByLabel('SIP address').fill('not an address')
  await form.getByRole('button', { name: 'Sign in' }).click()
  const field = form.getByLabel('SIP address')
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true')
  const describedBy = (await field.getAttribute('aria-describedby')) ?? ''
  const messages = await Promise.all(
    describedBy.split(' ').map((id) => app.page.locator(`#${id}`).textContent()),
  )
  expect(messages.join(' ')).toMatch(/user@domain/)
})

test('a wrong password shows "Wrong password" and the PBX never registers the phone', async () => {
  await signIn(app.page, { user: '3001', password: 'not-the-password' }, pbx)
  const status = ui.registration(app.page)
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/Wrong password/)
  await screenshot(app.page, 'error-wrong-password')
})

test('signing out and in again with the right password registers', async () => {
  await ui.signOut(app.page).click()
  await expect.poll(() => ui.accountForm(app.page).isVisible()).toBe(true)
  await signIn(app.page, { user: '3001' }, pbx)
  await expect
    .poll(() => ui.registration(app.page).textContent(), { timeout: 15_000 })
    .toMatch(/^\s*Registered/)
  await screenshot(app.page, 'registered-idle')
})
