import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Locator } from 'playwright-core'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { runSipp } from './harness/sipp'
import { textOf, ui } from './harness/ui'
import { historyUi } from './history-ui'

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
    keys: { caller: 'sipp', display: hostile, extra: 'X-Parley-Test: crafted' },
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

/** Left edges of the first and last character of an element's text, as laid out on screen. */
async function firstAndLastCharacterX(locator: Locator): Promise<[number, number]> {
  return await locator.evaluate((element) => {
    const text = element.firstChild as Text
    const range = document.createRange()
    const edge = (at: number) => {
      range.setStart(text, at)
      range.setEnd(text, at + 1)
      return range.getBoundingClientRect().left
    }
    return [edge(0), edge(text.length - 1)] as [number, number]
  })
}

test('an Arabic letter mark in the name cannot reverse the number: stripped, number left to right, name isolated', async () => {
  const sipp = await runSipp(pbx, {
    scenario: 'invite-until-refused.xml',
    service: appUser,
    keys: { caller: '+15550100', display: 'محمد\u061c\u200f', extra: 'X-Parley-Test: bidi' },
  })
  try {
    const card = ui.liveCall(app.page, /^Call with محمد/)
    await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
    const name = card.locator('.name')
    expect(await name.textContent()).toBe('محمد')
    expect(await name.evaluate((element) => getComputedStyle(element).unicodeBidi)).toBe('isolate')
    const number = card.locator('.number')
    expect(await number.getAttribute('dir')).toBe('ltr')
    const [plus, lastDigit] = await firstAndLastCharacterX(number)
    expect(plus).toBeLessThan(lastDigit)
    await card.getByRole('button', { name: 'Reject' }).click()
    expect((await sipp.done).code).toBe(0)

    const entry = historyUi.entry(app.page, /^محمد, incoming/)
    await expect.poll(() => entry.count(), { timeout: 10_000 }).toBe(1)
    expect(await entry.locator('.name').evaluate((element) => getComputedStyle(element).unicodeBidi)).toBe(
      'isolate',
    )
    const historyNumber = entry.locator('.number')
    expect(await historyNumber.getAttribute('dir')).toBe('ltr')
    const [historyPlus, historyLast] = await firstAndLastCharacterX(historyNumber)
    expect(historyPlus).toBeLessThan(historyLast)
  } finally {
    sipp.stop()
  }
})
