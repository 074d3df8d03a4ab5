import { afterEach, expect, inject, test } from 'vitest'
import type { AccountState } from '../contract/ipc'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { TestPbx } from './harness/pbx'
import { TestPeer } from './harness/peer'
import { signIn, ui } from './harness/ui'
import { eventually } from './harness/wait'

// The voicemail settings of the account form, through the real UI and the real Kamailio:
// "Show new voicemail" off means no SUBSCRIBE message-summary reaches the PBX at all; the
// voicemail number is what the Voicemail button dials; an admin's policy presets and locks both.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
const controller = new TestPbx(pbx)
const opened: { close(): Promise<void> }[] = []

afterEach(async () => {
  for (const closable of opened.splice(0).reverse()) await closable.close()
})

/** message-summary SUBSCRIBEs (not the Expires: 0 that ends one) the PBX received from `user`. */
const mwiSubscribes = (user: string) =>
  controller
    .presenceTaps()
    .filter((tap) => tap.method === 'SUBSCRIBE' && tap.event === 'message-summary' && tap.fromUser === user)
    .filter((tap) => tap.expires !== '0')
/** PUBLISHes of the status from `user`: the app sends one after every registration. */
const statusPublishes = (user: string) =>
  controller.presenceTaps().filter((tap) => tap.method === 'PUBLISH' && tap.fromUser === user)

async function openAccountForm(app: TestApp) {
  await ui.signOut(app.page).click()
  const form = ui.accountForm(app.page)
  await expect.poll(() => form.isVisible()).toBe(true)
  return form
}

async function signInAgain(app: TestApp) {
  const form = ui.accountForm(app.page)
  await form.getByLabel('Password').fill(pbx.password)
  await form.getByRole('button', { name: 'Sign in' }).click()
  await app.waitRegistered()
}

test('"Show new voicemail" off: after signing in again no message-summary SUBSCRIBE reaches Kamailio', async () => {
  const app = await startApp('voicemail-settings-watch', { user: '7305' })
  opened.push(app)
  await app.waitRegistered()
  // on by default: the mailbox is watched
  await eventually(
    'the first message-summary SUBSCRIBE',
    async () => mwiSubscribes('7305'),
    (t) => t.length > 0,
  )

  const form = await openAccountForm(app)
  const watch = form.getByRole('switch', { name: 'Show new voicemail' })
  expect(await watch.isChecked()).toBe(true)
  await watch.uncheck()
  const subscribed = mwiSubscribes('7305').length
  const published = statusPublishes('7305').length
  await signInAgain(app)
  // main stored the choice (validated against the account schema)
  const state = await app.main.dispatch('account:get', undefined)
  expect(state.ok && (state.value as AccountState).account?.voicemailWatch).toBe(false)
  // signed in and at work: the status went out after registering, where the SUBSCRIBE would have
  await eventually(
    'the status PUBLISH after signing in',
    async () => statusPublishes('7305'),
    (t) => t.length > published,
  )
  await new Promise((resolve) => setTimeout(resolve, 2_000))
  expect(mwiSubscribes('7305').length).toBe(subscribed)
  // and a restart keeps it off
  await app.restart()
  await app.waitRegistered()
  await eventually(
    'the status PUBLISH after the restart',
    async () => statusPublishes('7305'),
    (t) => t.length > published + 1,
  )
  await new Promise((resolve) => setTimeout(resolve, 2_000))
  expect(mwiSubscribes('7305').length).toBe(subscribed)
}, 120_000)

test('the voicemail number changed in the form is what the Voicemail button dials', async () => {
  const mailbox = await TestPeer.start('7306', pbx, baseUrl, 'Voicemail')
  opened.push(mailbox)
  const app = await startApp('voicemail-settings-number', { user: '7304' })
  opened.push(app)
  await app.waitRegistered()
  await expect.poll(() => app.page.getByRole('button', { name: /^Voicemail \(555\)/ }).count()).toBe(1)

  const form = await openAccountForm(app)
  const number = form.getByLabel('Voicemail number')
  expect(await number.inputValue()).toBe('555')
  // a number with letters is refused beside the field, nothing stored
  await number.fill('55x')
  await form.getByRole('button', { name: 'Sign in' }).click()
  await expect.poll(() => number.getAttribute('aria-invalid')).toBe('true')
  await number.fill('7306')
  await signInAgain(app)

  await app.page.getByRole('button', { name: /^Voicemail \(7306\)/ }).click()
  const call = await mailbox.waitForCall(
    (c) => c.state === 'Initial' || c.state === 'Establishing',
    'the voicemail call',
  )
  expect(call).toBeDefined()
  expect(
    controller
      .inviteTaps()
      .some((tap) => tap.way === 'rx' && tap.fromUser === '7304' && tap.ruriUser === '7306'),
  ).toBe(true)
  await mailbox.hangup()
}, 120_000)

test('an admin policy presets the number and locks both: read-only in the form, followed at the PBX', async () => {
  // deployed with a policy, first start: the person signs in through the form
  const policy = {
    voicemailNumber: '7307',
    voicemailWatch: false,
    locked: ['voicemailNumber', 'voicemailWatch'],
  }
  const app = await startApp('voicemail-settings-policy', undefined, { policy: { json: policy } })
  opened.push(app)
  const form = ui.accountForm(app.page)
  await expect.poll(() => form.isVisible()).toBe(true)
  const number = form.getByLabel('Voicemail number')
  expect(await number.inputValue()).toBe('7307')
  expect(await number.getAttribute('readonly')).not.toBeNull()
  const watch = form.getByRole('switch', { name: 'Show new voicemail' })
  expect(await watch.isChecked()).toBe(false)
  expect(await watch.isDisabled()).toBe(true)
  expect(await form.getByText('Set by your administrator').count()).toBeGreaterThan(0)
  await signIn(app.page, { user: '7303' }, pbx)
  await app.waitRegistered()

  await expect.poll(() => app.page.getByRole('button', { name: /^Voicemail \(7307\)/ }).count()).toBe(1)
  await eventually(
    'the status PUBLISH after signing in',
    async () => statusPublishes('7303'),
    (t) => t.length > 0,
  )
  await new Promise((resolve) => setTimeout(resolve, 2_000))
  expect(mwiSubscribes('7303')).toEqual([])
}, 120_000)
