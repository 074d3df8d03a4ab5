import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { translate, type ArgsOf, type MessageKey } from '../contract/i18n'
import type { Contact } from '../contract/schemas'
import { windowSizes } from '../main/window/main-window'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { screenshot } from './harness/artifacts'
import { dial, textOf, ui } from './harness/ui'
import { eventually } from './harness/wait'
import {
  fits,
  layoutName,
  layoutProblems,
  layoutSettled,
  mainScreenShown,
  setTextSize,
} from './layout-checks'

// A change of layout while a dialog is open, through the real UI (signed in at the real
// Kamailio): the text made 200 % larger in the window's first size (wide → compact), the
// window made narrow and wide again. The contact editor, my status's panel and its schedule
// stay open with what was typed in them, the focus where it was, and saving afterwards saves
// what was typed. The layout's choice itself counts in rem: 1100 px at 200 % text is compact,
// at 100 % wide.
const t = <K extends MessageKey>(key: K, ...args: ArgsOf<K>) => translate('en', key, ...args)
let app: TestApp
const page = (): Page => app.page

beforeAll(async () => {
  app = await startApp('layout-switch', { user: '3101', displayName: 'Olivia Operator' })
  await app.waitRegistered()
  await mainScreenShown(page())
})

afterAll(async () => {
  await app?.close()
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await screenshot(page(), `layout-switch-failed-${task.name.replace(/\W+/g, '-').slice(0, 60)}`)
  await setTextSize(page(), '')
  await page().setViewportSize(windowSizes.initial)
  await layoutSettled(page())
  // Whatever a failed test left open.
  for (let open = 0; open < 3 && (await page().locator('dialog[open]').count()) > 0; open++)
    await page().keyboard.press('Escape')
})

/** Larger text or another window size, and the layout it leads to, shown. */
async function switchTo(change: { text?: string; width?: number }, layout: string): Promise<void> {
  if (change.text !== undefined) await setTextSize(page(), change.text)
  if (change.width !== undefined) await page().setViewportSize({ width: change.width, height: 720 })
  await layoutSettled(page())
  expect(await layoutName(page())).toBe(layout)
}

const focusedId = () => page().evaluate(() => document.activeElement?.id ?? '')

