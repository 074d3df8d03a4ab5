import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { TestPeer } from './harness/peer'

// Voicemail waiting through the real UI and the real Kamailio: Parley (4650) watches its
// mailbox (SUBSCRIBE message-summary); a SIP.js peer (4651, as a voicemail system would)
// PUBLISHes the mailbox's summary to the PBX; the count appears on the Voicemail button, and a
// second PUBLISH with no new messages clears it. Nothing here talks to Parley but the PBX.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
const mailbox = `sip:4650@${pbx.domain}`
let app: TestApp
let voicemailSystem: TestPeer

const summary = (news: number, old: number) =>
  `Messages-Waiting: ${news > 0 ? 'yes' : 'no'}\r\nMessage-Account: ${mailbox}\r\nVoice-Message: ${news}/${old} (0/0)\r\n`

beforeAll(async () => {
  voicemailSystem = await TestPeer.start('4651', pbx, baseUrl)
  app = await startApp('voicemail-waiting', { user: '4650' })
  await app.waitRegistered()
})

afterAll(async () => {
  await app?.close()
  await voicemailSystem?.close()
})

test('a new-message summary at the PBX shows on the Voicemail button; the next one clears it', async () => {
  const button = app.page.getByRole('button', { name: /^Voicemail \(555\)/ })
  await expect.poll(() => button.count()).toBe(1)
  expect(await app.page.getByTestId('voicemail-badge').count()).toBe(0)

  const state = await voicemailSystem.publish(
    'message-summary',
    'application/simple-message-summary',
    summary(2, 3),
    mailbox,
  )
  expect(state).toBe('Published')
  // the count is part of the button's name (a screen reader hears it), shown as a small badge
  const withCount = app.page.getByRole('button', { name: /^Voicemail \(555\)\s*2 new voicemail messages$/ })
  await expect.poll(() => withCount.count(), { timeout: 15_000 }).toBe(1)
  expect(await app.page.getByTestId('voicemail-badge').textContent()).toContain('2')

  await voicemailSystem.publish(
    'message-summary',
    'application/simple-message-summary',
    summary(0, 5),
    mailbox,
  )
  await expect.poll(() => app.page.getByTestId('voicemail-badge').count(), { timeout: 15_000 }).toBe(0)
  // the button still dials the voicemail number as before
  expect(await button.isEnabled()).toBe(true)
})
