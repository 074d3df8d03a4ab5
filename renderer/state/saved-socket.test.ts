import { describe, expect, it } from 'vitest'
import type { AccountState } from '../../contract/ipc'
import { message } from '../../contract/i18n'
import { testAccount } from '../testing/audio'
import { FakeWebSocket } from '../testing/fake-web-socket'
import { savedAccountState, savedAnswers } from '../testing/saved-account'
import { EarlySocket } from '../sip/stack/early-socket'
import type { SavedAccount } from './saved-account'
import { openSavedAccountSocket } from './saved-socket'

const state = (change: Partial<AccountState> = {}): AccountState =>
  savedAccountState({ account: { ...testAccount, wsServer: ' wss://pbx.test:8443/ws ' }, ...change })
const saved = savedAnswers

/** The entry's call, on fake sockets: what it opened and what it logged. */
function open(answer: Promise<SavedAccount>) {
  const opened: FakeWebSocket[] = []
  const logged: string[] = []
  const log = {
    write: (_level: string, _scope: string, text: string) => logged.push(text),
    failed: (_scope: string, what: string) => (error: unknown) => logged.push(`${what}: ${String(error)}`),
  }
  const early = openSavedAccountSocket(
    answer,
    log,
    new EarlySocket({
      openSocket: (url) => {
        const socket = new FakeWebSocket(url, 'sip')
        opened.push(socket)
        return socket as unknown as WebSocket
      },
    }),
  )
  return { early, opened, logged }
}

const aTask = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('openSavedAccountSocket (the entry opens the saved account’s socket)', () => {
  it('opens the server the phone will connect to, within the microtasks of an answer already in', async () => {
    const { early, opened } = open(Promise.resolve(saved(state())))
    let beforeTheNextTask: string[] = []
    setTimeout(() => (beforeTheNextTask = opened.map((s) => `${s.url} ${String(s.protocols)}`)), 0)
    await aTask()
    // the phone's code is evaluated in a later task than this: the socket was there first
    expect(beforeTheNextTask).toEqual(['wss://pbx.test:8443/ws sip'])
    expect(early.take('wss://pbx.test:8443/ws')).toBe(opened[0])
  })

  it('opens it when the answer comes, not before', async () => {
    let answer: (saved: SavedAccount) => void = () => {}
    const { opened } = open(new Promise((resolve) => (answer = resolve)))
    await aTask()
    expect(opened).toEqual([])
    answer(saved(state()))
    await aTask()
    expect(opened).toHaveLength(1)
  })

  it('opens nothing for an account that does not sign in by itself', async () => {
    for (const answer of [
      saved(state({ hasPassword: false })),
      saved(state({ complete: false })),
      saved(state({ account: null })),
      [
        { ok: true, value: state() },
        { ok: false, message: message('reason.service-unreachable') },
      ],
      [
        { ok: false, message: message('reason.service-unreachable') },
        { ok: true, value: 'secret' },
      ],
    ] satisfies SavedAccount[]) {
      const { opened, logged } = open(Promise.resolve(answer))
      await aTask()
      expect(opened).toEqual([])
      expect(logged).toEqual([])
    }
  })

  it('logs, once, an answer it could not read (never an unhandled rejection)', async () => {
    const { opened, logged } = open(Promise.reject(new Error('gone')))
    await aTask()
    expect(opened).toEqual([])
    expect(logged).toEqual(['the early SIP connection could not be opened: Error: gone'])
  })
})
