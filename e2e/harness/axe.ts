import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeFinding {
  id: string
  impact: string
  nodes: string[]
}

/** axe-core run in the page: the serious and critical violations of WCAG 2.1 A/AA rules. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  // evaluated over the devtools protocol: the page's CSP (rightly) refuses injected <script>s
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }
    ).axe
    interface AxeResult {
      violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[]
    }
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? '',
        nodes: violation.nodes.map((node) => node.target.join(' ')),
      }))
  })
}

/** Visible labels whose text does not fit their box (cut off or hidden by overflow). */
export async function clippedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clipped: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>(
      'button, label, h1, h2, h3, legend, [role="status"], option',
    )) {
      const style = getComputedStyle(element)
      if (element.offsetParent === null || style.visibility === 'hidden') continue
      if (element.closest('.visually-hidden')) continue
      const overflowing = element.scrollWidth > element.clientWidth + 1
      const hides = style.overflow !== 'visible' || style.textOverflow === 'ellipsis'
      if (overflowing && hides) clipped.push((element.textContent ?? '').trim())
    }
    return clipped
  })
}
