import { message } from '../../contract/i18n'
import { inEnglish, inSwedish } from '../testing/english'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Contact, ContactImportProgress } from '../../contract/schemas'
import { HandlerError } from '../ipc/handlers'
import { MemoryLogger } from '../log/logger'
import { contactHandlers } from './contact-handlers'
import { ContactStore } from './contact-store'
import { ContactImportRunner } from './import-runner'
import { startSourceImportWorker } from '../testing/source-import-worker'

let directory: string
let path: string
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'parley-contacts-'))
  path = join(directory, 'contacts.json')
})
afterEach(async () => {
  await rm(directory, { recursive: true, force: true })
})

async function openStore(): Promise<ContactStore> {
  let next = 0
  const store = new ContactStore({
    path,
    logger: new MemoryLogger(),
    newId: () => `id-${++next}`,
    now: () => new Date('2026-11-25T15:00:00Z'),
  })
  await store.start()
  return store
}

const progress: ContactImportProgress[] = []
/** The real handlers with the real import worker (a thread, as in the app). */
const handlersFor = (store: ContactStore, timeLimitMs = 30_000) =>
  contactHandlers(
    store,
    new ContactImportRunner({
      startWorker: startSourceImportWorker,
      timeLimitMs,
      logger: new MemoryLogger(),
    }),
    {
      emit: (_event, payload) => progress.push(payload as ContactImportProgress),
    },
  )

const context = { sender: { frameUrl: 'app://parley/index.html', isMainFrame: true } }
const bo: Contact = {
  id: '',
  name: 'Bo Berg',
  company: '',
  favourite: false,
  numbers: [{ kind: 'work', value: '08-12' }],
}

