import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest'
import { translate, type ArgsOf, type MessageKey } from '../contract/i18n'
import type { Preferences } from '../contract/schemas'
import { windowSizes } from '../main/window/main-window'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { screenshot } from './harness/artifacts'
import { eventually } from './harness/wait'
import { fits, layoutName, layoutProblems, layoutSettled, mainScreenShown } from './layout-checks'

// The user's own way to larger text, in Swedish (sv-SE), signed in at the real Kamailio: 200 %
// chosen under "Textstorlek" in Settings makes the root font 30 px and the window's first size
// compact; Ctrl+0 brings 100 % back; the choice is kept by main and is there again after a
// restart (main stopped and created again over the same folder, the page reloaded).
const t = <K extends MessageKey>(key: K, ...args: ArgsOf<K>) => translate('sv', key, ...args)
let app: TestApp
const page = (): Page => app.page

const rootFontSize = () => page().evaluate(() => getComputedStyle(document.documentElement).fontSize)

async function waitRegistered(): Promise<void> {
  await eventually(
    'registered',
    () =>
      page()
        .getByRole('status', { name: t('registration.indicator') })
        .textContent(),
    (text) => (text ?? '').trim().startsWith(t('registration.label-registered')),
  )
}

async function openSettings(): Promise<void> {
  await page()
    .getByRole('button', { name: t('settings.title'), exact: true })
    .click()
  await expect
    .poll(() =>
      page()
        .getByRole('heading', { name: t('settings.text-size') })
        .count(),
    )
    .toBe(1)
}

/** The main screen there (right after signing in it may not be yet) and its layout settled. */
async function mainScreenSettled(): Promise<void> {
  await mainScreenShown(page())
  await layoutSettled(page())
}

async function closeSettings(): Promise<void> {
  await page()
    .getByRole('dialog')
    .getByRole('button', { name: t('settings.close'), exact: true })
    .first()
    .click()
  await expect.poll(() => page().locator('dialog[open]').count()).toBe(0)
}

beforeAll(async () => {
  app = await startApp('text-size', { user: '3601', displayName: 'Tove Textsson' }, { locale: 'sv-SE' })
  await page().setViewportSize(windowSizes.initial)
  await waitRegistered()
})

afterAll(async () => {
  await app?.close()
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await screenshot(page(), `text-size-failed-${task.name.replace(/\W+/g, '-').slice(0, 60)}`)
})

test('200 % in Settings: root font 30 px, compact; Ctrl+0 back to 100 %; kept over a restart', async () => {
  await mainScreenSettled()
  expect(await layoutName(page())).toBe('wide')
  expect(await rootFontSize()).toBe('15px')

  await openSettings()
  await page()
    .getByRole('combobox', { name: t('settings.text-size'), exact: true })
    .selectOption('200')
  await expect.poll(rootFontSize).toBe('30px')
  await closeSettings()
  await mainScreenSettled()
  expect(await layoutName(page()), '1100 px at 200 % text').toBe('compact')
  expect(await layoutProblems(page())).toEqual(fits)
  await screenshot(page(), 'text-size-200-sv')
  const stored = await app.main.dispatch('preferences:get', {})
  expect(stored.ok && (stored.value as Preferences).textSize, 'kept by main').toBe(200)

  await page().keyboard.press('Control+0')
  await expect.poll(rootFontSize).toBe('15px')
  await mainScreenSettled()
  expect(await layoutName(page())).toBe('wide')
  // Already the smallest: stays.
  await page().keyboard.press('Control+-')
  await expect.poll(rootFontSize).toBe('15px')
  await page().keyboard.press('Control++')
  await expect.poll(rootFontSize).toBe('18.75px')

  // The last choice (125 %) is main's: it is there again after a restart, before any click.
  await app.restart()
  await waitRegistered()
  await expect.poll(rootFontSize).toBe('18.75px')
  await openSettings()
  expect(
    await page()
      .getByRole('combobox', { name: t('settings.text-size'), exact: true })
      .inputValue(),
  ).toBe('125')
  await page()
    .getByRole('combobox', { name: t('settings.text-size'), exact: true })
    .selectOption('200')
  await expect.poll(rootFontSize).toBe('30px')
  await closeSettings()
  await app.restart()
  await waitRegistered()
  await expect.poll(rootFontSize).toBe('30px')
  await mainScreenSettled()
  expect(await layoutName(page())).toBe('compact')
})
