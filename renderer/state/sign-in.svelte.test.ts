import { describe, expect, it, vi } from 'vitest'
import type { AccountState } from '../../contract/ipc'
import { accountSchema, type Account } from '../../contract/schemas'
import { readSavedAccount, type SavedAccount } from './saved-account'
import { startSignIn } from './saved-sign-in'
import { nextTask } from './tasks'
import { SignInState } from './sign-in.svelte'
import { FakeApi } from '../testing/fake-api'
import { FakePhone } from '../testing/fake-phone'
import { message } from '../../contract/i18n'
import { english, englishValues } from '../testing/english'

const account: Account = {
  displayName: 'Reception',
  sipAddress: '1001@pbx.example',
  authUser: '',
  wsServer: 'wss://pbx.example/ws',
  outboundProxy: '',
  iceServers: [],
  voicemailNumber: '555',
  region: 'SE',
}
const stored = (hasPassword: boolean, value: Account | null = account): AccountState => ({
  account: value,
  hasPassword,
  // as main decides it (account-service.ts): the stored account passes the account schema
  complete: value !== null && accountSchema.safeParse(value).success,
  locked: [],
  notices: [],
})

function setup(initial: AccountState) {
  const phone = new FakePhone()
  let current = initial
  const api = new FakeApi()
    .handle('account:get', () => current)
    .handle('account:password', () => 'secret')
    .handle('account:save', () => (current = stored(true)))
    .handle('account:sign-out', () => (current = stored(false)))
  const session = new SignInState(phone, api)
  session.start()
  return { phone, api, session }
}

/** Main with a complete account and its password stored, taking log lines. */
const storedAccountApi = () =>
  new FakeApi()
    .handle('account:get', () => stored(true))
    .handle('account:password', () => 'secret')
    .handle('log:write', () => true)

