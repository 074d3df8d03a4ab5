import type { Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest'
import { translate, type ArgsOf, type Language, type MessageKey } from '../contract/i18n'
import type { Contact } from '../contract/schemas'
import type { TestApp } from './harness/app'
import { startApp } from './harness/app-fixture'
import { screenshot } from './harness/artifacts'
import { clippedLabels, seriousViolations } from './harness/axe'
import { hangUpEverything } from './harness/hang-up'
import { wsUrl } from './harness/pbx'
import { TestPeer } from './harness/peer'
import { textOf } from './harness/ui'
import { eventually } from './harness/wait'
import { expectAppTalkingWith, expectPeersTalking } from './transfer-helpers'
import { csvHeaderKeys } from '../main/history/history-csv'
import { windowSizes } from '../main/window/main-window'
import { fits, layoutName, layoutProblems, layoutSettled, setTextSize, whollyInView } from './layout-checks'

// Every screen in both languages, through the real UI against the real Kamailio: the browser's
// language decides (sv-SE, en-GB). One journey per language: sign in, the keyboard help,
// Settings, a contact, a call ringing / connected / on hold, a consultation and the attended
// transfer that follows, the history and its CSV export. On each screen, in the window's first
// size (1100×720) and again with 200 % text in it: axe-core finds no serious or critical
// violation, nothing scrolls sideways, no control is beyond the window's edge, no label is
// clipped (at 200 % text in compact, on every tab), and a screenshot goes to e2e-artifacts/.
// What the live region announced is recorded in the page and checked in the screen's language.
const pbx = inject('pbx')
const baseUrl = inject('baseUrl')

interface Journey {
  language: Language
  locale: string
  app: string
  alice: string
  carol: string
  /** Words a native speaker expects on the buttons, spelled out (not read from the catalogue). */
  words: { answer: string; hold: string; resume: string; complete: string; hangUp: string; connected: string }
}

const journeys: Journey[] = [
  {
    language: 'sv',
    locale: 'sv-SE',
    app: '5001',
    alice: '5002',
    carol: '5003',
    words: {
      answer: 'Svara',
      hold: 'Parkera',
      resume: 'Återta',
      complete: 'Slutför kopplingen',
      hangUp: 'Lägg på',
      connected: 'Pågående',
    },
  },
  {
    language: 'en',
    locale: 'en-GB',
    app: '5011',
    alice: '5012',
    carol: '5013',
    words: {
      answer: 'Answer',
      hold: 'Hold',
      resume: 'Resume',
      complete: 'Complete transfer',
      hangUp: 'Hang up',
      connected: 'Connected',
    },
  },
]

/** Records every text the live region says, in order, from the moment it is installed. */
async function recordAnnouncements(page: Page, regionName: string): Promise<void> {
  await page.evaluate((name) => {
    const w = window as unknown as { __said: string[] }
    w.__said = []
    const region = document.querySelector(`[role="status"][aria-label="${name}"]`)
    if (!region) throw new Error(`no live region named ${name}`)
    new MutationObserver(() => {
      const text = (region.textContent ?? '').replace(/\u00a0/g, '').trim()
      if (text && w.__said.at(-1) !== text) w.__said.push(text)
    }).observe(region, { childList: true, characterData: true, subtree: true })
  }, regionName)
}

const announced = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __said: string[] }).__said)

