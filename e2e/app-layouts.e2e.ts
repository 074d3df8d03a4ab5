import type { Locator } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest'
import type { Contact } from '../contract/schemas'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { screenshot } from './harness/artifacts'
import { seriousViolations } from './harness/axe'
import { hangUpEverything } from './harness/hang-up'
import { storedHistory } from './history-app'
import { TestPeer } from './harness/peer'
import { textOf, ui } from './harness/ui'
import { eventually } from './harness/wait'
import { fits, layoutProblems, uncovered, whollyInView } from './layout-checks'
import { expectAppTalkingWith, expectPeersTalking, recordCallStates } from './transfer-helpers'

// The three layouts through the real UI and the real Kamailio: at 400×700 (compact), 800×600
// (medium) and 1280×800 (wide) the operator answers Alice, holds her, transfers her to Carol by
// dragging the card onto Carol's contact (in compact over the Contacts tab, which springs open)
// and, on a second call, announces her first by keyboard only (T, type, Shift+Enter,
// Ctrl+Enter). At each size and state: no sideways scrolling, no clipped text or button.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')
const appUser = '4401'
const appUri = `sip:${appUser}@${pbx.domain}`
let app: TestApp
let alice: TestPeer
let carol: TestPeer

const aliceParty = /^Call with (Alice Aalto|4402)$/
const carolParty = /^Call with (Carol Dahl|4403)$/
const carolContact: Contact = {
  id: 'e2e-layout-carol',
  name: 'Carol Dahl',
  company: 'Dahl Logistics',
  favourite: false,
  numbers: [{ kind: 'work', value: '4403' }],
}

const sizes = [
  { width: 400, height: 700, layout: 'compact' },
  { width: 800, height: 600, layout: 'medium' },
  { width: 1280, height: 800, layout: 'wide' },
] as const

beforeAll(async () => {
  alice = await TestPeer.start('4402', pbx, baseUrl, 'Alice Aalto')
  carol = await TestPeer.start('4403', pbx, baseUrl, 'Carol Dahl')
  app = await startApp('layouts', { user: appUser, displayName: 'Olivia Operator' })
  const saved = await app.main.dispatch('contacts:save', carolContact)
  expect(saved.ok, JSON.stringify(saved)).toBe(true)
  await app.load()
  await app.waitRegistered()
})

afterAll(async () => {
  await app?.close()
  await alice?.close()
  await carol?.close()
})

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail')
    await screenshot(app.page, `layouts-failed-${task.name.replace(/\W+/g, '-').slice(0, 60)}`)
  await hangUpEverything(app, [alice, carol])
  await app.page.keyboard.press('Escape')
})

const page = () => app.page
const tabs = () => page().getByRole('tablist', { name: 'Views' })
const tab = (name: string) => tabs().getByRole('tab', { name })
const contactRow = (): Locator =>
  page().getByRole('list', { name: 'Contact list' }).getByRole('listitem', { name: 'Carol Dahl' })
const announcement = () => textOf(page().getByRole('status', { name: 'Announcements' }))
const focusedId = () => page().evaluate(() => document.activeElement?.id ?? '')
const layoutName = () => page().locator('[data-layout]').getAttribute('data-layout')

/** Nothing scrolls sideways, nothing is cut, every button is inside the window. */
async function expectFits(what: string): Promise<void> {
  const problems = await layoutProblems(page())
  expect(problems, what).toEqual(fits)
}

/** The window at a size, the layout for it in place, no call on screen. */
async function atSize(size: (typeof sizes)[number]): Promise<void> {
  await page().setViewportSize({ width: size.width, height: size.height })
  await expect.poll(layoutName).toBe(size.layout)
  await expect.poll(() => ui.call(page()).count()).toBe(0)
}

/** Alice calls; the ringing card's Answer and Reject are in view; the operator answers by click. */
async function aliceCallsAndIsAnswered(shot: string): Promise<{ aliceCall: number; card: Locator }> {
  const aliceCall = await alice.call(appUri)
  const card = ui.liveCall(page(), aliceParty)
  await expect.poll(() => textOf(card), { timeout: 15_000 }).toMatch(/Incoming call/)
  const answer = card.getByRole('button', { name: 'Answer' })
  const reject = card.getByRole('button', { name: 'Reject' })
  for (const [button, name] of [
    [answer, 'Answer'],
    [reject, 'Reject'],
  ] as const) {
    expect(await whollyInView(page(), button), `${name} in view without scrolling`).toBe(true)
    expect(await uncovered(button), `${name} not covered`).toBe(true)
  }
  if (shot) {
    await expectFits(`ringing, ${shot}`)
    await screenshot(page(), `layouts-${shot}-ringing`)
  }
  await answer.click()
  await alice.waitForCall((c) => c.id === aliceCall && c.state === 'Established', 'alice answered by the app')
  await expect.poll(() => textOf(card)).toMatch(/Connected/)
  await expectAppTalkingWith(app, alice, aliceCall)
  return { aliceCall, card }
}

