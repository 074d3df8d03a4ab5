import { render, translate, type Language, type MessageKey } from '../../contract/i18n'
import type { HistoryEntry } from '../../contract/schemas'
import { noteText } from '../../contract/history-note'
import { directionText, outcomeText } from '../../contract/history-words'

/**
 * History as CSV for spreadsheets (RFC 4180: CRLF rows, every text cell quoted, quotes
 * doubled). Caller names come from the network, so whatever a spreadsheet could run as a
 * formula (=, +, -, @, tab or CR first) gets an apostrophe before it — not only at the start of
 * the cell but after every separator a spreadsheet might split on: a Swedish Excel splits on
 * ";" and ignores our quotes, so "Bob;=1+1;" would otherwise become a formula cell of its own.
 * A byte-order mark up front makes Excel read "Åsa" as UTF-8. The header row and the direction
 * and outcome cells are in the user's language, the words the history screen shows (the export
 * is read by people in a spreadsheet); the target of a transfer has its own column, so the
 * outcome cell says only "Transferred".
 */

/** The header row's catalogue keys, in column order. */
export const csvHeaderKeys = [
  'csv.started',
  'csv.direction',
  'csv.outcome',
  'csv.name',
  'csv.number',
  'csv.via',
  'csv.transferred-to',
  'csv.note',
  'csv.ring-seconds',
  'csv.talk-seconds',
] as const satisfies readonly MessageKey[]

// A formula character at the start, or after a comma, semicolon, tab or line break (with any
// spaces between): each piece a spreadsheet might make a cell of.
const formulaStarts = /(^|[,;\t\r\n])([ ]*)(?=[=+\-@\t\r])/g

export function csvCell(value: string): string {
  const safe = value.replace(formulaStarts, "$1$2'")
  return `"${safe.replace(/"/g, '""')}"`
}

const pad = (value: number) => String(value).padStart(2, '0')

/** Local wall-clock time, as the user saw it on screen: 2026-11-25 16:20:05. */
export function localTimestamp(epochMs: number): string {
  const at = new Date(epochMs)
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`
}

const seconds = (ms: number) => String(Math.round(ms / 1000))

export function historyToCsv(entries: readonly HistoryEntry[], language: Language): string {
  const rows = [csvHeaderKeys.map((key) => csvCell(translate(language, key))).join(',')]
  for (const entry of entries) {
    rows.push(
      [
        localTimestamp(entry.startedAt),
        render(language, directionText(entry)),
        render(language, outcomeText({ ...entry, transferredTo: '' })),
        entry.remoteName,
        entry.remoteNumber,
        entry.via,
        entry.transferredTo,
        noteText(language, entry.note),
      ]
        .map(csvCell)
        .concat(seconds(entry.ringMs), seconds(entry.talkMs))
        .join(','),
    )
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`
}
