import type { Locator, Page } from 'playwright-core'

/** The History view by its accessible names (as HistoryView.svelte renders them). */
export const historyUi = {
  region: (page: Page): Locator => page.getByRole('region', { name: 'History' }),
  list: (page: Page): Locator => historyUi.region(page).getByRole('list', { name: 'Call history' }),
  /** One entry (role group) by its label "<name or number>, <direction>, <outcome>…, <time>". */
  entry: (page: Page, label: RegExp): Locator => historyUi.list(page).getByRole('group', { name: label }),
  filter: (page: Page, name: 'All' | 'Missed' | 'Incoming' | 'Outgoing'): Locator =>
    historyUi.region(page).getByRole('button', { name, exact: true }),
  search: (page: Page): Locator => historyUi.region(page).getByLabel('Search history'),
  badge: (page: Page): Locator => historyUi.region(page).getByLabel(/^\d+ missed calls?$/),
}

/**
 * Labels of the entries shown, top to bottom. The list is virtual (only rows in view are in the
 * DOM), so tests keep it short enough to be fully rendered; `shownCount` says how many exist.
 */
export async function shownLabels(page: Page): Promise<string[]> {
  return historyUi
    .list(page)
    .locator('[data-history-index]')
    .evaluateAll((elements) =>
      elements
        .map((element) => ({
          index: Number(element.getAttribute('data-history-index')),
          label: element.getAttribute('aria-label') ?? '',
        }))
        .sort((a, b) => a.index - b.index)
        .map((row) => row.label),
    )
}

/** How many entries the list has (aria-setsize counts rows not rendered too); 0 when empty. */
export async function shownCount(page: Page): Promise<number> {
  const rows = historyUi.list(page).getByRole('listitem')
  if ((await rows.count()) === 0) return 0
  return Number((await rows.first().getAttribute('aria-setsize', { timeout: 2_000 })) ?? '0')
}

/**
 * Text cut off in an entry (an element whose content is wider than its box and is clipped, as
 * with `text-overflow: ellipsis`): present in the DOM, yet a person cannot read it.
 */
export async function clippedTexts(entry: Locator): Promise<string[]> {
  return entry.locator('*').evaluateAll((elements) =>
    elements
      .filter((element) => {
        const style = getComputedStyle(element)
        const clips = style.overflowX === 'hidden' || style.overflow === 'hidden'
        return clips && element.scrollWidth > element.clientWidth + 1
      })
      .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()),
  )
}
