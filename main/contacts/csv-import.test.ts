import { describe, expect, it } from 'vitest'
import { parseContactsCsv } from './csv-import'
import { readCsv } from './csv-reader'
import { ContactImportError } from './import-error'

function importError(text: string): ContactImportError {
  try {
    parseContactsCsv(text)
  } catch (error) {
    if (error instanceof ContactImportError) return error
    throw error
  }
  throw new Error('expected the import to fail')
}

describe('CSV reader', () => {
  it('handles quoted commas, doubled quotes and line breaks inside quotes', () => {
    const records = readCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\nlast,,\n')
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 4, fields: ['last', '', ''] },
    ])
  })

  it('detects a semicolon delimiter from the header', () => {
    expect(readCsv('Name;Phone\n"Berg, Bo";08-12\n')[1]?.fields).toEqual(['Berg, Bo', '08-12'])
  })

  it('names the line of an unterminated quote and of text after a closing quote', () => {
    expect(() => readCsv('a,b\n1,2\n"open,3\n4,5\n')).toThrowError(/^Line 3: .*closing quote is missing/)
    expect(() => readCsv('a,b\n"x"y,2\n')).toThrowError(/^Line 2: unexpected text after a closing quote/)
  })
})

describe('CSV contact import', () => {
  it('reads an Outlook export', () => {
    const file = [
      '"First Name","Middle Name","Last Name","Title","Company","Business Phone","Business Fax","Home Phone","Mobile Phone","E-mail Address"',
      '"Åsa","","Östlund","","Ærø Shipping, Ltd","+46 8 123 45 67","+46 8 999 99 99","","070-123 45 67","asa@example.com"',
      '"","","","","Reception","200","","","",""',
    ].join('\r\n')
    expect(parseContactsCsv(file)).toEqual({
      empty: 0,
      contacts: [
        {
          name: 'Åsa Östlund',
          company: 'Ærø Shipping, Ltd',
          favourite: false,
          numbers: [
            { kind: 'work', value: '+46 8 123 45 67' },
            { kind: 'mobile', value: '070-123 45 67' },
          ],
        },
        {
          name: 'Reception',
          company: 'Reception',
          favourite: false,
          numbers: [{ kind: 'work', value: '200' }],
        },
      ],
    })
  })

  it('reads an Outlook export written in Swedish (Swedish headers, semicolons)', () => {
    const file = [
      'Förnamn;Mellannamn;Efternamn;Företag;Telefon (arbete);Fax (arbete);Telefon (hem);Mobiltelefon',
      'Åsa;;Östlund;Östlund & Co;08-120 100 64;08-999 99 99;;070-123 45 67',
      ';;;Växeln;Anknytning saknas;;;',
    ].join('\r\n')
    const read = parseContactsCsv(file)
    expect(read.contacts[0]).toEqual({
      name: 'Åsa Östlund',
      company: 'Östlund & Co',
      favourite: false,
      numbers: [
        { kind: 'work', value: '08-120 100 64' },
        { kind: 'mobile', value: '070-123 45 67' },
      ],
    })
    expect(
      parseContactsCsv('Namn;Anknytning;Hemtelefon\r\nReception;200;08-1\r\n').contacts[0],
    ).toMatchObject({
      name: 'Reception',
      numbers: [
        { kind: 'extension', value: '200' },
        { kind: 'home', value: '08-1' },
      ],
    })
  })

  it('reads a Google export: typed phone slots, several numbers per cell, starred as favourite', () => {
    const file = [
      'Name,Given Name,Family Name,Group Membership,Organization 1 - Name,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Phone 3 - Type,Phone 3 - Value',
      'Zoë Müller,Zoë,Müller,* starred ::: * myContacts,Acme AB,* Mobile,+46 70 111 22 33 ::: +46 70 444 55 66,Work,08-555 12,Work Fax,08-555 13',
      ',Bertil,Berg,* myContacts,,Home,"08-12 34, 56",,,,',
    ].join('\n')
    const { contacts } = parseContactsCsv(file)
    expect(contacts).toEqual([
      {
        name: 'Zoë Müller',
        company: 'Acme AB',
        favourite: true,
        numbers: [
          { kind: 'mobile', value: '+46 70 111 22 33' },
          { kind: 'mobile', value: '+46 70 444 55 66' },
          { kind: 'work', value: '08-555 12' },
        ],
      },
      {
        name: 'Bertil Berg',
        company: '',
        favourite: false,
        numbers: [{ kind: 'home', value: '08-12 34, 56' }],
      },
    ])
  })

  it('reads the newer Google layout (Organization Name, Phone 1 - Label)', () => {
    const file =
      'First Name,Last Name,Organization Name,Phone 1 - Label,Phone 1 - Value\nEva,Holm,Stadshuset,Work,08-508 290 00\n'
    expect(parseContactsCsv(file).contacts).toEqual([
      {
        name: 'Eva Holm',
        company: 'Stadshuset',
        favourite: false,
        numbers: [{ kind: 'work', value: '08-508 290 00' }],
      },
    ])
  })

  it('skips blank rows and counts rows with nothing to keep', () => {
    const result = parseContactsCsv('Name,Phone\nBo,1\n\n,,\n,\n')
    expect(result.contacts.map((contact) => contact.name)).toEqual(['Bo'])
    expect(result.empty).toBe(0)
    expect(parseContactsCsv('Name,Phone,Email\n,,x@example.com\n').empty).toBe(1)
  })

  it('refuses a header with no name or phone column', () => {
    expect(importError('foo,bar\n1,2\n').message).toMatch(/^Line 1: no name or phone columns/)
  })

  it('refuses a row wider than the header, naming its line', () => {
    const error = importError('Name,Phone\nBo,1\n"Multi\nline",2\nEva,3,extra\n')
    expect(error.line).toBe(5)
  })

  it('refuses an empty file', () => {
    expect(importError('').line).toBe(1)
  })
})
