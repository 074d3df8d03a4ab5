import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { inject } from 'vitest'

/** Saves what the user sees as e2e-artifacts/<name>.png (git-ignored) for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(inject('artifactsDir'), `${name}.png`), fullPage: true })
}
