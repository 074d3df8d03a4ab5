import { describe, expect, it, vi } from 'vitest'
import type { Contact } from '../../contract/schemas'
import { ContactsState } from './contacts.svelte'
import { BookContact, ContactBook } from '../contacts/contact-book'
import { FakeApi } from '../testing/fake-api'
import { inEnglish } from '../testing/in-english'
import { english } from '../testing/english'
import { message, render, type Message } from '../../contract/i18n'
import type { Say } from './ui.svelte'

const contacts: Contact[] = [
  {
    id: '1',
    name: 'Åsa Östlund',
    company: 'Acme',
    favourite: false,
    numbers: [{ kind: 'work', value: '+46 8-120 100 64' }],
  },
  {
    id: '2',
    name: 'Bo Berg',
    company: '',
    favourite: false,
    numbers: [{ kind: 'extension', value: '1002' }],
  },
]

/** The names of the rows the list shows, in order. */
const shownNames = (state: ContactsState) => Array.from(state.results, (at) => state.contactAt(at).name)

function setup() {
  const api = new FakeApi()
    .handle('contacts:list', () => contacts)
    .handle('contacts:save', (contact) => contact as Contact)
    .handle('contacts:delete', () => true)
    .handle('contacts:import', () => ({ imported: 2, skipped: 1 }))
    .handle('contacts:notices', () => [])
  const notifier = { announce: vi.fn(), alert: vi.fn() }
  return { api, notifier, state: new ContactsState(api, inEnglish(notifier)) }
}