describe('ContactStore', () => {
  it('saves, replaces and deletes contacts, and reads them back after a restart', async () => {
    const store = await openStore()
    const saved = await store.save(bo)
    expect(saved.id).toBe('id-1')
    await store.save({ ...saved, favourite: true })
    expect(store.list()).toEqual([{ ...saved, favourite: true }])
    expect((await openStore()).list()).toEqual([{ ...saved, favourite: true }])
    expect(await store.delete(saved.id)).toBe(true)
    expect(await store.delete(saved.id)).toBe(false)
    expect((await openStore()).list()).toEqual([])
  })

  it('refuses a contact with neither name nor number, and tidies what it saves', async () => {
    const store = await openStore()
    const handlers = handlersFor(store)
    await expect(
      handlers['contacts:save']({ ...bo, name: '  ', numbers: [{ kind: 'work', value: ' ' }] }, context),
    ).rejects.toMatchObject({ code: 'invalid-input', text: message('reason.contact-needs-name') })
    const saved = await handlers['contacts:save'](
      {
        ...bo,
        name: '',
        company: ' Acme ',
        numbers: [
          { kind: 'work', value: ' 08-12 ' },
          { kind: 'home', value: '' },
        ],
      },
      context,
    )
    expect(saved).toMatchObject({
      name: '08-12',
      company: 'Acme',
      numbers: [{ kind: 'work', value: '08-12' }],
    })
  })

  it('imports all contacts of a file in one write and skips ones already present', async () => {
    const store = await openStore()
    await store.save(bo)
    const handlers = handlersFor(store)
    const report = await handlers['contacts:import'](
      { format: 'csv', text: 'Name,Phone\nBo Berg,08-12\nEva Holm,08-34\nEva Holm,08 34\n,\nNo Number,\n' },
      context,
    )
    // Bo Berg is already there; the second Eva Holm is the same number formatted differently.
    expect(report).toEqual({ imported: 2, skipped: 2 })
    expect(progress[0]).toEqual({ phase: 'reading', percent: 0 })
    expect(progress.at(-1)).toEqual({ phase: 'saving', percent: 100 })
    expect((await openStore()).list().map((contact) => contact.name)).toEqual([
      'Bo Berg',
      'Eva Holm',
      'No Number',
    ])
  })

  it('imports nothing from a broken file and says which line is wrong', async () => {
    const store = await openStore()
    const handlers = handlersFor(store)
    const broken = 'BEGIN:VCARD\nFN:Good One\nEND:VCARD\nBEGIN:VCARD\nFN:Half\n'
    await expect(
      handlers['contacts:import']({ format: 'vcard', text: broken }, context),
    ).rejects.toThrowError(/^Line 4: this card is never closed/)
    await expect(
      handlers['contacts:import']({ format: 'vcard', text: broken }, context),
    ).rejects.toBeInstanceOf(HandlerError)
    expect(store.list()).toEqual([])
    expect((await openStore()).list()).toEqual([])
  })

  it('imports nothing when reading takes longer than the time limit', async () => {
    const store = await openStore()
    const handlers = handlersFor(store, 5)
    const text = `Name,Phone\n${'Eva Holm,08-34\n'.repeat(50_000)}`
    await expect(handlers['contacts:import']({ format: 'csv', text }, context)).rejects.toMatchObject({
      code: 'invalid-input',
      text: message('import.too-slow', { seconds: 1 }),
      message: 'Reading the file took longer than 1 second, so it was stopped. Try a smaller file.',
    })
    expect(store.list()).toEqual([])
    expect((await openStore()).list()).toEqual([])
  })

  it('refuses text whose characters were already lost in decoding, naming the line', async () => {
    const store = await openStore()
    const handlers = handlersFor(store)
    await expect(
      handlers['contacts:import']({ format: 'csv', text: 'Name,Phone\nBo,1\n\uFFFDsa,2\n' }, context),
    ).rejects.toThrowError(/^Line 3: some characters could not be read/)
    expect(store.list()).toEqual([])
  })

  it('changes nothing when the disk refuses the write', async () => {
    // A folder that does not exist: nothing to read (a first start), and no way to write.
    path = join(directory, 'missing-folder', 'contacts.json')
    const store = await openStore()
    const handlers = handlersFor(store)
    await expect(handlers['contacts:save'](bo, context)).rejects.toMatchObject({ code: 'storage' })
    await expect(
      handlers['contacts:import']({ format: 'csv', text: 'Name\nEva\n' }, context),
    ).rejects.toMatchObject({
      code: 'storage',
    })
    expect(store.list()).toEqual([])
  })

  it('never overwrites a contacts file it could not read', async () => {
    await mkdir(path) // unreadable as a file, whoever runs the test
    const store = await openStore()
    expect(store.takeNotices()).toEqual([message('notice.contacts-unreadable')])
    await expect(store.save(bo)).rejects.toThrowError(/left untouched/)
    expect((await stat(path)).isDirectory()).toBe(true)
  })

  it('sets a damaged file aside, keeps it and starts with the contacts that were valid', async () => {
    const valid = { id: 'a', name: 'Åsa', company: '', favourite: false, numbers: [] }
    await writeFile(path, JSON.stringify({ version: 1, contacts: [valid, { id: 'b', name: 42 }] }))
    const store = await openStore()
    expect(store.list()).toEqual([valid])
    const [notice] = inSwedish(store.takeNotices())
    expect(notice).toMatch(
      /^Kontaktfilen var skadad \(1 kontakt gick inte att läsa\)\. Originalet sparades som .*contacts\.json\.corrupt-/,
    )
    const setAside = (await readdir(directory)).find((name) => name.startsWith('contacts.json.corrupt-'))
    expect(setAside).toBeDefined()
    expect(JSON.parse(await readFile(join(directory, setAside as string), 'utf8')).contacts).toHaveLength(2)
    expect((await openStore()).takeNotices()).toEqual([])
  })

  it('sets aside a file that is not JSON', async () => {
    await writeFile(path, '{"version":1,"contacts":[{"id":"a"')
    const store = await openStore()
    expect(store.list()).toEqual([])
    expect(inEnglish(store.takeNotices())[0]).toMatch(/damaged \(it is not valid JSON\)/)
    expect((await readdir(directory)).some((name) => name.startsWith('contacts.json.corrupt-'))).toBe(true)
  })

  it('lists a page of the address book when asked for one, the whole list otherwise', async () => {
    const store = await openStore()
    const handlers = handlersFor(store)
    for (const name of ['Ada', 'Bo', 'Cy', 'Di', 'Ed']) await store.save({ ...bo, name })
    const names = (contacts: Contact[]) => contacts.map((contact) => contact.name)
    const all = names(await handlers['contacts:list'](undefined, context))
    expect(all).toHaveLength(5)
    const pages = [
      await handlers['contacts:list']({ offset: 0, limit: 2 }, context),
      await handlers['contacts:list']({ offset: 2, limit: 2 }, context),
      await handlers['contacts:list']({ offset: 4, limit: 2 }, context),
    ]
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1])
    expect(pages.flatMap(names)).toEqual(all)
    expect(await handlers['contacts:list']({ offset: 5, limit: 2 }, context)).toEqual([])
  })
})
