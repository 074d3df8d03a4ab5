import { describe, expect, test } from 'vitest'
import type { Account } from '../../contract/schemas'
import { FakeApi } from '../testing/fake-api'
import { FakePhone } from '../testing/fake-phone'
import { mailboxOf, VoicemailWaitingState } from './voicemail-waiting.svelte'

const account: Account = {
  displayName: '',
  sipAddress: '4650@parley.test',
  authUser: '',
  wsServer: 'ws://127.0.0.1:5066',
  outboundProxy: '',
  iceServers: [],
  voicemailNumber: '555',
  region: 'SE',
}
const SUMMARY = 'application/simple-message-summary'

function setup(current: Account | null = account) {
  const phone = new FakePhone()
  const api = new FakeApi().handle('voicemail:waiting', () => true)
  const logs: string[] = []
  let signedIn: Account | null = current
  const state = new VoicemailWaitingState({
    phone,
    api,
    account: () => signedIn,
    log: { write: (_level, _scope, line) => logs.push(line), failed: () => () => undefined },
  })
  const stop = state.start()
  const register = () => phone.emit('registration', { state: 'registered', since: 1 })
  const sent = () => api.requests.filter((r) => r.channel === 'voicemail:waiting').map((r) => r.request)
  return { phone, api, state, stop, logs, register, sent, setAccount: (a: Account | null) => (signedIn = a) }
}

describe('mailboxOf', () => {
  test('the account address unless a mailbox is named; nothing when watching is off', () => {
    expect(mailboxOf(account)).toBe('4650@parley.test')
    expect(mailboxOf({ ...account, mailbox: ' 8000 ' })).toBe('8000')
    expect(mailboxOf({ ...account, mailbox: '' })).toBe('4650@parley.test')
    expect(mailboxOf({ ...account, voicemailWatch: false })).toBe('')
    expect(mailboxOf(null)).toBe('')
  })
})

describe('VoicemailWaitingState', () => {
  test('watches the mailbox once registered, counts from NOTIFYs, tells main, clears on 0 new', async () => {
    const bed = setup()
    expect(bed.phone.watching.size).toBe(0)
    bed.register()
    expect([...bed.phone.watching]).toEqual(['message-summary 4650@parley.test'])
    bed.phone.notify(
      '4650@parley.test',
      'message-summary',
      SUMMARY,
      'Messages-Waiting: yes\r\nVoice-Message: 3/1\r\n',
    )
    expect([bed.state.waiting, bed.state.newCount, bed.state.oldCount]).toEqual([true, 3, 1])
    bed.phone.notify(
      '4650@parley.test',
      'message-summary',
      SUMMARY,
      'Messages-Waiting: no\r\nVoice-Message: 0/4\r\n',
    )
    expect([bed.state.waiting, bed.state.newCount]).toEqual([false, 0])
    await Promise.resolve()
    expect(bed.sent()).toEqual([
      { waiting: false, newCount: null, oldCount: null },
      { waiting: true, newCount: 3, oldCount: 1 },
      { waiting: false, newCount: 0, oldCount: 4 },
    ])
  })

  test('a hostile or unreadable summary changes nothing and is logged once; other targets are ignored', () => {
    const bed = setup()
    bed.register()
    bed.phone.notify(
      '4650@parley.test',
      'message-summary',
      SUMMARY,
      'Messages-Waiting: yes\r\nVoice-Message: 2/0',
    )
    bed.phone.notify('4650@parley.test', 'message-summary', SUMMARY, '<img src=x onerror=alert(1)>')
    bed.phone.notify('4650@parley.test', 'message-summary', SUMMARY, 'Voice-Message: 99/0')
    bed.phone.notify(
      '4699@parley.test',
      'message-summary',
      SUMMARY,
      'Messages-Waiting: yes\r\nVoice-Message: 7/0',
    )
    bed.phone.notify(
      '4650@parley.test',
      'presence',
      'application/pidf+xml',
      'Messages-Waiting: yes\r\nVoice-Message: 8/0',
    )
    expect(bed.state.newCount).toBe(2)
    expect(bed.logs.filter((l) => l.includes('could not be read'))).toHaveLength(1)
  })

  test('a refused subscription or sign-out hides the count (unknown)', () => {
    const bed = setup()
    bed.register()
    bed.phone.notify(
      '4650@parley.test',
      'message-summary',
      SUMMARY,
      'Messages-Waiting: yes\r\nVoice-Message: 2/0',
    )
    bed.phone.watchState('4650@parley.test', 'message-summary', 'failed', '404')
    expect([bed.state.waiting, bed.state.newCount]).toEqual([false, null])
    expect(bed.logs.some((l) => l.includes('404'))).toBe(true)
    bed.phone.notify(
      '4650@parley.test',
      'message-summary',
      SUMMARY,
      'Messages-Waiting: yes\r\nVoice-Message: 2/0',
    )
    bed.phone.watchState('4650@parley.test', 'message-summary', 'terminated', 'signed-out')
    expect(bed.state.newCount).toBeNull()
  })

  test('a new mailbox (another account, or one the admin names) replaces the old watch', () => {
    const bed = setup()
    bed.register()
    bed.setAccount({ ...account, mailbox: '8000' })
    bed.register()
    expect([...bed.phone.watching]).toEqual(['message-summary 8000'])
    bed.setAccount({ ...account, voicemailWatch: false })
    bed.register()
    expect(bed.phone.watching.size).toBe(0)
  })
})