describe('an open dialog outlives a change of layout', () => {
  test('the layout follows the text size: 1100 px is wide at 100 % text, compact at 200 %', async () => {
    await switchTo({}, 'wide')
    await switchTo({ text: '200%' }, 'compact')
    expect(await layoutProblems(page()), '1100 px at 200 % text').toEqual(fits)
    // 130 % of the browser's 16 px: 20.8 px a rem, 1100 px hold 53 rem (700 to 1000 px at 15 px).
    await switchTo({ text: '130%' }, 'medium')
    expect(await layoutProblems(page()), '1100 px at 130 % text').toEqual(fits)
    await switchTo({ text: '' }, 'wide')
  })

  test('the contact editor keeps what was typed and the focus; Save saves it', async () => {
    await switchTo({}, 'wide')
    const contacts = page().getByRole('region', { name: t('contacts.title') })
    await contacts.getByRole('button', { name: t('contact.add') }).click()
    const editor = page().getByRole('dialog', { name: t('contact.add') })
    await expect.poll(() => editor.isVisible()).toBe(true)
    const name = editor.getByLabel(t('contact.name'), { exact: true })
    const company = editor.getByLabel(t('contact.company'), { exact: true })
    const number = editor.getByLabel(t('contact.number', { index: 1 }), { exact: true })
    await name.fill('Örjan Wästberg-Lindqvist')
    await number.fill('08-120 100 64')
    await company.click()
    await page().keyboard.type('Kommunikationsavdelningen')

    await switchTo({ text: '200%' }, 'compact')
    await screenshot(page(), 'layout-switch-editor-200')
    expect(await editor.isVisible(), 'the editor is still open').toBe(true)
    expect(await name.inputValue()).toBe('Örjan Wästberg-Lindqvist')
    expect(await number.inputValue()).toBe('08-120 100 64')
    expect(await company.inputValue()).toBe('Kommunikationsavdelningen')
    expect(await focusedId(), 'the focus stays in the field typed into').toBe('contact-company')
    // Typing goes on where it was.
    await page().keyboard.type(' Syd')

    await switchTo({ text: '', width: 400 }, 'compact')
    await switchTo({ width: windowSizes.initial.width }, 'wide')
    expect(await editor.isVisible()).toBe(true)
    expect(await company.inputValue()).toBe('Kommunikationsavdelningen Syd')

    await editor.getByRole('button', { name: t('contact.save') }).click()
    await expect.poll(() => editor.count()).toBe(0)
    const row = page()
      .getByRole('list', { name: t('contacts.list') })
      .getByRole('listitem', { name: 'Örjan Wästberg-Lindqvist' })
    await expect.poll(() => textOf(row)).toContain('Kommunikationsavdelningen Syd')
    const stored = await app.main.dispatch('contacts:list', {})
    expect(stored.ok).toBe(true)
    const saved = (stored.ok ? (stored.value as Contact[]) : []).find(
      (contact) => contact.name === 'Örjan Wästberg-Lindqvist',
    )
    expect(saved?.company).toBe('Kommunikationsavdelningen Syd')
    expect(saved?.numbers.map((each) => each.value)).toEqual(['08-120 100 64'])
  })

  test('"+" in the history opens the editor above the layouts: it too survives the switch', async () => {
    await switchTo({}, 'wide')
    // A call to a number nobody has registered (Kamailio answers it): one history row.
    await dial(page(), '3199')
    await eventually(
      'the failed call in the history',
      () =>
        page()
          .getByRole('list', { name: t('history.list') })
          .getByRole('group')
          .count(),
      (rows) => rows > 0,
    )
    await expect.poll(() => ui.call(page()).count(), { timeout: 10_000 }).toBe(0)
    const row = page()
      .getByRole('list', { name: t('history.list') })
      .getByRole('group')
      .first()
    await row.getByRole('button', { name: t('history.add-contact') }).click()
    const editor = page().getByRole('dialog', { name: t('contact.add') })
    await expect.poll(() => editor.isVisible()).toBe(true)
    const name = editor.getByLabel(t('contact.name'), { exact: true })
    await name.fill('Åke Nummerlös')

    await switchTo({ width: 400 }, 'compact')
    expect(await editor.isVisible()).toBe(true)
    expect(await name.inputValue()).toBe('Åke Nummerlös')
    expect(await editor.getByLabel(t('contact.number', { index: 1 }), { exact: true }).inputValue()).toBe(
      '3199',
    )
    await editor.getByRole('button', { name: t('contact.cancel') }).click()
    await expect.poll(() => editor.count()).toBe(0)
  })

  test('my status panel keeps its note through wide → compact → wide, in the menu in compact', async () => {
    await switchTo({}, 'wide')
    const statusButton = page().getByRole('button', { name: /^My status: / })
    await statusButton.click()
    const panel = page().getByRole('dialog', { name: t('status.menu') })
    await expect.poll(() => panel.isVisible()).toBe(true)
    const note = panel.getByLabel(t('status.note'), { exact: true })
    await note.fill('Tandläkaren')

    await switchTo({ text: '200%' }, 'compact')
    expect(await page().locator('#header-menu').isVisible(), 'the menu opened to show it').toBe(true)
    expect(await panel.isVisible()).toBe(true)
    expect(await note.inputValue()).toBe('Tandläkaren')
    expect(await layoutProblems(page()), 'status panel in the menu at 200 % text').toEqual(fits)
    await screenshot(page(), 'layout-switch-status-200')

    await switchTo({ text: '' }, 'wide')
    expect(await panel.isVisible()).toBe(true)
    expect(await note.inputValue()).toBe('Tandläkaren')
    await panel.getByRole('button', { name: t('status.lunch') }).click()
    await expect.poll(() => panel.count()).toBe(0)
    await expect.poll(() => textOf(statusButton)).toContain('Tandläkaren')
    // Closing the compact menu closes the panel in it: no panel comes back on a later resize.
    await switchTo({ width: 400 }, 'compact')
    await page()
      .getByRole('button', { name: t('layout.menu') })
      .click()
    await page()
      .getByRole('button', { name: /^My status: / })
      .click()
    await expect.poll(() => panel.isVisible()).toBe(true)
    await page()
      .getByRole('button', { name: t('layout.menu') })
      .click()
    await expect.poll(() => panel.count()).toBe(0)
    await switchTo({ width: windowSizes.initial.width }, 'wide')
    expect(await panel.count()).toBe(0)
  })

  test('the status schedule dialog keeps its new rows through a change of layout', async () => {
    await switchTo({}, 'wide')
    await page()
      .getByRole('button', { name: /^My status: / })
      .click()
    const panel = page().getByRole('dialog', { name: t('status.menu') })
    await panel.getByRole('button', { name: t('status.schedule') }).click()
    const schedule = page().getByRole('dialog', { name: t('status.schedule-title') })
    await expect.poll(() => schedule.isVisible()).toBe(true)
    const removes = schedule.getByRole('button', { name: t('status.schedule-remove') })
    const before = await removes.count()
    await schedule.getByRole('button', { name: t('status.schedule-add') }).click()
    await expect.poll(() => removes.count()).toBe(before + 1)

    await switchTo({ text: '200%' }, 'compact')
    expect(await schedule.isVisible()).toBe(true)
    expect(await removes.count()).toBe(before + 1)
    await switchTo({ text: '' }, 'wide')
    expect(await removes.count()).toBe(before + 1)
    await schedule.getByRole('button', { name: t('status.cancel') }).click()
    await expect.poll(() => schedule.count()).toBe(0)
  })
})
