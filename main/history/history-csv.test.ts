import { describe, expect, it } from 'vitest'
import type { HistoryEntry } from '../../contract/schemas'
import { csvCell, historyToCsv, localTimestamp } from './history-csv'
import { dndNote } from '../../contract/history-note'

const entry: HistoryEntry = {
  id: 'c1',
  direction: 'incoming',
  outcome: 'transferred',
  remoteName: 'Svensson, "Bosse"\nAB',
  remoteNumber: '+46812345',
  via: '=HYPERLINK("http://evil.example","click")',
  transferredTo: '@sum(A1)',
  startedAt: new Date(2026, 10, 25, 9, 5, 7).getTime(),
  ringMs: 4400,
  talkMs: 61_600,
}

describe('history CSV export', () => {
  it('quotes every text cell, doubling quotes', () => {
    expect(csvCell('plain')).toBe('"plain"')
    expect(csvCell('')).toBe('""')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"')
  })

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=1+1')).toBe(`"'=1+1"`)
    expect(csvCell('+46812345')).toBe(`"'+46812345"`)
    expect(csvCell('-2')).toBe(`"'-2"`)
    expect(csvCell('@cmd')).toBe(`"'@cmd"`)
    expect(csvCell('\tx')).toBe(`"'\tx"`)
    expect(csvCell('\rx')).toBe(`"'\rx"`)
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
  })

  it('neutralises formula starts after any separator, so a Swedish Excel splitting on ";" runs nothing', () => {
    expect(csvCell('Bob;=1+1;')).toBe(`"Bob;'=1+1;"`)
    expect(csvCell('Bob; =1+1')).toBe(`"Bob; '=1+1"`)
    expect(csvCell('a,+1,-2\t@x\n=y')).toBe(`"a,'+1,'-2\t'@x\n'=y"`)
    expect(csvCell('Anna-Lena; Acme')).toBe('"Anna-Lena; Acme"')
    // Whatever the list separator, no piece of any cell starts with a formula character.
    const row = historyToCsv([{ ...entry, remoteName: 'Bob;=1+1;', via: '+1;@2,-3\t=4' }], 'sv')
    for (const piece of row.split(/[,;\t\r\n]/)) expect(piece.replace(/^[" ]*/, '')).not.toMatch(/^[=+\-@]/)
  })

  it('writes a header and one CRLF row per call, with local time and whole seconds', () => {
    const csv = historyToCsv([entry], 'en')
    expect(
      csv.startsWith(
        '\uFEFF"Started","Direction","Outcome","Name","Number","Via","Transferred to","Note","Ring seconds","Talk seconds"\r\n',
      ),
    ).toBe(true)
    const row = csv.slice(csv.indexOf('\r\n') + 2)
    expect(row).toBe(
      `"2026-11-25 09:05:07","incoming","Transferred","Svensson, ""Bosse""\nAB","'+46812345",` +
        `"'=HYPERLINK(""http://evil.example"",""click"")","'@sum(A1)","",4,62\r\n`,
    )
  })

  it('writes the header row and the direction and outcome in Swedish for a Swedish user', () => {
    const csv = historyToCsv([entry], 'sv')
    const [header, row] = csv.split('\r\n')
    expect(header).toBe(
      '\uFEFF"Start","Riktning","Utfall","Namn","Nummer","Via","Kopplat till","Anteckning","Ringtid (s)","Samtalstid (s)"',
    )
    // The transfer's target has its own column, so the outcome cell does not repeat it.
    expect(row).toContain('"inkommande","Kopplat vidare","Svensson')
    const outgoingMissed = historyToCsv([{ ...entry, direction: 'outgoing', outcome: 'failed' }], 'sv')
    expect(outgoingMissed.split('\r\n')[1]).toContain('"utgående","')
    expect(outgoingMissed).not.toMatch(/"outgoing"|"failed"/)
  })

  it('writes the do-not-disturb note in the export language, also on entries from before the code', () => {
    const noteCell = (note: string, language: 'en' | 'sv') =>
      historyToCsv([{ ...entry, outcome: 'missed', note }], language)
        .split('\r\n')[1]
        ?.split(',')
        .at(-3)
    expect(noteCell(dndNote, 'sv')).toBe('"Stör ej"')
    expect(noteCell(dndNote, 'en')).toBe('"Do not disturb"')
    expect(noteCell('Do not disturb', 'sv')).toBe('"Stör ej"')
    expect(noteCell('busy line', 'sv')).toBe('"busy line"')
  })

  it('formats local time with zero padding', () => {
    expect(localTimestamp(new Date(2026, 0, 2, 3, 4, 5).getTime())).toBe('2026-01-02 03:04:05')
  })
})
