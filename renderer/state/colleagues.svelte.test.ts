import { message } from '../../contract/i18n'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Contact, PreferencesPatch } from '../../contract/schemas'
import { buildPidf } from '../../contract/presence/pidf'
import { PresenceStatus } from '../../contract/presence/status'
import { LampKind } from '../lamps/lamp'
import type { WatchEvent, WatchNotify, Watcher, WatchStateChange } from '../lamps/watch-port'
import type { Log } from '../log/log'
import { testPreferences } from '../testing/test-app'
import { FakeApi } from '../testing/fake-api'
import { FakePhone } from '../testing/fake-phone'
import { render } from '../../contract/i18n'
import { watchStartsPerTask } from '../lamps/watch-port'
import { ColleaguesState, watchTargetOf, type ColleaguesDeps } from './colleagues.svelte'
import type { Say } from './ui.svelte'

const erik: Contact = {
  id: 'erik',
  name: 'Erik Ek',
  company: '',
  favourite: false,
  numbers: [
    { kind: 'mobile', value: '070-123 45 67' },
    { kind: 'extension', value: '4802' },
  ],
}
const maja: Contact = {
  id: 'maja',
  name: 'Maja Mo',
  company: '',
  favourite: false,
  numbers: [{ kind: 'work', value: '4803' }],
}
const nobody: Contact = { id: 'nobody', name: 'No Number', company: '', favourite: false, numbers: [] }

class FakeWatcher implements Watcher {
  readonly watching = new Set<string>()
  readonly calls: string[] = []
  private notifyListener: ((notify: WatchNotify) => void) | undefined
  private stateListener: ((change: WatchStateChange) => void) | undefined
  watch(target: string, event: WatchEvent): void {
    this.calls.push(`watch ${target} ${event}`)
    this.watching.add(`${target} ${event}`)
  }
  unwatch(target: string, event: WatchEvent): void {
    this.calls.push(`unwatch ${target} ${event}`)
    this.watching.delete(`${target} ${event}`)
  }
  onNotify(listener: (notify: WatchNotify) => void): () => void {
    this.notifyListener = listener
    return () => (this.notifyListener = undefined)
  }
  onWatchState(listener: (change: WatchStateChange) => void): () => void {
    this.stateListener = listener
    return () => (this.stateListener = undefined)
  }
  notify(target: string, event: WatchEvent, body: string, contentType?: string): void {
    const type =
      contentType ?? (event === 'presence' ? 'application/pidf+xml' : 'application/dialog-info+xml')
    this.notifyListener?.({ target, event, contentType: type, body })
  }
  state(target: string, event: WatchEvent, state: WatchStateChange['state']): void {
    this.stateListener?.({ target, event, state })
  }
}

const dialogInfo = (version: number, dialogs: string) =>
  `<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${version}" state="full" entity="sip:4802@parley.test">${dialogs}</dialog-info>`
const ringingDialog =
  `<dialog id="d1" call-id="call-1@host" local-tag="erik-tag" remote-tag="alice-tag" direction="recipient"><state>early</state>` +
  `<remote><identity display="Alice">sip:4801@parley.test</identity></remote></dialog>`
const confirmedDialog = ringingDialog.replace('<state>early</state>', '<state>confirmed</state>')

let watcher: FakeWatcher
let api: FakeApi
let phone: FakePhone
let contacts: Contact[]
let logged: string[]
let said: Say[]
let dialled: string[]
let pickupCode: string
let colleagues: ColleaguesState
let stop: () => void
let patches: PreferencesPatch[]
let contactsChanged: () => void
let shown: string[] | null = null
let deps: ColleaguesDeps

