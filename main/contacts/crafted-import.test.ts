import { describe, expect, it } from 'vitest'
import { parseContactsCsv } from './csv-import'
import { parseVCards } from './vcard-import'

// The crafted files of issue 12. Each took from 9 s to minutes with the old parsers (re-split
// lines, header × rows work), far past this test's time limit; linear parsers read them in
// milliseconds.
describe('crafted contact files are read in linear time', () => {
  it('a 128 KB vCard with a TEL line of 64,000 bare "a" parameters', () => {
    const text = `BEGIN:VCARD\r\nFN:Mallory\r\nTEL;${'a;'.repeat(64_000)}WORK:+46 8 123\r\nEND:VCARD\r\n`
    expect(text.length).toBeGreaterThan(128_000)
    const { contacts } = parseVCards(text)
    expect(contacts).toEqual([
      { name: 'Mallory', company: '', favourite: false, numbers: [{ kind: 'work', value: '+46 8 123' }] },
    ])
  })

  it('a 1.28 MB vCard whose base64 photo continues on unindented lines', () => {
    const photo = Array.from({ length: 20_000 }, () => 'QUJD'.repeat(16)).join('\r\n')
    const text = `BEGIN:VCARD\r\nFN:Åsa\r\nPHOTO;ENCODING=BASE64;TYPE=JPEG:${photo}\r\nTEL;CELL:070-123\r\nEND:VCARD\r\n`
    expect(text.length).toBeGreaterThan(1_280_000)
    expect(parseVCards(text).contacts[0]).toMatchObject({ name: 'Åsa', numbers: [{ value: '070-123' }] })
  })

  it('a 1.28 MB vCard whose quoted-printable note continues with soft line breaks', () => {
    const note = Array.from({ length: 20_000 }, () => `${'=41'.repeat(21)}=`).join('\r\n')
    const text = `BEGIN:VCARD\r\nFN:Bo\r\nNOTE;ENCODING=QUOTED-PRINTABLE:${note}\r\n\r\nTEL:100\r\nEND:VCARD\r\n`
    expect(text.length).toBeGreaterThan(1_280_000)
    expect(parseVCards(text).contacts[0]).toMatchObject({ name: 'Bo', numbers: [{ value: '100' }] })
  })

  it('a 128 KB CSV whose header repeats "Name" and "Phone" 6,000 times over 30,000 short rows', () => {
    const header = 'Name,Phone,'.repeat(6_000)
    const text = `${header}\n${'x,1\n'.repeat(30_000)}`
    expect(text.length).toBeGreaterThan(128_000)
    const { contacts } = parseContactsCsv(text)
    expect(contacts).toHaveLength(30_000)
    expect(contacts[0]).toEqual({
      name: 'x',
      company: '',
      favourite: false,
      numbers: [{ kind: 'work', value: '1' }],
    })
  })
})
