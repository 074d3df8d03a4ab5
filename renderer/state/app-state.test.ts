import { message } from '../../contract/i18n'
import { describe, expect, it, vi } from 'vitest'
import type { AccountState } from '../../contract/ipc'
import type { Account, Contact, Preferences } from '../../contract/schemas'
import { createTestApp } from '../testing/test-app'
import { createAppState } from './app-state'
import { FakeApi } from '../testing/fake-api'
import { FakePhone } from '../testing/fake-phone'
import { testAccount } from '../testing/audio'
import { readSavedAccount } from './saved-account'
import { startSignIn } from './saved-sign-in'

const preferences: Preferences = {
  microphone: null,
  speaker: null,
  ringtone: null,
  closeToTray: false,
  doNotDisturb: true,
  historyLimit: 50_000,
  language: 'sv',
  dtmfMethod: 'auto',
  sipTrace: false,
  keepOnTop: false,
  watchedContacts: [],
  textSize: 150,
}
const signedOut: AccountState = {
  account: null,
  hasPassword: false,
  complete: false,
  locked: [],
  notices: [],
}

function setup() {
  let answerAccount = () => {}
  const accountAnswered = new Promise<void>((resolve) => (answerAccount = resolve))
  const api = new FakeApi()
    .handle('preferences:get', () => preferences)
    .handle('contacts:list', () => [])
    .handle('history:query', () => ({ entries: [], total: 0, missedUnseen: 0 }))
    .handle('account:password', () => ({
      ok: false,
      error: { code: 'not-found', message: message('reason.no-password') },
    }))
  const invoke = api.invoke.bind(api)
  api.invoke = (async (channel: Parameters<typeof invoke>[0], request?: unknown) => {
    if (channel === 'account:get') {
      await accountAnswered
      return { ok: true, value: signedOut }
    }
    return invoke(channel, request)
  }) as typeof api.invoke
  const textRoot = { style: { fontSize: '' } }
  let prefetches = 0
  const app = createAppState(new FakePhone(), api, {
    dataDelayMs: 60_000,
    textRoot,
    prefetchMainScreen: () => prefetches++,
  })
  return { api, app, answerAccount, textRoot, prefetched: () => prefetches }
}

describe('createAppState start', () => {
  it('reads the preferences once for language, do not disturb and close to tray', async () => {
    const { api, app, answerAccount, textRoot } = setup()
    const stop = app.start()
    answerAccount()
    await expect.poll(() => app.dnd.enabled).toBe(true)
    expect(app.language.language).toBe('sv')
    // the saved text size is on the root element from the same read
    expect(textRoot.style.fontSize).toBe('22.5px')
    expect(app.closeToTray.enabled).toBe(false)
    expect(api.sent('preferences:get')).toHaveLength(1)
    stop()
  })

  it('loads contacts and history only once signing in has an answer', async () => {
    const { api, app, answerAccount, prefetched } = setup()
    let settled = false
    void app.afterSignIn.then(() => (settled = true))
    const stop = app.start()
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setTimeout(resolve, 0))
    expect(api.sent('contacts:list')).toEqual([])
    expect(api.sent('history:query')).toEqual([])
    // the contacts and history panels wait for the same answer before they load their code
    expect(settled).toBe(false)
    answerAccount()
    await expect.poll(() => settled).toBe(true)
    // signed out: the login form, not the main screen, comes next, so the data does not wait for it
    // (nor are the main screen's files asked for)
    expect(app.session.stage).toBe('signed-out')
    expect(prefetched()).toBe(0)
    await expect.poll(() => api.sent('contacts:list').length).toBe(1)
    await expect.poll(() => api.sent('history:query').length).toBe(1)
    stop()
  })
})