beforeEach(() => {
  watcher = new FakeWatcher()
  phone = new FakePhone()
  contacts = [erik, maja, nobody]
  logged = []
  said = []
  dialled = []
  patches = []
  pickupCode = ''
  api = new FakeApi().handle('preferences:update', (patch) => {
    patches.push(patch as PreferencesPatch)
    return { ...testPreferences, ...(patch as PreferencesPatch) }
  })
  const log: Log = { write: (_level, _scope, text) => logged.push(text), failed: () => () => undefined }
  deps = {
    api,
    watcher,
    phone,
    notifier: { announce: (m) => said.push(m), alert: (m) => said.push(m) },
    log,
    contacts: () => contacts,
    onContactsChanged: (listener) => {
      contactsChanged = listener
      return () => (contactsChanged = () => undefined)
    },
    dial: async (target) => (dialled.push(target), 'dialled'),
    pickupCode: () => pickupCode,
    showOnly: (ids) => (shown = ids ? [...ids] : null),
  }
  colleagues = new ColleaguesState(deps)
  stop = colleagues.start()
})

const english = (message: Say) => (typeof message === 'string' ? message : render('en', message))
const lampKind = (id: string) => colleagues.lampOf(id)?.lamp.kind

async function watchErik(): Promise<void> {
  await colleagues.toggle(erik)
  watcher.state('4802', 'presence', 'active')
  watcher.state('4802', 'dialog', 'active')
}

describe('watching colleagues', () => {
  it('watches a contact’s extension first, in the form the dial pad calls it', () => {
    expect(watchTargetOf(erik)).toBe('4802')
    expect(watchTargetOf({ ...erik, numbers: [{ kind: 'mobile', value: '070-123 45 67' }] })).toBe(
      '0701234567',
    )
    expect(watchTargetOf(nobody)).toBe('')
  })

  it('a star watches presence and dialog, stores the choice, and a second star ends both', async () => {
    await colleagues.toggle(erik)
    expect([...watcher.watching]).toEqual(['4802 presence', '4802 dialog'])
    expect(patches).toEqual([{ watchedContacts: ['erik'] }])
    expect(said.map(english)).toEqual(['Watching Erik Ek.'])
    await colleagues.toggle(erik)
    expect([...watcher.watching]).toEqual([])
    expect(patches.at(-1)).toEqual({ watchedContacts: [] })
  })

  it('restores the watched set from the stored preferences, and stops every watch on stop', () => {
    colleagues.apply({ ...testPreferences, watchedContacts: ['maja', 'erik', 'gone'] })
    expect([...watcher.watching].sort()).toEqual([
      '4802 dialog',
      '4802 presence',
      '4803 dialog',
      '4803 presence',
    ])
    stop()
    expect([...watcher.watching]).toEqual([])
  })

  it('a contact without a number cannot be watched, and says so', async () => {
    await colleagues.toggle(nobody)
    expect(patches).toEqual([])
    expect(said.map(english)).toEqual(['No Number has no number to watch.'])
  })

  it('"Watched only" lists the watched contacts, and follows the set as it changes', async () => {
    await colleagues.toggle(erik)
    colleagues.setOnlyWatched(true)
    expect(shown).toEqual(['erik'])
    await colleagues.toggle(maja)
    expect(shown).toEqual(['erik', 'maja'])
    colleagues.setOnlyWatched(false)
    expect(shown).toBeNull()
  })

  it('watch all takes every contact with a number', async () => {
    await colleagues.watchAll()
    expect(patches).toEqual([{ watchedContacts: ['erik', 'maja'] }])
    expect(said.map(english)).toEqual(['Watching 2 contacts.'])
  })

  it('keeps the old set when the store refuses, and says why', async () => {
    api.handle('preferences:update', () => ({
      ok: false,
      error: { code: 'locked', message: message('reason.locked', { setting: message('setting.other') }) },
    }))
    await colleagues.toggle(erik)
    expect(colleagues.isWatched('erik')).toBe(false)
    expect(said.map(english)).toEqual([
      'The watch list was not saved: Your administrator has locked a setting.',
    ])
  })

  it('a changed number moves the watch; a deleted contact ends it', async () => {
    await watchErik()
    contacts = [{ ...erik, numbers: [{ kind: 'extension', value: '4809' }] }, maja]
    contactsChanged()
    expect(watcher.calls.slice(-4)).toEqual([
      'unwatch 4802 presence',
      'unwatch 4802 dialog',
      'watch 4809 presence',
      'watch 4809 dialog',
    ])
    contacts = [maja]
    contactsChanged()
    expect([...watcher.watching]).toEqual([])
  })
})