/** Alice is with Carol now (the app's REFER), they talk, and the app has no call left. */
async function aliceWithCarol(aliceCall: number): Promise<{ replaces: boolean }> {
  const fromAlice = await alice.waitForCall(
    (c) => c.id > aliceCall && c.direction === 'outgoing' && c.referredBy !== '' && c.state === 'Established',
    'alice’s new call to carol, placed on the app’s REFER',
    20_000,
  )
  const atCarol = await carol.waitForCall(
    (c) => c.direction === 'incoming' && c.remoteUser === '4402' && c.state === 'Established',
    'carol talking with alice',
    20_000,
  )
  await expectPeersTalking(alice, fromAlice.id, carol, atCarol.id)
  await alice.waitForCall((c) => c.id === aliceCall && c.state === 'Terminated', 'the app left alice’s call')
  await eventually(
    'no live call in the app',
    () => ui.liveCall(page()).count(),
    (live) => live === 0,
  )
  return { replaces: Boolean(atCarol.incomingHeaders.Replaces) }
}

describe.each(sizes)('at $width×$height ($layout)', (size) => {
  const name = `${size.width}x${size.height}`

  test('idle, ringing and in-call fit; answer and hold by click; blind transfer by drag', async () => {
    await atSize(size)
    await expectFits(`idle, ${name}`)
    expect(await seriousViolations(page()), `axe, idle, ${name}`).toEqual([])
    await screenshot(page(), `layouts-${name}-idle`)
    await carol.setAutoAnswer(true)
    if (size.layout === 'compact') await tab('Keypad').click()

    const { aliceCall, card } = await aliceCallsAndIsAnswered(name)
    await expectFits(`in call, ${name}`)
    await screenshot(page(), `layouts-${name}-in-call`)

    await card.getByRole('button', { name: 'Hold' }).click()
    await expect.poll(() => textOf(card), { timeout: 10_000 }).toMatch(/On hold/)
    await alice.waitForCall(
      (c) => c.id === aliceCall && /sendonly|inactive/.test(c.remoteDirection),
      'alice held by the app',
    )
    await expectFits(`on hold, ${name}`)
    await card.getByRole('button', { name: 'Resume' }).click()
    await expect.poll(() => textOf(card), { timeout: 10_000 }).toMatch(/Connected/)
    await alice.waitForCall((c) => c.id === aliceCall && c.remoteDirection === 'sendrecv', 'alice resumed')

    // A real mouse drag: press on the card; in compact rest on the Contacts tab until it
    // springs open, then go on to Carol's row and release there.
    const from = await card.boundingBox()
    if (!from) throw new Error('the call card is not on screen')
    await page().mouse.move(from.x + 20, from.y + 15)
    await page().mouse.down()
    if (size.layout === 'compact') {
      expect(await contactRow().isVisible()).toBe(false)
      const over = await tab('Contacts').boundingBox()
      if (!over) throw new Error('the Contacts tab is not on screen')
      await page().mouse.move(over.x + over.width / 2, over.y + over.height / 2, { steps: 8 })
      await expect.poll(() => tab('Contacts').getAttribute('aria-selected')).toBe('true')
    }
    const to = await contactRow().boundingBox()
    if (!to) throw new Error('Carol is not on screen')
    await page().mouse.move(to.x + to.width / 2, to.y + 12, { steps: 8 })
    await expect.poll(() => contactRow().locator('.drop-active').count()).toBeGreaterThan(0)
    await page().mouse.up()
    const { replaces } = await aliceWithCarol(aliceCall)
    expect(replaces).toBe(false)
  })

  test('attended transfer by keyboard only: T, type, Shift+Enter, Ctrl+Enter', async () => {
    await atSize(size)
    if (size.layout === 'compact') await tab('History').click()
    const { aliceCall, card } = await aliceCallsAndIsAnswered('')

    await page().keyboard.press('t')
    await expect.poll(focusedId).toBe('contact-search')
    if (size.layout === 'compact') expect(await tab('Contacts').getAttribute('aria-selected')).toBe('true')
    await page().keyboard.type('dahl logistics')
    await page().keyboard.press('Shift+Enter')
    const ringing = await carol.waitForCall(
      (c) => c.direction === 'incoming' && c.remoteUser === appUser && c.state === 'Initial',
      'consultation INVITE at carol',
    )
    await expect.poll(() => textOf(card), { timeout: 10_000 }).toMatch(/On hold/)
    await carol.setAutoAnswer(true)
    await carol.answer(ringing.id)
    const consultCard = ui.liveCall(page(), carolParty)
    await expect.poll(() => textOf(consultCard), { timeout: 10_000 }).toMatch(/Connected/)
    await expectAppTalkingWith(app, carol, ringing.id)
    await expectFits(`two calls, ${name}`)
    await screenshot(page(), `layouts-${name}-consulting`)

    await page().keyboard.press('Control+Enter')
    const { replaces } = await aliceWithCarol(aliceCall)
    expect(replaces).toBe(true)
  })
})