describe('the address book follows the account region', () => {
  it('re-reads the numbers when the region changes: search and caller names use the new one', async () => {
    const oslo: Contact = {
      id: 'kari',
      name: 'Kari Nordmann',
      company: '',
      favourite: false,
      numbers: [{ kind: 'work', value: '22 12 34 56' }],
    }
    const { app, api, stop } = await createTestApp({ contacts: [oslo] })
    api
      .handle('account:save', (request) => ({
        account: (request as { account: Account }).account,
        hasPassword: true,
        complete: true,
        locked: [],
        notices: [],
      }))
      .handle('account:password', () => 'pw')
    // In Sweden "22 12 34 56" is no phone number a caller from Oslo could match.
    expect(app.contacts.region).toBe('SE')
    expect(app.contacts.nameForNumber('+4722123456')).toBe('')
    expect(await app.session.signIn({ ...norwegianAccount, region: 'NO' }, 'pw')).toBe(true)
    expect(app.contacts.region).toBe('NO')
    await expect.poll(() => app.contacts.nameForNumber('+4722123456')).toBe('Kari Nordmann')
    app.contacts.setQuery('+47 22 12 34 56')
    expect(Array.from(app.contacts.results, (at) => app.contacts.contactAt(at).name)).toEqual([
      'Kari Nordmann',
    ])
    stop()
  })
})

const norwegianAccount: Account = { ...testAccount, displayName: 'Kari', region: 'NO' }

/** Main with a complete saved account; the start-up has connected and registered already. */
async function registeredBeforeTheState() {
  const phone = new FakePhone()
  const api = new FakeApi()
    .handle('account:get', () => ({ ...signedOut, account: testAccount, hasPassword: true, complete: true }))
    .handle('account:password', () => 'secret')
    .handle('preferences:get', () => preferences)
    .handle('contacts:list', () => [])
    .handle('history:query', () => ({ entries: [], total: 0, missedUnseen: 0 }))
    .handle('log:write', () => true)
  const signIn = startSignIn(phone, readSavedAccount(api))
  await signIn.decided
  phone.emit('registration', { state: 'registered', since: 1 })
  return { phone, api, signIn }
}

/** The state over a registration reached before it, with the window's first render drawn. */
async function renderedAfterRegistered(dataDelayMs: number) {
  const { phone, api, signIn } = await registeredBeforeTheState()
  const app = createAppState(phone, api, {
    signIn,
    firstRender: Promise.resolve(),
    dataDelayMs,
    textRoot: { style: { fontSize: '' } },
  })
  return { api, app }
}