describe.each(journeys)('Parley in $locale', (journey) => {
  const t = <K extends MessageKey>(key: K, ...args: ArgsOf<K>) => translate(journey.language, key, ...args)
  const carolContact: Contact = {
    id: `e2e-carol-${journey.language}`,
    name: 'Carol Dahl',
    company: 'Dahl Logistik',
    favourite: true,
    numbers: [{ kind: 'work', value: journey.carol }],
  }
  let app: TestApp
  let alice: TestPeer
  let carol: TestPeer
  let page: Page

  beforeAll(async () => {
    alice = await TestPeer.start(journey.alice, pbx, baseUrl, 'Alice Aalto')
    carol = await TestPeer.start(journey.carol, pbx, baseUrl, 'Carol Dahl')
    app = await startApp(`languages-${journey.language}`, undefined, { locale: journey.locale })
    page = app.page
    // The window as main first opens it.
    await page.setViewportSize(windowSizes.initial)
    const saved = await app.main.dispatch('contacts:save', carolContact)
    expect(saved.ok, JSON.stringify(saved)).toBe(true)
    // Reloaded so the panel lists the contact, as after a restart.
    await app.load()
  })

  afterAll(async () => {
    if (app && alice && carol) await hangUpEverything(app, [alice, carol]).catch(() => undefined)
    await app?.close()
    await alice?.close()
    await carol?.close()
  })

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return
    await screenshot(page, `${journey.language}-failed-${task.name.replace(/\W+/g, '-').slice(0, 50)}`)
    console.error(`[languages] failed; said ${JSON.stringify(await announced(page).catch(() => []))}`)
  })

  /** Nothing scrolls sideways, no control is beyond the window's edge, no label is cut. */
  async function expectFits(what: string): Promise<void> {
    expect(await layoutProblems(page), what).toEqual(fits)
    expect(await clippedLabels(page), `labels clipped, ${what}`).toEqual([])
  }

  /**
   * In compact at 200 % text, every tab is looked at, unless a dialog or the header's menu is
   * open (it holds the keyboard, or a click on a tab closes it); the tab in view is put back.
   */
  async function expectEveryTabFits(name: string): Promise<void> {
    if ((await layoutName(page)) !== 'compact') return
    if ((await page.locator('dialog[open], [role="dialog"], #header-menu').count()) > 0) return
    const tabs = page.getByRole('tablist', { name: t('layout.views') }).getByRole('tab')
    const selected = tabs.and(page.locator('[aria-selected="true"]'))
    const before = await selected.getAttribute('id')
    for (const tab of ['keypad', 'contacts', 'history'] as const) {
      await page.locator(`#tab-${tab}`).click()
      await layoutSettled(page)
      await expectFits(`${name} at 200% text, ${tab} tab (${journey.language})`)
      // With no call up, the tab's list is within reach: its first row scrolls wholly into view.
      // (With calls, the calls come first: in 720 px at 200 % text a call card and a contact
      // row do not both fit, and the tab gets what the call area leaves.)
      const firstRow = page.locator('[role="tabpanel"]:not([hidden]) [role="list"] > li').first()
      if ((await firstRow.count()) > 0 && (await card(/.*/).count()) === 0) {
        await firstRow.scrollIntoViewIfNeeded()
        expect(await whollyInView(page, firstRow), `${name}, ${tab} tab: its first row in view`).toBe(true)
      }
      await screenshot(page, `${journey.language}-screen-${name}-200-${tab}`)
    }
    if (before) await page.locator(`#${before}`).click()
  }

  async function checkScreen(name: string): Promise<void> {
    const violations = await seriousViolations(page)
    if (violations.length > 0) console.error(`[languages] axe on ${name}: ${JSON.stringify(violations)}`)
    expect(violations, `axe on ${name} (${journey.language})`).toEqual([])
    await expectFits(`${name} (${journey.language})`)
    await screenshot(page, `${journey.language}-screen-${name}`)
    // 200% text (the browser's text size, as a low-vision user sets it) in the same window:
    // the layout that fits takes over, and still nothing is outside the window or cut off.
    await setTextSize(page, '200%')
    try {
      await layoutSettled(page)
      await expectFits(`${name} at 200% text (${journey.language})`)
      await screenshot(page, `${journey.language}-screen-${name}-200`)
      await expectEveryTabFits(name)
    } finally {
      await setTextSize(page, '')
      await layoutSettled(page)
    }
  }

  const card = (party: RegExp): Locator =>
    page
      .getByRole('list', { name: t('calls.title'), exact: true })
      .getByRole('listitem', { name: party })
      .filter({ has: page.getByRole('button') })
  const aliceCard = () =>
    card(new RegExp(`^${t('card.call-with', { party: `(Alice Aalto|${journey.alice})` })}$`))
  const carolCard = () =>
    card(new RegExp(`^${t('card.call-with', { party: `(Carol Dahl|${journey.carol})` })}$`))
  /** How a pick of Carol's work number is named (said, and kept as "transferred to"). */
  const carolLabel = () => `Carol Dahl (${t('contact.kind-work')})`
  const contactRow = () =>
    page.getByRole('list', { name: t('contacts.list') }).getByRole('listitem', { name: 'Carol Dahl' })

  test('login screen', async () => {
    const form = page.getByRole('form', { name: t('login.form') })
    await expect.poll(() => form.isVisible()).toBe(true)
    expect(await page.getByRole('heading', { name: t('login.title') }).count()).toBe(1)
    await checkScreen('login')
  })

  test('signed in: the main screen with contacts and history (idle)', async () => {
    const form = page.getByRole('form', { name: t('login.form') })
    await form.getByLabel(t('login.display-name'), { exact: true }).fill('Olivia Operatör')
    await form.getByLabel(t('login.sip-address'), { exact: true }).fill(`${journey.app}@${pbx.domain}`)
    await form.getByLabel(t('login.password'), { exact: true }).fill(pbx.password)
    await form.getByLabel(t('login.ws-server'), { exact: true }).fill(wsUrl(pbx))
    await form.getByRole('button', { name: t('login.sign-in') }).click()
    const registration = page.getByRole('status', { name: t('registration.indicator') })
    await expect
      .poll(() => registration.textContent(), { timeout: 15_000 })
      .toContain(t('registration.label-registered'))
    await eventually(
      'Carol in the contact list',
      () => contactRow().count(),
      (count) => count === 1,
    )
    await recordAnnouncements(page, t('ui.announcements'))
    // The contacts panel speaks the language (it was English-only before).
    const contacts = page.getByRole('region', { name: t('contacts.title') })
    expect(await contacts.getByRole('button', { name: t('contacts.import') }).count()).toBe(1)
    expect(await contacts.getByPlaceholder(t('contacts.search-placeholder')).count()).toBe(1)
    expect(await contactRow().getByText(t('contact.kind-work')).count()).toBe(1)
    if (journey.language === 'sv') {
      expect(await contacts.getByRole('button', { name: 'Importera kontakter' }).count()).toBe(1)
      expect(await contactRow().getByRole('button', { name: 'Ring Carol Dahl, arbete' }).count()).toBe(1)
    }
    await checkScreen('idle')
  })

  test('keyboard help', async () => {
    await page.getByRole('button', { name: t('main.keys'), exact: true }).click()
    const help = page.getByRole('dialog', { name: t('help.title') })
    await expect.poll(() => help.isVisible()).toBe(true)
    expect(await help.getByText(t('help.hold')).count()).toBe(1)
    await checkScreen('help')
    await help.getByRole('button', { name: t('help.close') }).click()
    await expect.poll(() => help.count()).toBe(0)
  })

  test('settings, with the audio section in the same language', async () => {
    await page.getByRole('button', { name: t('settings.title'), exact: true }).click()
    const settings = page.getByRole('dialog')
    await expect.poll(() => settings.getByRole('heading', { name: t('audio.title') }).count()).toBe(1)
    expect(await settings.getByLabel(t('audio.microphone'), { exact: true }).count(), 'microphone').toBe(1)
    expect(await settings.getByRole('button', { name: t('audio.test-speaker') }).count(), 'test').toBe(1)
    const firstOption = await settings
      .getByLabel(t('audio.microphone'), { exact: true })
      .locator('option')
      .first()
      .textContent()
    expect(firstOption).toMatch(new RegExp(`^${t('audio.system-default')}`))
    if (journey.language === 'sv')
      expect(await settings.getByRole('meter', { name: 'Mikrofonnivå' }).count(), 'meter').toBe(1)
    await checkScreen('settings')
    await settings
      .getByRole('button', { name: t('settings.close'), exact: true })
      .first()
      .click()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
  })

  test('a contact opened for editing', async () => {
    await contactRow()
      .getByRole('button', { name: t('contact.edit', { name: 'Carol Dahl' }) })
      .click()
    const editor = page.getByRole('dialog')
    await expect.poll(() => editor.getByLabel(t('contact.name'), { exact: true }).count()).toBe(1)
    await checkScreen('contacts')
    await editor.getByRole('button', { name: t('contact.cancel') }).click()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
  })

  test('my status menu', async () => {
    const prefix = t('status.button', { status: '' })
    await page
      .getByRole('button', { name: new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
      .first()
      .click()
    const menu = page.getByRole('dialog', { name: t('status.menu') })
    await expect.poll(() => menu.isVisible()).toBe(true)
    expect(await menu.getByRole('button', { name: t('status.lunch') }).count()).toBe(1)
    await checkScreen('status-menu')
    await menu.getByRole('button', { name: t('status.cancel') }).click()
    await expect.poll(() => menu.count()).toBe(0)
  })

  test("colleagues' lamps: a watched colleague, watched only", async () => {
    await contactRow()
      .getByRole('button', { name: t('lamp.watch', { name: 'Carol Dahl' }) })
      .click()
    const lamp = contactRow().getByRole('img', { name: new RegExp(`^Carol Dahl: `) })
    await expect.poll(() => lamp.count(), { timeout: 15_000 }).toBe(1)
    const only = page.getByLabel(t('lamp.watched-only'), { exact: true })
    await only.check()
    await checkScreen('lamps')
    await only.uncheck()
  })

  test('a call rings, is answered, held and resumed', async () => {
    const aliceCall = await alice.call(`sip:${journey.app}@${pbx.domain}`)
    await expect.poll(() => textOf(aliceCard()), { timeout: 15_000 }).toContain(t('call.phase-ringing'))
    await expect.poll(() => announced(page)).toContain(t('say.incoming', { party: 'Alice Aalto' }))
    await checkScreen('ringing')

    await aliceCard().getByRole('button', { name: journey.words.answer, exact: true }).click()
    await alice.waitForCall((c) => c.id === aliceCall && c.state === 'Established', 'alice answered')
    await expect.poll(() => textOf(aliceCard())).toContain(journey.words.connected)
    await expectAppTalkingWith(app, alice, aliceCall)
    await checkScreen('in-call')

    await aliceCard().getByRole('button', { name: journey.words.hold, exact: true }).click()
    await expect.poll(() => textOf(aliceCard())).toContain(t('call.phase-held'))
    await checkScreen('on-hold')
    await aliceCard().getByRole('button', { name: journey.words.resume, exact: true }).click()
    await expect.poll(() => textOf(aliceCard())).toContain(journey.words.connected)
  })

  test('announce first, then transfer: consultation and attended transfer', async () => {
    const [aliceCall] = (await alice.calls()).filter((c) => c.state === 'Established').map((c) => c.id)
    expect(aliceCall).toBeDefined()
    await carol.setAutoAnswer(true)
    // A contact's call button during a call calls first and holds the caller (announce first).
    await contactRow()
      .getByRole('button', {
        name: t('contacts.call-number', { name: 'Carol Dahl', kind: t('contact.kind-work') }),
      })
      .click()
    await expect.poll(() => textOf(carolCard()), { timeout: 15_000 }).toContain(journey.words.connected)
    await expect.poll(() => textOf(aliceCard())).toContain(t('call.phase-held'))
    await expect.poll(() => announced(page)).toContain(t('transfer.consulting', { target: carolLabel() }))
    await checkScreen('consult')

    await page.getByRole('button', { name: journey.words.complete, exact: true }).first().click()
    const fromAlice = await alice.waitForCall(
      (c) => c.id > (aliceCall ?? 0) && c.referredBy !== '' && c.state === 'Established',
      'alice handed over to carol',
      20_000,
    )
    const atCarol = await carol.waitForCall(
      (c) => c.direction === 'incoming' && c.remoteUser === journey.alice && c.state === 'Established',
      'carol talking with alice',
      20_000,
    )
    await expectPeersTalking(alice, fromAlice.id, carol, atCarol.id)
    await expect.poll(() => announced(page)).toContain(t('transfer.done', { target: carolLabel() }))
    await eventually(
      'no live call in the app',
      () => card(/.*/).count(),
      (live) => live === 0,
    )
    if (journey.language === 'sv') {
      const said = await announced(page)
      expect(said).toContain('Inkommande samtal från Alice Aalto')
      expect(said).toContain('Ringer Carol Dahl (arbete). Den som ringer är parkerad.')
      expect(said).toContain('Kopplat till Carol Dahl (arbete).')
    }
  })

  test('history and its CSV export', async () => {
    // The ended calls' cards fade out first (a dimmed card is not the history screen).
    await eventually(
      'no call card left',
      () =>
        page
          .getByRole('list', { name: t('calls.title'), exact: true })
          .getByRole('listitem')
          .count(),
      (cards) => cards === 0,
    )
    const history = page.getByRole('region', { name: t('history.title') })
    const entries = history.getByRole('list', { name: t('history.list') }).getByRole('group')
    await expect.poll(() => entries.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2)
    await checkScreen('history')
    const download = page.waitForEvent('download')
    await history.getByRole('button', { name: t('history.export') }).click()
    const file = await download
    const path = await file.path()
    const { readFile } = await import('node:fs/promises')
    const csv = await readFile(path, 'utf8')
    const header = csv.split('\r\n')[0] ?? ''
    expect(header).toBe(`\uFEFF${csvHeaderKeys.map((key) => `"${t(key)}"`).join(',')}`)
    if (journey.language === 'sv') expect(header).toContain('"Riktning","Utfall","Namn"')
    expect(csv).toContain('"Alice Aalto"')
    // Direction and outcome cells are the history screen's words in the journey's language.
    expect(csv).toContain(`"${t('history.transferred')}"`)
    expect(csv).toContain(`"${t('history.direction-incoming')}"`)
    await expect.poll(() => announced(page)).toContain(t('say.history-exported'))
  })
})