describe('ContactsState', () => {
  it('shows what main says about the contacts file (given once) until dismissed', async () => {
    const { state, api } = setup()
    const damaged = message('notice.contacts-damaged', {
      problem: message('notice.contacts-problem-json'),
      keptAs: 'contacts.json.corrupt-1',
      count: 0,
    })
    let notices: Message[] = [damaged]
    api.handle('contacts:notices', () => {
      const given = notices
      notices = []
      return given
    })
    await state.load()
    expect(state.fileNotices.list).toEqual([damaged])
    expect(render('sv', damaged)).toMatch(/^Kontaktfilen var skadad \(den är inte giltig JSON\)/)
    await state.load()
    expect(state.fileNotices.list).toEqual([damaged])
    state.fileNotices.dismiss(damaged)
    expect(state.fileNotices.list).toEqual([])
  })

  it('loads and searches diacritics-insensitively and by digits', async () => {
    const { state } = setup()
    await state.load()
    state.setQuery('asa')
    expect(shownNames(state)).toEqual(['Åsa Östlund'])
    state.setQuery('120 100')
    expect(shownNames(state)).toEqual(['Åsa Östlund'])
    state.setQuery('')
    expect(state.results).toHaveLength(2)
  })

  it('shows numbers as given and names no caller until libphonenumber has loaded with the address book', async () => {
    const { state } = setup()
    expect(state.display('+46812010064')).toBe('+46812010064')
    expect(state.nameForNumber('0812010064')).toBe('')
    expect(state.results).toHaveLength(0)
    await state.load()
    expect(state.display('+46812010064')).toBe('08-120 100 64')
    expect(state.nameForNumber('0812010064')).toBe('Åsa Östlund')
  })

  it('names numbers from the address book, across +46 / 0 prefixes', async () => {
    const { state } = setup()
    await state.load()
    expect(state.nameForNumber('1002')).toBe('Bo Berg')
    expect(state.nameForNumber('0812010064')).toBe('Åsa Östlund')
    expect(state.nameForNumber('555')).toBe('')
  })

  it('names an incoming +46812010064 after the contact stored as 08-120 100 64, never a foreign number', async () => {
    const { state, api } = setup()
    api.handle('contacts:list', () => [
      {
        id: 'v',
        name: 'Växeln',
        company: '',
        favourite: false,
        numbers: [{ kind: 'work', value: '08-120 100 64' }],
      },
    ])
    await state.load()
    expect(state.nameForNumber('+46812010064')).toBe('Växeln')
    expect(state.nameForNumber('0046812010064')).toBe('Växeln')
    expect(state.nameForNumber('+47812010064')).toBe('')
    expect(state.nameForNumber('+4412010064')).toBe('')
    expect(state.display('+46812010064')).toBe('08-120 100 64')
    expect(state.display('+4722123456')).toBe('+47 22 12 34 56')
  })

  it('saves, deletes and reports failures in plain words', async () => {
    const { state, api, notifier } = setup()
    await state.load()
    await state.save({ ...contacts[1]!, name: 'Bo Berglund' })
    expect(state.contactAt(state.contacts.positionOf('2')).name).toBe('Bo Berglund')
    await state.remove('1')
    expect(state.contacts.all().map((c) => c.id)).toEqual(['2'])
    api.handle('contacts:save', () => ({
      ok: false,
      error: { code: 'invalid-input', message: message('form.too-long', { max: 128 }) },
    }))
    expect(await state.save(contacts[0]!)).toBe(false)
    expect(notifier.alert).toHaveBeenCalledWith(expect.stringContaining('Use at most 128 characters.'))
  })

  it('decodes a Windows-1252 CSV export before sending it', async () => {
    const { state, api } = setup()
    const bytes = new Uint8Array([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0xc5, 0x73, 0x61]) // "Name\nÅsa" in cp1252
    await state.importFile(new File([bytes], 'outlook.csv'))
    expect(api.sent('contacts:import')).toEqual([{ format: 'csv', text: 'Name\nÅsa' }])
  })

  it('decodes an Outlook "Unicode" (UTF-16 LE) CSV export', async () => {
    const { state, api } = setup()
    const text = 'Name\nÅsa'
    const bytes = new Uint8Array(2 + text.length * 2)
    bytes.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i)
    await state.importFile(new File([bytes], 'contacts.csv'))
    expect(api.sent('contacts:import')).toEqual([{ format: 'csv', text: 'Name\nÅsa' }])
  })

  it('says why when the chosen file cannot be read, and sends nothing', async () => {
    const { state, api, notifier } = setup()
    const file = new File(['x'], 'gone.csv')
    file.arrayBuffer = () => Promise.reject(new Error('The file was moved or deleted.'))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(await state.importFile(file)).toBeNull()
    expect(notifier.alert).toHaveBeenCalledWith('Nothing was imported: gone.csv could not be read.')
    expect(String(warn.mock.calls[0]?.[0])).toContain('The file was moved or deleted.')
    warn.mockRestore()
    expect(api.sent('contacts:import')).toEqual([])
  })

  it('imports a file as text with the format from its name, and refuses other files', async () => {
    const { state, api, notifier } = setup()
    const report = await state.importFile(new File(['BEGIN:VCARD\nEND:VCARD\n'], 'people.VCF'))
    expect(report).toEqual({ imported: 2, skipped: 1 })
    expect(api.sent('contacts:import')).toEqual([{ format: 'vcard', text: 'BEGIN:VCARD\nEND:VCARD\n' }])
    expect(await state.importFile(new File(['x'], 'photo.png'))).toBeNull()
    expect(notifier.alert).toHaveBeenCalledWith(expect.stringMatching(/vCard|CSV/))
    expect(api.sent('contacts:import')).toHaveLength(1)
  })

  it('shows how far main is while it imports, and nothing once it is done', async () => {
    const { state, api } = setup()
    const seen: Say[] = []
    api.handle('contacts:import', () => {
      seen.push(state.importStatus)
      api.emit('contacts-import-progress', { phase: 'reading', percent: 40 })
      seen.push(state.importStatus)
      api.emit('contacts-import-progress', { phase: 'saving', percent: 0 })
      seen.push(state.importStatus)
      return { imported: 1, skipped: 0 }
    })
    await state.importFile(new File(['Name\nBo\n'], 'a.csv'))
    expect(seen.map(english)).toEqual([
      'Reading the file… 0%',
      'Reading the file… 40%',
      'Saving the contacts…',
    ])
    expect(seen.map((said) => render('sv', said as Message))).toEqual([
      'Läser filen… 0 %',
      'Läser filen… 40 %',
      'Sparar kontakterna…',
    ])
    expect(state.importProgress).toBeNull()
    expect(state.importStatus).toBe('')
    api.emit('contacts-import-progress', { phase: 'reading', percent: 10 })
    expect(state.importProgress).toBeNull()
  })

  it('reads a long address book a page at a time, then shows and names it all', async () => {
    const many: Contact[] = Array.from({ length: 1203 }, (_, index) => ({
      id: `c${index}`,
      name: `Contact ${String(index).padStart(4, '0')}`,
      company: '',
      favourite: false,
      numbers: [{ kind: 'work', value: `08-555 ${String(index).padStart(4, '0')}` }],
    }))
    const api = new FakeApi().handle('contacts:list', (request) => {
      const { offset, limit } = request as { offset: number; limit: number }
      return many.slice(offset, offset + limit)
    })
    const state = new ContactsState(api, inEnglish({ announce: vi.fn(), alert: vi.fn() }))
    await state.load()
    const pages = api.sent('contacts:list') as Array<{ offset: number; limit: number }>
    expect(pages.map((page) => page.offset)).toEqual([0, 500, 1000])
    expect(pages.every((page) => page.limit <= 500)).toBe(true)
    expect(state.contacts).toHaveLength(1203)
    expect(state.results).toHaveLength(1203)
    expect(state.nameForNumber('085551202')).toBe('Contact 1202')
    // Held packed (issue 14's heap): the pages' plain objects are not what the window keeps, and
    // the rows are positions whose contact is read when a row asks for it.
    expect(state.contacts).toBeInstanceOf(ContactBook)
    expect(state.results).toBeInstanceOf(Int32Array)
    expect(state.contactAt(state.results[1202] as number)).toBeInstanceOf(BookContact)
    expect(state.contactAt(state.results[1202] as number).name).toBe('Contact 1202')
  })

  it('keeps a saved contact packed with the rest, in name order, and the editor gets plain copies', async () => {
    const { state } = setup()
    await state.load()
    const added: Contact = {
      ...contacts[1]!,
      id: '3',
      name: 'Ann Ek',
      numbers: [{ kind: 'mobile', value: '070-1' }],
    }
    await state.save(added)
    expect(state.contacts.all().map((c) => c.name)).toEqual(['Ann Ek', 'Åsa Östlund', 'Bo Berg'])
    expect(state.contacts).toBeInstanceOf(ContactBook)
    expect(structuredClone(JSON.parse(JSON.stringify(state.contactAt(0))))).toEqual(added)
  })
})
