import type { HistoryEntry } from '../../contract/schemas'

/**
 * History as CSV for spreadsheets (RFC 4180: CRLF rows, fields quoted when they hold a quote,
 * comma or line break). Caller names come from the network, so a cell that a spreadsheet would
 * run as a formula (=, +, -, @, or a leading tab/CR) gets a leading apostrophe: "=HYPERLINK(…)"
 * stays text. A byte-order mark up front makes Excel read "Åsa" as UTF-8.
 */

const header = [
  'Started',
  'Direction',
  'Outcome',
  'Name',
  'Number',
  'Via',
  'Transferred to',
  'Note',
  'Ring seconds',
  'Talk seconds',
]

const formulaStart = /^[=+\-@\t\r]/

export function csvCell(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

const pad = (value: number) => String(value).padStart(2, '0')

/** Local wall-clock time, as the user saw it on screen: 2026-11-25 16:20:05. */
export function localTimestamp(epochMs: number): string {
  const at = new Date(epochMs)
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`
}

const seconds = (ms: number) => String(Math.round(ms / 1000))

export function historyToCsv(entries: readonly HistoryEntry[]): string {
  const rows = [header.map(csvCell).join(',')]
  for (const entry of entries) {
    rows.push(
      [
        localTimestamp(entry.startedAt),
        entry.direction,
        entry.outcome,
        entry.remoteName,
        entry.remoteNumber,
        entry.via,
        entry.transferredTo,
        entry.note ?? '',
      ]
        .map(csvCell)
        .concat(seconds(entry.ringMs), seconds(entry.talkMs))
        .join(','),
    )
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`
}
