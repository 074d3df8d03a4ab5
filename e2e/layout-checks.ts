import type { Locator, Page } from 'playwright-core'

/** What makes a layout unusable at a window size, found in the page. */
export interface LayoutProblems {
  /** The page scrolls sideways: document scrollWidth − clientWidth (0 when it does not). */
  horizontalOverflow: number
  /**
   * Elements whose content is wider than their box (cut text, a squeezed button); an ellipsis
   * on an element carrying the whole text as its tooltip is a deliberate cut, not counted.
   */
  clipped: string[]
  /** Visible controls (buttons, fields, tabs, links) not wholly inside the window's width. */
  controlsOutside: string[]
  /** List rows whose content is taller than the row: it runs into the next row (cut or overlapped). */
  rowsCut: string[]
  /** Lists with rows whose scrolling box cannot show one whole row (the list is out of reach). */
  listsWithoutRoom: string[]
}

/** What a control is: anything a user clicks, types into or tabs to. */
const controlSelector =
  'button, input:not([type="hidden"]), select, textarea, a[href], summary, [role="button"], [role="tab"], [role="switch"], [role="checkbox"], [role="radio"], [role="menuitem"], [tabindex="0"]'

/** The answer when a layout fits: nothing scrolls sideways, nothing is cut, nothing is outside. */
export const fits: LayoutProblems = {
  horizontalOverflow: 0,
  clipped: [],
  controlsOutside: [],
  rowsCut: [],
  listsWithoutRoom: [],
}

/**
 * Looks at every visible element: content wider than its box, a control beyond the window's
 * left or right edge, the document wider than the window, a list row whose content is taller
 * than the row, a list that has no room to show a row. Visually hidden text (a 1 px clip for
 * screen readers) is not on screen and not counted.
 */
export function layoutProblems(page: Page): Promise<LayoutProblems> {
  return page.evaluate((controls) => {
    const describe = (element: Element) => {
      const name = element.getAttribute('aria-label') ?? (element.textContent ?? '').trim().slice(0, 40)
      const classes = typeof element.className === 'string' ? element.className.split(/\s+/)[0] : ''
      return `${element.tagName.toLowerCase()}${classes ? `.${classes}` : ''} "${name}"`
    }
    const visuallyHidden = (element: Element) => {
      for (let at: Element | null = element; at; at = at.parentElement) {
        const box = at.getBoundingClientRect()
        if (box.width <= 1 || box.height <= 1) return true
      }
      return false
    }
    const clipped: string[] = []
    const controlsOutside: string[] = []
    const rowsCut: string[] = []
    const listsWithoutRoom: string[] = []
    const scrollingBoxOf = (element: Element) => {
      for (let at = element.parentElement; at; at = at.parentElement)
        if (/auto|scroll/.test(getComputedStyle(at).overflowY)) return at
      return document.documentElement
    }
    const width = document.documentElement.clientWidth
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      if (!(element instanceof HTMLElement) || element.getClientRects().length === 0) continue
      if (getComputedStyle(element).visibility === 'hidden') continue
      // Before the visually-hidden test: a list squeezed to nothing is hidden that way too.
      const firstRow = element.getAttribute('role') === 'list' ? element.querySelector('li') : null
      if (firstRow && scrollingBoxOf(element).clientHeight + 1 < firstRow.getBoundingClientRect().height)
        listsWithoutRoom.push(describe(element))
      if (visuallyHidden(element)) continue
      // A deliberate cut (an ellipsis) counts only when the whole text is not its tooltip.
      const cutOnPurpose =
        getComputedStyle(element).textOverflow === 'ellipsis' && element.title.trim() !== ''
      if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0 && !cutOnPurpose)
        clipped.push(describe(element))
      if (element.tagName === 'LI' && element.scrollHeight > element.clientHeight + 1)
        rowsCut.push(describe(element))
      if (element.matches(controls)) {
        const box = element.getBoundingClientRect()
        if (box.left < -0.5 || box.right > width + 0.5) controlsOutside.push(describe(element))
      }
    }
    const root = document.documentElement
    return {
      horizontalOverflow: Math.max(0, root.scrollWidth - root.clientWidth),
      clipped,
      controlsOutside,
      rowsCut,
      listsWithoutRoom,
    }
  }, controlSelector)
}

/** True when the element is wholly inside the window (no scrolling needed to see it). */
export async function whollyInView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox()
  const size = page.viewportSize()
  if (!box || !size) return false
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height
}

/** True when nothing covers the element's centre (a menu or panel drawn over it). */
export async function uncovered(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect()
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
    return top !== null && (top === element || element.contains(top))
  })
}

/** The main screen's layout as the page shows it ('wide', 'medium', 'compact'; null signed out). */
export function layoutName(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('[data-layout]')?.getAttribute('data-layout') ?? null)
}

/**
 * The text size as a user sets it for the page (the root element's font size; '' for the
 * app's own): what a low-vision user's 200 % text does to every rem and em.
 */
export async function setTextSize(page: Page, size: string): Promise<void> {
  await page.evaluate((value) => (document.documentElement.style.fontSize = value), size)
}

/**
 * Waits for the main screen (the element that names the layout): it comes after "Registered"
 * is shown (issue 14), so right after signing in there may be no layout to read yet.
 */
export async function mainScreenShown(page: Page): Promise<void> {
  await page.waitForSelector('[data-layout]', { state: 'attached' })
}

/**
 * Waits until a change of window or text size has shown: two frames (the size observers
 * report in the first, the new layout is drawn by the second) and the panels loaded again.
 */
export async function layoutSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((done) => requestAnimationFrame(done))
    await frame()
    await frame()
  })
  await page.waitForFunction(() =>
    [
      ...document.querySelectorAll(
        '[data-layout] [role="tabpanel"]:not([hidden]), [data-layout] .columns > *',
      ),
    ].every((part) => part.childElementCount > 0),
  )
}