describe('watch all over a directory', () => {
  /** Later tasks, run by hand: each `step` is one task of the page. */
  let tasks: Array<() => void>
  const step = async () => {
    tasks.shift()?.()
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  const extension = (i: number) => String(5000 + i)
  const directory = (count: number): Contact[] =>
    Array.from({ length: count }, (_, i) => ({
      id: `c${i}`,
      name: `Colleague ${i}`,
      company: '',
      favourite: false,
      numbers: [{ kind: 'extension', value: extension(i) }],
    }))
  const watchesOf = (ids: number[]) =>
    ids.flatMap((i) => [`watch ${extension(i)} presence`, `watch ${extension(i)} dialog`])
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i)

  beforeEach(() => {
    stop()
    tasks = []
    colleagues = new ColleaguesState({ ...deps, nextTask: () => new Promise((r) => tasks.push(r)) })
    stop = colleagues.start()
  })

  it('shows every star at once, stores once, and starts the watches a slice per task, in order', async () => {
    const size = watchStartsPerTask
    contacts = directory(2 * size + 3)
    await colleagues.watchAll()
    expect(contacts.every((contact) => colleagues.isWatched(contact.id))).toBe(true)
    expect(contacts.every((contact) => colleagues.lampOf(contact.id)?.lamp.kind === LampKind.Unknown)).toBe(
      true,
    )
    expect(patches).toEqual([{ watchedContacts: contacts.map((contact) => contact.id) }])
    expect(watcher.calls).toEqual(watchesOf(range(0, size)))
    await step()
    expect(watcher.calls).toEqual(watchesOf(range(0, 2 * size)))
    await step()
    expect(watcher.calls).toEqual(watchesOf(range(0, 2 * size + 3)))
    expect(tasks).toEqual([])
    // a NOTIFY reaches a lamp started in a later slice
    watcher.notify(extension(2 * size + 2), 'dialog', dialogInfo(0, confirmedDialog))
    watcher.state(extension(2 * size + 2), 'dialog', 'active')
    expect(colleagues.lampOf(`c${2 * size + 2}`)?.lamp.kind).toBe(LampKind.InCall)
  })

  it('a colleague unwatched before their slice never starts; stop ends only what started', async () => {
    const size = watchStartsPerTask
    contacts = directory(2 * size)
    await colleagues.watchAll()
    await colleagues.toggle(contacts.at(-1) as Contact)
    await step()
    expect(watcher.calls).toEqual(watchesOf(range(0, 2 * size - 1)))
    expect(tasks).toEqual([])
    // 1 + size more: the first slice starts at once, the last one waits for its task
    contacts = directory(3 * size)
    await colleagues.watchAll()
    expect(watcher.calls).toEqual(watchesOf(range(0, 3 * size - 1)))
    stop()
    while (tasks.length > 0) await step()
    const last = extension(3 * size - 1)
    expect(watcher.calls.filter((call) => call.includes(last))).toEqual([])
    expect(watcher.calls.filter((call) => call.startsWith('unwatch '))).toHaveLength(2 * (3 * size - 1))
    expect(watcher.watching.size).toBe(0)
  })
})