describe('createAppState with the connection the start-up began', () => {
  it('adopts a registration reached before the state existed: every state hears it, the phone connects once', async () => {
    const { phone, api, signIn } = await registeredBeforeTheState()
    const app = createAppState(phone, api, {
      signIn,
      dataDelayMs: 60_000,
      textRoot: { style: { fontSize: '' } },
    })
    const stop = app.start()
    expect(app.session.stage).toBe('signed-in')
    expect(app.session.registration.state).toBe('registered')
    // the mailbox is watched: the account was known when the voicemail state heard "registered"
    expect(phone.commandLines('connect', 'watch')).toEqual([
      'connect:7101@pbx.test',
      'watch:7101@pbx.test:message-summary',
    ])
    stop()
  })

  it('loads contacts and history only after the first render when registered before the window rendered', async () => {
    const { phone, api, signIn } = await registeredBeforeTheState()
    let rendered = () => {}
    const firstRender = new Promise<void>((resolve) => (rendered = resolve))
    const app = createAppState(phone, api, {
      signIn,
      firstRender,
      dataDelayMs: 60_000,
      textRoot: { style: { fontSize: '' } },
    })
    const stop = app.start()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(api.sent('contacts:list')).toEqual([])
    expect(api.sent('history:query')).toEqual([])
    rendered()
    await app.afterSignIn
    // signed in: the main screen renders now, and the data waits for its first frame
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(api.sent('contacts:list')).toEqual([])
    app.mainScreenShown()
    await app.afterMainScreen
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(api.sent('contacts:list')).toHaveLength(1)
    expect(api.sent('history:query')).toHaveLength(1)
    stop()
  })

  it('renders the main screen in the next task when the start view has drawn the answer, without waiting for a frame', async () => {
    const { phone, api, signIn } = await registeredBeforeTheState()
    const settledIn = (promise: Promise<void>) => {
      let done = false
      void promise.then(() => (done = true))
      return () => done
    }
    // A window that draws no frame in this test: its first render is never on the screen.
    const never = new Promise<void>(() => {})
    const stateWith = (answerShown: boolean) =>
      createAppState(phone, api, {
        signIn,
        firstRender: never,
        answerShown,
        dataDelayMs: 60_000,
        textRoot: { style: { fontSize: '' } },
      })
    const shown = stateWith(true)
    const notShown = stateWith(false)
    const shownReady = settledIn(shown.mainScreenAfter)
    const notShownReady = settledIn(notShown.mainScreenAfter)
    const stops = [shown.start(), notShown.start()]
    await shown.afterSignIn
    // signing in's answer is in, but the main screen comes in a task of its own, not in this one
    expect(shownReady()).toBe(false)
    await expect.poll(shownReady).toBe(true)
    // the answer not drawn yet: the main screen waits for the window's own frame showing it
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setTimeout(resolve, 0))
    expect(notShownReady()).toBe(false)
    // and the data still waits for the main screen's first frame
    expect(api.sent('contacts:list')).toEqual([])
    stops.forEach((stop) => stop())
  })

  it('has signing in answered once registered, not once connecting has loaded the calls code after it', async () => {
    const phone = new FakePhone()
    // connect() resolves only after the work of being registered (the calls code loads in an
    // idle period after the main screen): held open here
    phone.reconnectGate = new Promise<void>(() => {})
    const api = new FakeApi()
      .handle('account:get', () => ({
        ...signedOut,
        account: testAccount,
        hasPassword: true,
        complete: true,
      }))
      .handle('account:password', () => 'secret')
      .handle('preferences:get', () => preferences)
      .handle('log:write', () => true)
    const signIn = startSignIn(phone, readSavedAccount(api))
    await signIn.decided
    const app = createAppState(phone, api, {
      signIn,
      answerShown: true,
      dataDelayMs: 60_000,
      textRoot: { style: { fontSize: '' } },
    })
    let answered = false
    void app.afterSignIn.then(() => (answered = true))
    const stop = app.start()
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setTimeout(resolve, 0))
    expect(answered).toBe(false)
    phone.emit('registration', { state: 'registered', since: 1 })
    await expect.poll(() => answered).toBe(true)
    await app.mainScreenAfter
    expect(app.session.stage).toBe('signed-in')
    stop()
  })

  it('holds the contacts and history panels and their data until the main screen is on the screen', async () => {
    const { api, app } = await renderedAfterRegistered(60_000)
    let panelsMayLoad = false
    void app.afterMainScreen.then(() => (panelsMayLoad = true))
    const stop = app.start()
    await app.afterSignIn
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setTimeout(resolve, 0))
    expect(app.session.stage).toBe('signed-in')
    expect(panelsMayLoad).toBe(false)
    expect(api.sent('contacts:list')).toEqual([])
    expect(api.sent('history:query')).toEqual([])
    app.mainScreenShown()
    await expect.poll(() => panelsMayLoad).toBe(true)
    await expect.poll(() => api.sent('contacts:list').length).toBe(1)
    await expect.poll(() => api.sent('history:query').length).toBe(1)
    // shown again (signed out and in: the main screen mounts anew): nothing loads twice
    app.mainScreenShown()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(api.sent('contacts:list')).toHaveLength(1)
    stop()
  })

  it("asks for the main screen's files when registered before the window rendered: once it has rendered", async () => {
    const { phone, api, signIn } = await registeredBeforeTheState()
    let rendered = () => {}
    const firstRender = new Promise<void>((resolve) => (rendered = resolve))
    let prefetched = 0
    const app = createAppState(phone, api, {
      signIn,
      firstRender,
      dataDelayMs: 60_000,
      textRoot: { style: { fontSize: '' } },
      prefetchMainScreen: () => prefetched++,
    })
    const stop = app.start()
    // the phone tells its new listener "registered" at once, but "Registered" is not on the screen yet
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setTimeout(resolve, 0))
    expect(prefetched).toBe(0)
    rendered()
    await expect.poll(() => prefetched).toBe(1)
    await app.afterSignIn
    expect(prefetched).toBe(1)
    stop()
  })

  it("asks for the main screen's files the first time the phone is registered, not before, not again", async () => {
    const phone = new FakePhone()
    let prefetched = 0
    const app = createAppState(phone, new FakeApi(), {
      dataDelayMs: 60_000,
      textRoot: { style: { fontSize: '' } },
      prefetchMainScreen: () => prefetched++,
    })
    const stop = app.start()
    phone.emit('registration', { state: 'connecting', attempt: 1 })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(prefetched).toBe(0)
    phone.emit('registration', { state: 'registered', since: 1 })
    // the window has rendered: not in this task (its "Registered" is not drawn yet), after the frame
    await Promise.resolve()
    expect(prefetched).toBe(0)
    await expect.poll(() => prefetched).toBe(1)
    phone.emit('registration', {
      state: 'failed',
      reason: 'closed',
      message: message('registration.unreachable'),
    })
    phone.emit('registration', { state: 'registered', since: 2 })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(prefetched).toBe(1)
    stop()
  })

  it('loads the data after dataDelayMs when no main screen is ever shown (a window never drawn)', async () => {
    const { api, app } = await renderedAfterRegistered(20)
    const stop = app.start()
    await app.afterMainScreen
    expect(api.sent('contacts:list')).toHaveLength(1)
    expect(api.sent('history:query')).toHaveLength(1)
    stop()
  })
})

