import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { screenshot } from './harness/artifacts'
import { clippedLabels, seriousViolations } from './harness/axe'
import { wsUrl } from './harness/pbx'

// Parley in Swedish, through the real UI, with the browser's language set to sv-SE: the login
// screen, signing in against the real PBX, the main screen and the keyboard help speak
// Swedish, with no serious or critical axe-core violation and no clipped label.
const pbx = inject('pbx')
let app: TestApp

beforeAll(async () => {
  app = await startApp('swedish', undefined, { locale: 'sv-SE' })
})

afterAll(async () => {
  await app?.close()
})

async function checkScreen(name: string): Promise<void> {
  expect(await seriousViolations(app.page), `axe on ${name}`).toEqual([])
  expect(await clippedLabels(app.page), `clipped on ${name}`).toEqual([])
  await app.page.evaluate(() => (document.documentElement.style.fontSize = '200%'))
  expect(await clippedLabels(app.page), `clipped on ${name} at 200% text`).toEqual([])
  await screenshot(app.page, `sv-${name}-200`)
  await app.page.evaluate(() => (document.documentElement.style.fontSize = ''))
  await screenshot(app.page, `sv-${name}`)
}

test('the login screen follows the browser language: Swedish', async () => {
  const form = app.page.getByRole('form', { name: 'Konto' })
  await expect.poll(() => form.isVisible()).toBe(true)
  expect(await app.page.getByRole('heading', { name: 'Logga in i Parley' }).count()).toBe(1)
  expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('sv-SE')
  for (const label of ['Visningsnamn', 'SIP-adress', 'Inloggningsnamn', 'Lösenord', 'WebSocket-server'])
    expect(await form.getByLabel(label, { exact: true }).count(), label).toBe(1)
  await checkScreen('login')
})

test('a missing field is explained in Swedish', async () => {
  const form = app.page.getByRole('form', { name: 'Konto' })
  await form.getByRole('button', { name: 'Logga in' }).click()
  await expect.poll(() => form.getByText('SIP-adress måste fyllas i.').count()).toBe(1)
})

test('signing in registers and the main screen speaks Swedish', async () => {
  const form = app.page.getByRole('form', { name: 'Konto' })
  await form.getByLabel('Visningsnamn', { exact: true }).fill('Åsa Östlund')
  await form.getByLabel('SIP-adress', { exact: true }).fill(`3301@${pbx.domain}`)
  await form.getByLabel('Lösenord', { exact: true }).fill(pbx.password)
  await form.getByLabel('WebSocket-server', { exact: true }).fill(wsUrl(pbx))
  await form.getByRole('button', { name: 'Logga in' }).click()
  const registration = app.page.getByRole('status', { name: 'Registrering' })
  await expect.poll(() => registration.textContent(), { timeout: 15_000 }).toContain('Registrerad')
  for (const name of ['Ring', 'Logga ut', 'Kortkommandon'])
    expect(await app.page.getByRole('button', { name, exact: true }).count(), name).toBeGreaterThan(0)
  expect(await app.page.getByLabel('Nummer att ringa').count()).toBe(1)
  await checkScreen('idle')
})

test('the keyboard help is in Swedish', async () => {
  await app.page.getByRole('button', { name: 'Kortkommandon', exact: true }).click()
  const help = app.page.getByRole('dialog', { name: 'Kortkommandon' })
  await expect.poll(() => help.isVisible()).toBe(true)
  expect(await help.getByText('Parkera eller återta samtalet').count()).toBe(1)
  await checkScreen('help')
  await help.getByRole('button', { name: 'Stäng' }).click()
})