describe('SignInState', () => {
  it('signs in by itself when an account and password are stored', async () => {
    const { phone, session } = setup(stored(true))
    await session.load()
    expect(session.stage).toBe('signed-in')
    expect(phone.commands).toEqual([{ name: 'connect', args: ['1001@pbx.example'] }])
  })

  it('shows the login form when nothing is stored', async () => {
    const { phone, session } = setup(stored(false, null))
    await session.load()
    expect(session.stage).toBe('signed-out')
    expect(phone.commands).toEqual([])
  })

  it('saves the account with the password and connects', async () => {
    const { phone, api, session } = setup(stored(false, null))
    await session.load()
    expect(await session.signIn(account, 'pw')).toBe(true)
    expect(api.sent('account:save')).toEqual([{ account, password: 'pw' }])
    expect(session.stage).toBe('signed-in')
    expect(phone.commandNames()).toEqual(['connect'])
  })

  it('keeps the form and says why when saving fails', async () => {
    const { phone, api, session } = setup(stored(false, null))
    await session.load()
    api.handle('account:save', () => ({
      ok: false,
      error: { code: 'invalid-input', message: message('login.ws-server-invalid') },
    }))
    expect(await session.signIn(account, 'pw')).toBe(false)
    expect(session.error).toEqual(message('login.ws-server-invalid'))
    expect(session.stage).toBe('signed-out')
    expect(phone.commands).toEqual([])
  })

  it('logs each change of registration once, not every retry of the same failure', () => {
    const { phone, api } = setup(stored(true))
    api.handle('log:write', () => true)
    phone.emit('registration', { state: 'connecting', attempt: 1 })
    phone.emit('registration', {
      state: 'failed',
      reason: 'unreachable',
      message: { key: 'registration.unreachable' },
    })
    phone.emit('registration', { state: 'connecting', attempt: 2 })
    phone.emit('registration', {
      state: 'failed',
      reason: 'unreachable',
      message: { key: 'registration.unreachable' },
    })
    phone.emit('registration', { state: 'registered', since: 1 })
    const lines = api.requests.filter((entry) => entry.channel === 'log:write').map((entry) => entry.request)
    expect(lines).toEqual([
      { level: 'warn', scope: 'session', message: 'registration failed: Server unreachable' },
      { level: 'info', scope: 'session', message: 'registration registered' },
    ])
  })

  it('an unexpected failure to connect reads in the catalogue’s words; the exception is logged', async () => {
    const { phone, api, session } = setup(stored(true))
    api.handle('log:write', () => true)
    phone.connect = () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'uri')"))
    await session.load()
    expect(session.registration).toMatchObject({
      state: 'failed',
      message: message('registration.could-not-connect'),
    })
    const lines = api.requests.filter((entry) => entry.channel === 'log:write').map((entry) => entry.request)
    expect(JSON.stringify(lines)).toContain('Cannot read properties of undefined')
  })

  it('mirrors registration and signs out', async () => {
    const { phone, session } = setup(stored(true))
    await session.load()
    const wrong = message('registration.wrong-password', { code: 401 })
    phone.emit('registration', { state: 'failed', reason: 'auth', message: wrong })
    expect(session.registration).toEqual({ state: 'failed', reason: 'auth', message: wrong })
    await session.signOut()
    expect(phone.commandNames()).toEqual(['connect', 'disconnect'])
    expect(session.stage).toBe('signed-out')
    expect(session.registration.state).toBe('unregistered')
  })

  it('goes back to the filled-in form to fix the account without signing out', async () => {
    const { phone, api, session } = setup(stored(true))
    await session.load()
    await session.editAccount()
    expect(session.stage).toBe('signed-out')
    expect(session.account?.account?.sipAddress).toBe('1001@pbx.example')
    expect(api.sent('account:sign-out')).toEqual([])
    expect(phone.commandNames()).toEqual(['connect', 'disconnect'])
  })

  it('warms the microphone once, without keeping it open, after the frame of the first registration', async () => {
    const frames: Array<() => void> = []
    vi.stubGlobal('requestAnimationFrame', (draw: () => void) => frames.push(draw))
    const { phone, session } = setup(stored(true))
    await session.load()
    expect(phone.commandNames()).toEqual(['connect'])
    phone.emit('registration', { state: 'connecting', attempt: 1 })
    expect(phone.commandNames()).toEqual(['connect'])
    phone.emit('registration', { state: 'registered', since: 1 })
    // Not in the task that shows "Registered": the indicator is drawn first.
    expect(phone.commandNames()).toEqual(['connect'])
    expect(session.registration.state).toBe('registered')
    // nor in a task before its frame
    await nextTask()
    expect(phone.commandNames()).toEqual(['connect'])
    frames.splice(0).forEach((draw) => draw())
    await nextTask()
    phone.emit('registration', { state: 'failed', reason: 'closed', message: message('registration.closed') })
    phone.emit('registration', { state: 'registered', since: 2 })
    frames.splice(0).forEach((draw) => draw())
    await nextTask()
    expect(phone.commands.filter((command) => command.name === 'prepareMicrophone')).toEqual([
      { name: 'prepareMicrophone', args: [false] },
    ])
    vi.unstubAllGlobals()
  })

  it('shows the form with the field message instead of registering a stored account missing a required field', async () => {
    const { phone, session } = setup(stored(true, { ...account, wsServer: '' }))
    await session.load()
    expect(session.stage).toBe('signed-out')
    expect(englishValues(session.fieldErrors)).toEqual({ wsServer: 'WebSocket server is required.' })
    expect(english(session.error)).toMatch(/check the marked fields/)
    expect(phone.commands).toEqual([])
    expect(await session.signIn(account, 'pw')).toBe(true)
    expect(session.fieldErrors).toEqual({})
    expect(phone.commandNames()).toEqual(['connect'])
  })

  it('asks main for the account and the password at once, not one after the other', async () => {
    const { api, session } = setup(stored(true))
    let answerAccount = () => {}
    const invoke = api.invoke.bind(api)
    api.invoke = (async (channel: Parameters<typeof invoke>[0], request?: unknown) => {
      if (channel === 'account:get') await new Promise<void>((resolve) => (answerAccount = resolve))
      return invoke(channel, request)
    }) as typeof api.invoke
    const loading = session.load()
    await Promise.resolve()
    // The account's answer has not come yet, and the password was already asked for.
    expect(api.sent('account:password')).toHaveLength(1)
    answerAccount()
    await loading
    expect(session.stage).toBe('signed-in')
  })

  it("signs in first with the answer the window's entry asked for, then asks main again on a later load", async () => {
    const phone = new FakePhone()
    const api = new FakeApi()
      .handle('account:get', () => stored(true))
      .handle('account:password', () => 'secret')
    const early = startSignIn(phone, readSavedAccount(api))
    const session = new SignInState(phone, api, undefined, early)
    await session.load()
    expect(api.sent('account:get')).toHaveLength(1)
    expect(phone.commands).toEqual([{ name: 'connect', args: ['1001@pbx.example'] }])
    await session.load()
    expect(api.sent('account:get')).toHaveLength(2)
  })

  it('opens the connection before it shows the main screen', async () => {
    const { phone, session } = setup(stored(true))
    const stageAtConnect: string[] = []
    const connect = phone.connect.bind(phone)
    phone.connect = (account) => {
      stageAtConnect.push(session.stage)
      return connect(account)
    }
    await session.load()
    expect(stageAtConnect).toEqual(['loading'])
    expect(session.stage).toBe('signed-in')
  })

  it('adopts the connection the start-up began: one connect, signed in at once, the status it reached shown', async () => {
    const phone = new FakePhone()
    const api = storedAccountApi()
    const early = startSignIn(phone, readSavedAccount(api))
    await early.decided
    // registered before the window's state existed
    phone.emit('registration', { state: 'registered', since: 5 })
    const session = new SignInState(phone, api, undefined, early)
    session.start()
    expect(session.registration).toEqual({ state: 'registered', since: 5 })
    const loading = session.load()
    // at once, before anything else hears the status: the account is known
    expect(session.stage).toBe('signed-in')
    expect(session.account?.account?.sipAddress).toBe('1001@pbx.example')
    await loading
    expect(phone.commandLines('connect')).toEqual(['connect:1001@pbx.example'])
    expect(api.sent('account:get')).toHaveLength(1)
  })

  it('adopts a connection begun when the answer comes after the state started, without connecting twice', async () => {
    const phone = new FakePhone()
    const api = new FakeApi()
    let answer: (saved: SavedAccount) => void = () => {}
    const early = startSignIn(phone, new Promise<SavedAccount>((resolve) => (answer = resolve)))
    const session = new SignInState(phone, api, undefined, early)
    session.start()
    const loading = session.load()
    await Promise.resolve()
    expect(session.stage).toBe('loading')
    answer([
      { ok: true, value: stored(true) },
      { ok: true, value: 'secret' },
    ])
    await loading
    expect(session.stage).toBe('signed-in')
    expect(phone.commandLines('connect')).toEqual(['connect:1001@pbx.example'])
    expect(api.requests).toEqual([])
  })

  it('an exception of the start-up connection reads in the catalogue’s words once adopted, logged once', async () => {
    const phone = new FakePhone()
    phone.connect = () => Promise.reject(new TypeError('no uri'))
    const api = storedAccountApi()
    const early = startSignIn(phone, readSavedAccount(api))
    await early.decided
    const session = new SignInState(phone, api, undefined, early)
    session.start()
    await session.load()
    expect(session.registration).toMatchObject({
      state: 'failed',
      message: message('registration.could-not-connect'),
    })
    const lines = api.requests.filter((entry) => entry.channel === 'log:write')
    expect(lines).toHaveLength(1)
    expect(JSON.stringify(lines)).toContain('no uri')
  })

  it('does not sign in by itself when the stored password cannot be read, and says why', async () => {
    const { phone, api, session } = setup(stored(true))
    api.handle('account:password', () => ({
      ok: false,
      error: { code: 'storage', message: message('reason.service-unreachable') },
    }))
    await session.load()
    expect(session.stage).toBe('signed-out')
    expect(session.error).toEqual(message('reason.service-unreachable'))
    expect(phone.commands).toEqual([])
  })
})
