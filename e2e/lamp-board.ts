import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { expect } from 'vitest'
import type { Contact } from '../contract/schemas'
import type { TestApp } from './harness/app'
import { eventually } from './harness/wait'

// Colleagues' lamps as the operator sees them, for the e2e files that drive a presence server
// (Kamailio, or SIPp playing a misbehaving one): contacts stored and watched before the page
// loads, each lamp read by its accessible name, every label a lamp ever showed recorded.

/** A colleague with one number (an extension at the PBX, or a SIP address elsewhere). */
export function colleague(id: string, name: string, number: string): Contact {
  return { id, name, company: '', favourite: false, numbers: [{ kind: 'work', value: number }] }
}

/** Stores the contacts and watches them all (as their stars would), then reloads the page. */
export async function watchColleagues(app: TestApp, contacts: Contact[]): Promise<void> {
  for (const contact of contacts) {
    const saved = await app.main.dispatch('contacts:save', contact)
    expect(saved.ok, JSON.stringify(saved)).toBe(true)
  }
  const watched = await app.main.dispatch('preferences:update', {
    watchedContacts: contacts.map((c) => c.id),
  })
  expect(watched.ok, JSON.stringify(watched)).toBe(true)
  await app.load()
  await app.waitRegistered()
}

export const contactRow = (app: TestApp, name: string): Locator =>
  app.page.getByRole('list', { name: 'Contact list' }).getByRole('listitem', { name })

export const lampOf = (app: TestApp, name: string): Locator =>
  contactRow(app, name).getByRole('img', { name: new RegExp(`^${name}: `) })

export async function lampLabel(app: TestApp, name: string): Promise<string> {
  const lamp = lampOf(app, name)
  return (await lamp.count()) ? ((await lamp.getAttribute('aria-label')) ?? '') : ''
}

export async function expectLamp(
  app: TestApp,
  name: string,
  label: RegExp,
  timeoutMs = 15_000,
): Promise<void> {
  await eventually(
    `${name}'s lamp ${String(label)}`,
    () => lampLabel(app, name),
    (l) => label.test(l),
    timeoutMs,
  )
}

/**
 * Records every label any lamp shows from now on (a MutationObserver in the page), so a state
 * that lasted one render is seen too. `labels()` reads them in order.
 */
export async function recordLampLabels(app: TestApp): Promise<{ labels(): Promise<string[]> }> {
  await app.page.evaluate(() => {
    const w = window as unknown as { __lampLabels?: string[] }
    if (w.__lampLabels) return void (w.__lampLabels.length = 0)
    const seen: string[] = []
    const take = () => {
      for (const lamp of document.querySelectorAll('[data-lamp]')) {
        const label = lamp.getAttribute('aria-label') ?? ''
        if (!seen.includes(label)) seen.push(label)
      }
    }
    take()
    new MutationObserver(take).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-label'],
    })
    w.__lampLabels = seen
  })
  return {
    labels: () =>
      app.page.evaluate(() => [...(window as unknown as { __lampLabels: string[] }).__lampLabels]),
  }
}

/** The app's log (parley.log) as written so far. */
export function appLog(app: TestApp): string {
  const file = join(app.logFolder, 'parley.log')
  return existsSync(file) ? readFileSync(file, 'utf8') : ''
}

/** Waits until the app's log has a line matching each pattern. */
export async function expectLogged(app: TestApp, patterns: RegExp[], timeoutMs = 15_000): Promise<void> {
  await eventually(
    `log lines ${patterns.map(String).join(', ')}`,
    async () => appLog(app),
    (log) => patterns.every((p) => p.test(log)),
    timeoutMs,
  ).catch((error: unknown) => {
    const missing = patterns.filter((p) => !p.test(appLog(app)))
    throw new Error(
      `missing in parley.log: ${missing.map(String).join(', ')} (${String(error).slice(0, 200)})`,
    )
  })
}
