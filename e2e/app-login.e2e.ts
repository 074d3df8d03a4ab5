import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { screenshot } from './harness/artifacts'
import { TestPeer } from './harness/peer'
import { signIn, textOf, ui } from './harness/ui'

// Signing in through the login screen against the real PBX: the wrong password is refused
// and said plainly; the right one registers. The app starts with no stored account.
const pbx = inject('pbx')
let app: TestApp
let caller: TestPeer

beforeAll(async () => {
  caller = await TestPeer.start('3009', pbx, inject('baseUrl'))
  app = await startApp('login')
})

afterAll(async () => {
  await app?.close()
  await caller?.close()
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

test('the form refuses a display name with a line break or <> that would reach SIP headers', async () => {
  const form = ui.accountForm(app.page)
  const field = form.getByLabel('Display name', { exact: true })
  // A pasted line break survives in a text input only through the value property.
  await field.evaluate((input: HTMLInputElement) => {
    input.value = 'Eve\r\nContact: <sip:evil@x>'
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
  await form.getByRole('button', { name: 'Sign in' }).click()
  await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true')
  const describedBy = (await field.getAttribute('aria-describedby')) ?? ''
  const messages = await Promise.all(
    describedBy.split(' ').map((id) => app.page.locator(`#${id}`).textContent()),
  )
  expect(messages.join(' ')).toMatch(/Display name cannot contain line breaks, quotation marks/)
  await field.fill('')
})

test('a wrong password shows "Wrong password" and the PBX never registers the phone', async () => {
  await signIn(app.page, { user: '3001', password: 'not-the-password' }, pbx)
  const status = ui.registration(app.page)
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/Wrong password/)
  await screenshot(app.page, 'error-wrong-password')
  // The PBX agrees: nobody is registered as 3001, so a call to it is refused (480).
  const id = await caller.call(`sip:3001@${pbx.domain}`)
  const refused = await caller.waitForCall(
    (c) => c.id === id && c.state === 'Terminated',
    'call to 3001 refused',
  )
  expect(refused.finalStatus).toBe(480)
})

test('signing out and in again with the right password registers', async () => {
  await ui.signOut(app.page).click()
  await expect.poll(() => ui.accountForm(app.page).isVisible()).toBe(true)
  await signIn(app.page, { user: '3001' }, pbx)
  await expect
    .poll(() => ui.registration(app.page).textContent(), { timeout: 15_000 })
    .toMatch(/^\s*Registered/)
  await screenshot(app.page, 'registered-idle')
  // The PBX agrees: a call to 3001 now rings in the app.
  const id = await caller.call(`sip:3001@${pbx.domain}`)
  await expect.poll(() => textOf(ui.liveCall(app.page)), { timeout: 15_000 }).toMatch(/Incoming call/)
  await caller.hangup(id)
  await expect.poll(() => ui.liveCall(app.page).count(), { timeout: 10_000 }).toBe(0)
})