describe('compact, and the widths where the layout changes', () => {
  test('announce first by drag: call the contact from its tab, then drop the held call on the new one', async () => {
    await atSize(sizes[0])
    await tab('Keypad').click()
    const { aliceCall, card } = await aliceCallsAndIsAnswered('')
    await tab('Contacts').click()
    await contactRow().getByRole('button', { name: 'Call Carol Dahl, work' }).click()
    const ringing = await carol.waitForCall(
      (c) => c.direction === 'incoming' && c.remoteUser === appUser && c.state === 'Initial',
      'consultation INVITE at carol',
    )
    await expect.poll(() => textOf(card), { timeout: 10_000 }).toMatch(/On hold/)
    await carol.setAutoAnswer(true)
    await carol.answer(ringing.id)
    const consultCard = ui.liveCall(page(), carolParty)
    await expect.poll(() => textOf(consultCard), { timeout: 10_000 }).toMatch(/Connected/)
    await expectAppTalkingWith(app, carol, ringing.id)

    await card.dragTo(consultCard)
    const { replaces } = await aliceWithCarol(aliceCall)
    expect(replaces).toBe(true)
  })

  test('an ended call leaves the call area, is said in the live region and stored once', async () => {
    await atSize(sizes[0])
    const before = (await storedHistory(app)).length
    const { aliceCall } = await aliceCallsAndIsAnswered('')
    const seen = await recordCallStates(page())
    await alice.hangup(aliceCall)
    await expect.poll(announcement).toMatch(/Call with Alice Aalto ended/)
    await expect.poll(() => ui.call(page()).count()).toBe(0)
    // The card said "Ended" on its way out.
    expect(
      (await seen()).some((entry) => aliceParty.test(entry.split(':')[0] ?? '') && /Ended/.test(entry)),
    ).toBe(true)
    const stored = await eventually(
      'the call in main’s history',
      () => storedHistory(app),
      (entries) => entries.length > before,
    )
    expect(stored.length).toBe(before + 1)
    const newest = stored.reduce((a, b) => (b.startedAt > a.startedAt ? b : a))
    expect([newest.remoteNumber, newest.outcome]).toEqual(['4402', 'answered'])
  })

  test('at the breakpoints (700, 999, 1000 px) nothing scrolls sideways or is cut', async () => {
    for (const [width, layout] of [
      [699, 'compact'],
      [700, 'medium'],
      [999, 'medium'],
      [1000, 'wide'],
    ] as const) {
      await page().setViewportSize({ width, height: 600 })
      await expect.poll(layoutName).toBe(layout)
      await expectFits(`${width} px`)
    }
  })

  test('the narrowest window (360 px): nothing scrolls sideways or is cut, the menu included', async () => {
    await page().setViewportSize({ width: 360, height: 640 })
    await expect.poll(layoutName).toBe('compact')
    for (const name of ['Keypad', 'Contacts', 'History']) {
      await tab(name).click()
      await expectFits(`360 px, ${name}`)
    }
    await page().getByRole('button', { name: 'Menu' }).click()
    await expectFits('360 px, menu open')
    await screenshot(page(), 'layouts-360x640-menu')
    await page().keyboard.press('Escape')
  })

  test('the header menu holds status, Settings and Sign out; Escape closes it', async () => {
    await atSize(sizes[0])
    const menu = page().getByRole('button', { name: 'Menu' })
    await expect.poll(() => ui.signOut(page()).count()).toBe(0)
    await menu.click()
    expect(await menu.getAttribute('aria-expanded')).toBe('true')
    const panel = page().getByRole('region', { name: 'Status, settings and sign out' })
    for (const control of [
      ui.signOut(page()),
      panel.getByRole('button', { name: 'Settings' }),
      panel.getByRole('switch', { name: 'Do not disturb' }),
    ])
      expect(await whollyInView(page(), control)).toBe(true)
    await expectFits('menu open')
    expect(await seriousViolations(page()), 'axe, menu open').toEqual([])
    await screenshot(page(), 'layouts-400x700-menu')
    // The status control placed in the header shows in the menu too, its panel inside the window.
    await panel.getByRole('button', { name: /^My status: / }).click()
    const statusPanel = page().getByRole('dialog', { name: 'Set my status' })
    await expect.poll(() => statusPanel.isVisible()).toBe(true)
    await expectFits('status panel in the menu')
    await screenshot(page(), 'layouts-400x700-menu-status')
    await page().keyboard.press('Escape')
    await expect.poll(() => statusPanel.count()).toBe(0)
    expect(await ui.signOut(page()).isVisible()).toBe(true)
    await page().keyboard.press('Escape')
    await expect.poll(() => ui.signOut(page()).count()).toBe(0)
    expect(await focusedId()).toBe('')
    expect(await page().evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe(
      'header-menu',
    )
  })

  test('a call ringing while the header menu is open: the menu closes, Answer and Reject are free', async () => {
    await atSize(sizes[0])
    await page().getByRole('button', { name: 'Menu' }).click()
    await expect.poll(() => ui.signOut(page()).count()).toBe(1)
    await aliceCallsAndIsAnswered('')
    expect(await ui.signOut(page()).count()).toBe(0)
  })

  test('every shortcut works as in the wide window: it opens the tab holding its field', async () => {
    await atSize(sizes[0])
    await tab('Keypad').click()
    await page().keyboard.press('y')
    await expect.poll(() => tab('History').getAttribute('aria-selected')).toBe('true')
    await expect.poll(focusedId).toBe('history-search')
    await page().keyboard.press('Control+f')
    await expect.poll(() => tab('Contacts').getAttribute('aria-selected')).toBe('true')
    await expect.poll(focusedId).toBe('contact-search')
    await page().keyboard.press('Control+d')
    await expect.poll(() => tab('Keypad').getAttribute('aria-selected')).toBe('true')
    await expect.poll(focusedId).toBe('dial-field')
    // The tab list itself: arrow keys move the selection and the focus (ARIA tabs pattern).
    await tab('Keypad').focus()
    await page().keyboard.press('ArrowRight')
    await expect.poll(() => tab('Contacts').getAttribute('aria-selected')).toBe('true')
    expect(await focusedId()).toBe('tab-contacts')
    await page().keyboard.press('End')
    expect(await focusedId()).toBe('tab-history')
    expect(await page().getByRole('tabpanel', { name: 'History' }).count()).toBe(1)
  })
})

test('in Swedish (longer words) the compact window fits too: every tab and the menu at 360 px', async () => {
  const swedish = await startApp(
    'layouts-sv',
    { user: '4404', displayName: 'Åsa Östlund' },
    { locale: 'sv-SE' },
  )
  try {
    await swedish.page.setViewportSize({ width: 360, height: 640 })
    const registration = swedish.page.getByRole('status', { name: 'Registrering' })
    await expect.poll(() => registration.textContent(), { timeout: 15_000 }).toContain('Registrerad')
    const views = swedish.page.getByRole('tablist', { name: 'Vyer' })
    for (const name of ['Knappsats', 'Kontakter', 'Historik']) {
      await views.getByRole('tab', { name }).click()
      const problems = await layoutProblems(swedish.page)
      expect(problems, `sv, ${name}`).toEqual(fits)
    }
    await swedish.page.getByRole('button', { name: 'Meny' }).click()
    expect(await swedish.page.getByRole('button', { name: 'Logga ut' }).isVisible()).toBe(true)
    const problems = await layoutProblems(swedish.page)
    expect(problems, 'sv, menu').toEqual(fits)
    await screenshot(swedish.page, 'layouts-sv-360x640-menu')
  } finally {
    await swedish.close()
  }
})
