import type { Locator, Page } from 'playwright-core'
import type { TestAccount } from './app'
import { wsUrl, type PbxInfo } from './pbx'

/**
 * The app's screens by the accessible names the components render (English). Tests
 * use these instead of selectors so a renamed label breaks in one place.
 */
export const ui = {
  accountForm: (page: Page): Locator => page.getByRole('form', { name: 'Account' }),
  registration: (page: Page): Locator => page.getByRole('status', { name: 'Registration' }),
  dialField: (page: Page): Locator => page.getByLabel('Number to call'),
  callButton: (page: Page): Locator => page.getByRole('button', { name: 'Call', exact: true }),
  dialpad: (page: Page): Locator => page.getByRole('group', { name: 'Dialpad' }),
  calls: (page: Page): Locator => page.getByRole('list', { name: 'Calls' }),
  /** Every call card, or those with that party ("Call with <name or number>", or a pattern). */
  call: (page: Page, party?: string | RegExp): Locator =>
    party === undefined
      ? page.getByRole('list', { name: 'Calls' }).getByRole('listitem')
      : page.getByRole('list', { name: 'Calls' }).getByRole('listitem', {
          name: typeof party === 'string' ? `Call with ${party}` : party,
        }),
  /** The call cards that are not over yet (an ended card lingers a moment, with no buttons). */
  liveCall: (page: Page, party?: string | RegExp): Locator =>
    ui.call(page, party).filter({ has: page.getByRole('button') }),
  alerts: (page: Page): Locator => page.getByRole('alert'),
  signOut: (page: Page): Locator => page.getByRole('button', { name: 'Sign out' }),
}

/**
 * Text of the first match, '' when nothing matches (so polling never waits on a locator). One
 * read, no wait: a card that goes away between a count and a read (an ended call leaving the
 * list) must read as gone, not time out.
 */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.allTextContents())[0] ?? ''
}

/** Fills the login form like a person would and presses "Sign in". */
export async function signIn(page: Page, account: TestAccount, pbx: PbxInfo): Promise<void> {
  const form = ui.accountForm(page)
  await form.getByLabel('Display name').fill(account.displayName ?? account.user)
  await form.getByLabel('SIP address').fill(`${account.user}@${pbx.domain}`)
  await form.getByLabel('Password').fill(account.password ?? pbx.password)
  await form.getByLabel('WebSocket server').fill(wsUrl(pbx))
  await form.getByRole('button', { name: 'Sign in' }).click()
}

/** Types a number into the dial field and clicks "Call". */
export async function dial(page: Page, number: string): Promise<void> {
  await ui.dialField(page).fill(number)
  await ui.callButton(page).click()
}
