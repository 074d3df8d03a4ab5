import { describe, expect, it } from 'vitest'
import { ContactImportError } from './import-error'
import { parseVCards } from './vcard-import'

function importError(text: string): ContactImportError {
  try {
    parseVCards(text)
  } catch (error) {
    if (error instanceof ContactImportError) return error
    throw error
  }
  throw new Error('expected the import to fail')
}

describe('vCard import', () => {
  it('reads several vCard 3.0 cards with folded lines, escapes and typed numbers', () => {
    const file = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Åsa Östlund',
      'N:Östlund;Åsa;;;',
      'ORG:Ærø Shipping\\, Ltd;Sales',
      'TEL;TYPE=work,voice:+46 8 123 45',
      '  67', // folded: the first space is the fold marker, the second is content
      'TEL;TYPE=CELL:070-123 45 67',
      'TEL;TYPE=WORK;TYPE=FAX:+46 8 999',
      'item1.TEL;TYPE=HOME:08-55 55',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Berg;Bertil;Erik;Dr;',
      'TEL:200',
      'END:VCARD',
      '',
    ].join('\r\n')
    const { contacts, empty } = parseVCards(file)
    expect(empty).toBe(0)
    expect(contacts).toEqual([
      {
        name: 'Åsa Östlund',
        company: 'Ærø Shipping, Ltd',
        favourite: false,
        numbers: [
          { kind: 'work', value: '+46 8 123 45 67' },
          { kind: 'mobile', value: '070-123 45 67' },
          { kind: 'home', value: '08-55 55' },
        ],
      },
      { name: 'Bertil Erik Berg', company: '', favourite: false, numbers: [{ kind: 'other', value: '200' }] },
    ])
  })

  it('reads vCard 4.0 with quoted TYPE lists and tel: URIs', () => {
    const file = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Zoë Müller',
      'TEL;VALUE=uri;PREF=1;TYPE="voice,work":tel:+46-8-123-4567;ext=12',
      'TEL;VALUE=uri;TYPE="cell,voice":tel:+46-70-111-2233',
      'END:VCARD',
    ].join('\n')
    expect(parseVCards(file).contacts[0]?.numbers).toEqual([
      { kind: 'work', value: '+46-8-123-4567' },
      { kind: 'mobile', value: '+46-70-111-2233' },
    ])
  })

  it('reads vCard 2.1 bare types and quoted-printable text in its charset', () => {
    const file = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=96stlund;=C3=85sa',
      'FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:=C5sa =D6st=',
      'lund',
      'TEL;CELL;VOICE:0701234567',
      'END:VCARD',
    ].join('\r\n')
    const [contact] = parseVCards(file).contacts
    expect(contact?.name).toBe('Åsa Östlund')
    expect(contact?.numbers).toEqual([{ kind: 'mobile', value: '0701234567' }])
  })

  it('reads the bare QUOTED-PRINTABLE parameter of vCard 2.1', () => {
    const file =
      'BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=UTF-8;QUOTED-PRINTABLE:S=C3=B8ren =\r\nKierkegaard\r\nEND:VCARD\r\n'
    expect(parseVCards(file).contacts[0]?.name).toBe('Søren Kierkegaard')
  })

  it('skips an unindented base64 photo (vCard 2.1) instead of refusing the file', () => {
    const file = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:Bo Berg',
      'PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQ',
      'AAABAAEAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U',
      'HRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL=',
      '',
      'TEL;WORK:08-12',
      'END:VCARD',
    ].join('\r\n')
    expect(parseVCards(file).contacts).toEqual([
      { name: 'Bo Berg', company: '', favourite: false, numbers: [{ kind: 'work', value: '08-12' }] },
    ])
  })

  it('counts a card with nothing to keep as empty instead of inventing a contact', () => {
    const result = parseVCards(
      'BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@example.com\nEND:VCARD\nBEGIN:VCARD\nFN:Bo\nEND:VCARD\n',
    )
    expect(result.contacts.map((contact) => contact.name)).toEqual(['Bo'])
    expect(result.empty).toBe(1)
  })

  it('refuses a card that is never closed, naming the line where it starts', () => {
    const error = importError('BEGIN:VCARD\nFN:Good\nEND:VCARD\nBEGIN:VCARD\nFN:Broken\nTEL:1\n')
    expect(error.line).toBe(4)
    expect(error.message).toMatch(/^Line 4: .*END:VCARD missing/)
  })

  it('refuses a card nested in another card', () => {
    const error = importError('BEGIN:VCARD\nFN:A\nBEGIN:VCARD\nFN:B\nEND:VCARD\n')
    expect(error.line).toBe(3)
  })

  it('refuses a line without a colon, counting physical lines across folds', () => {
    const error = importError('BEGIN:VCARD\nFN:Long\n name\nTEL:1\nthis line is broken\nEND:VCARD\n')
    expect(error.line).toBe(5)
    expect(error.message).toContain('this line is broken')
  })

  it('refuses text outside a card and files without cards', () => {
    expect(importError('hello\n').line).toBe(1)
    expect(importError('BEGIN:VCARD\nFN:A\nEND:VCARD\nEND:VCARD\n').line).toBe(4)
    expect(importError('\n\n').message).toMatch(/no contacts found/)
  })

  it('refuses quoted-printable that is not valid in its charset', () => {
    const error = importError('BEGIN:VCARD\nFN;ENCODING=QUOTED-PRINTABLE:=FF=FE\nEND:VCARD\n')
    expect(error.line).toBe(2)
  })

  it('still checks the lines of properties it skips (EMAIL, NOTE, …), and reads grouped ones', () => {
    expect(importError('BEGIN:VCARD\nFN:A\nEM@IL;TYPE=work:a@b\nEND:VCARD\n')).toMatchObject({ line: 3 })
    expect(importError('BEGIN:VCARD\nFN:A\nNOTE;TYPE="x:y"\nEND:VCARD\n').line).toBe(3)
    const { contacts } = parseVCards(
      'BEGIN:VCARD\nitem1.TEL;TYPE=CELL:070-1\nEMAIL;TYPE="a:b";X=1:x@y\nitem2.FN:Bo\nEND:VCARD\n',
    )
    expect(contacts).toEqual([
      expect.objectContaining({ name: 'Bo', numbers: [{ kind: 'mobile', value: '070-1' }] }),
    ])
  })
})