describe('lamps from NOTIFYs', () => {
  beforeEach(watchErik)

  it('goes ringing → in a call → available with the dialog-info', () => {
    expect(lampKind('erik')).toBe(LampKind.Available)
    watcher.notify('4802', 'dialog', dialogInfo(0, ringingDialog))
    expect(lampKind('erik')).toBe(LampKind.Ringing)
    watcher.notify('4802', 'dialog', dialogInfo(1, confirmedDialog))
    expect(lampKind('erik')).toBe(LampKind.InCall)
    watcher.notify('4802', 'dialog', dialogInfo(2, ''))
    expect(lampKind('erik')).toBe(LampKind.Available)
    expect(logged).toEqual([])
  })

  it('shows a published status with its note', () => {
    watcher.notify(
      '4802',
      'presence',
      buildPidf('sip:4802@parley.test', { status: PresenceStatus.Lunch, note: 'back 13:00' }),
    )
    expect(colleagues.lampOf('erik')?.lamp).toMatchObject({
      kind: LampKind.Status,
      status: 'lunch',
      note: 'back 13:00',
    })
  })

  it('ignores malformed, huge, mistyped and stale bodies with one log line each, keeping the lamp', () => {
    watcher.notify('4802', 'dialog', dialogInfo(5, confirmedDialog))
    watcher.notify(
      '4802',
      'dialog',
      '<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="6" state="full"><dialog',
    )
    watcher.notify(
      '4802',
      'dialog',
      dialogInfo(7, `<dialog id="x"><state>early</state><n>${'x'.repeat(200_000)}</n></dialog>`),
    )
    watcher.notify('4802', 'dialog', dialogInfo(8, ''), 'text/html')
    watcher.notify('4802', 'dialog', dialogInfo(4, ''))
    watcher.notify('4802', 'presence', '<presence><script>alert(1)</script>')
    expect(lampKind('erik')).toBe(LampKind.InCall)
    expect(logged).toHaveLength(5)
    expect(logged.every((line) => line.startsWith('4802: '))).toBe(true)
  })

  it('ignores a NOTIFY for someone it does not watch', () => {
    watcher.notify('6666', 'dialog', dialogInfo(0, confirmedDialog))
    expect(logged).toEqual(['dialog NOTIFY for a target no lamp watches: ignored'])
  })

  it('forgets a subscription’s dialogs when it ends, and starts its versions afresh', () => {
    watcher.notify('4802', 'dialog', dialogInfo(9, confirmedDialog))
    watcher.state('4802', 'dialog', 'pending')
    watcher.state('4802', 'dialog', 'active')
    expect(lampKind('erik')).toBe(LampKind.Available)
    watcher.notify('4802', 'dialog', dialogInfo(0, confirmedDialog))
    expect(lampKind('erik')).toBe(LampKind.InCall)
  })
})

describe('picking up a ringing colleague’s call', () => {
  beforeEach(watchErik)

  it('INVITEs the caller with the dialog’s call-id and tags', async () => {
    watcher.notify('4802', 'dialog', dialogInfo(0, ringingDialog))
    expect(await colleagues.pickup('erik')).toMatch(/^out-/)
    expect(phone.commands.at(-1)).toEqual({
      name: 'pickup',
      args: [
        {
          caller: 'sip:4801@parley.test',
          callerName: 'Alice',
          callId: 'call-1@host',
          callerTag: 'alice-tag',
          calleeTag: 'erik-tag',
        },
      ],
    })
    expect(said.map(english)).toContain('Picking up the call ringing at Erik Ek.')
  })

  it('dials the PBX pickup code and the extension when the policy sets one', async () => {
    pickupCode = '*8'
    watcher.notify('4802', 'dialog', dialogInfo(0, ringingDialog))
    await colleagues.pickup('erik')
    expect(dialled).toEqual(['*84802'])
    expect(phone.commandNames()).not.toContain('pickup')
  })

  it('says so when nothing rings there (any more)', async () => {
    watcher.notify('4802', 'dialog', dialogInfo(0, confirmedDialog))
    expect(await colleagues.pickup('erik')).toBeNull()
    expect(said.map(english)).toContain('Nothing is ringing at Erik Ek now.')
    expect(phone.commandNames()).not.toContain('pickup')
  })

  it('knows the colleague is in a call on the watched number only', () => {
    watcher.notify('4802', 'dialog', dialogInfo(0, confirmedDialog))
    expect(colleagues.isInCallAt('erik', '4802')).toBe(true)
    expect(colleagues.isInCallAt('erik', '070-123 45 67')).toBe(false)
    expect(colleagues.isInCallAt('maja', '4803')).toBe(false)
  })
})