describe('createAppState after the start view (which follows the phone without it)', () => {
  it('takes the phone’s status from when it starts (none lost), explains a refused certificate, uses the entry’s preferences', async () => {
    const wss = { ...testAccount, wsServer: 'wss://pbx.example/ws' }
    const phone = new FakePhone()
    const api = new FakeApi()
      .handle('account:get', () => ({ ...signedOut, account: wss, hasPassword: true, complete: true }))
      .handle('account:password', () => 'secret')
      .handle('contacts:list', () => [])
      .handle('history:query', () => ({ entries: [], total: 0, missedUnseen: 0 }))
      .handle('log:write', () => true)
      .handle('tls:explain', () => 'expired')
    const signIn = startSignIn(phone, readSavedAccount(api))
    await signIn.decided
    // while the app's code loaded, after the start view showed its answer
    phone.emit('registration', { state: 'registered', since: 1 })
    phone.emit('registration', {
      state: 'failed',
      reason: 'unreachable',
      message: message('registration.unreachable'),
    })
    const app = createAppState(phone, api, {
      signIn,
      preferences: Promise.resolve({ ok: true, value: { ...preferences, language: 'en' } }),
      dataDelayMs: 60_000,
      textRoot: { style: { fontSize: '' } },
    })
    const stop = app.start()
    expect(app.registrationView.registration).toMatchObject({ state: 'failed', reason: 'unreachable' })
    await vi.waitFor(() => expect(app.registrationView.certificateProblem).toBe('expired'))
    expect(api.sent('tls:explain')).toEqual([{ url: 'wss://pbx.example/ws' }])
    phone.emit('registration', { state: 'connecting', attempt: 1 })
    expect(app.registrationView.registration).toEqual({ state: 'connecting', attempt: 1 })
    // what the sign-in state knows better than the phone is what the indicator shows
    await app.session.editAccount()
    expect(app.registrationView.registration).toEqual({ state: 'unregistered' })
    await vi.waitFor(() => expect(app.language.language).toBe('en'))
    expect(api.sent('preferences:get')).toEqual([])
    stop()
  })
})
