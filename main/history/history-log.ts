import { historyTextLimits, type HistoryEntry } from '../../contract/schemas'
import type { Slices } from '../event-loop/slices'

/**
 * The history file is JSON Lines, appended to and never edited in place:
 *   {"id":"…","direction":"incoming",…}   a call, as the renderer reported it
 *   {"mark":"seen","at":1732540000000}     the user looked at the missed calls up to here
 * A later line with the same call id replaces the earlier one. Parsing separates what a crash
 * can do (cut the LAST line short) from real damage (an unreadable line anywhere else).
 */

export type LogRecord = { kind: 'call'; entry: HistoryEntry } | { kind: 'seen'; at: number }

export interface ParsedLog {
  records: LogRecord[]
  /** The last line was cut short by a crash mid-write; it is dropped. */
  tornTail: boolean
  /** 1-based numbers of unreadable lines other than a torn tail. */
  badLines: number[]
}

const directions = new Set(['incoming', 'outgoing'])
const outcomes = new Set(['answered', 'missed', 'rejected', 'busy', 'failed', 'transferred', 'cancelled'])

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0
const isText = (value: unknown): value is string => typeof value === 'string'

/**
 * Text cut to the field's limit. The app never writes more, so a longer value is an edited or
 * damaged file: the call still loads, without megabytes of name. The cut is copied out
 * (through a Buffer) because a slice of a string keeps the whole original alive in V8.
 */
function bounded(value: string, field: keyof typeof historyTextLimits): string {
  const limit = historyTextLimits[field]
  if (value.length <= limit) return value
  return Buffer.from(value.slice(0, limit), 'utf8').toString('utf8')
}

/** A hand-written check: the IPC layer already validated with zod; this only guards the disk. */
function toEntry(value: Record<string, unknown>): HistoryEntry | null {
  const {
    id,
    direction,
    outcome,
    remoteName,
    remoteNumber,
    via,
    transferredTo,
    note,
    startedAt,
    ringMs,
    talkMs,
    mos,
  } = value
  if (!isText(id) || id.length > historyTextLimits.id || !isText(remoteName) || !isText(remoteNumber))
    return null
  if (!isText(direction) || !directions.has(direction) || !isText(outcome) || !outcomes.has(outcome))
    return null
  if (!isCount(startedAt) || !isCount(ringMs) || !isCount(talkMs)) return null
  return {
    id,
    direction: direction as HistoryEntry['direction'],
    outcome: outcome as HistoryEntry['outcome'],
    remoteName: bounded(remoteName, 'remoteName'),
    remoteNumber: bounded(remoteNumber, 'remoteNumber'),
    via: isText(via) ? bounded(via, 'via') : '',
    transferredTo: isText(transferredTo) ? bounded(transferredTo, 'transferredTo') : '',
    startedAt,
    ringMs,
    talkMs,
    ...(isText(note) && note !== '' ? { note: bounded(note, 'note') } : {}),
    ...(isMos(mos) ? { mos } : {}),
  }
}

/** A call-quality average as the app writes it (see historyEntrySchema); anything else is dropped. */
const isMos = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 1 && value <= 5

function parseLine(line: string): LogRecord | null {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return null
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  const object = value as Record<string, unknown>
  if (object.mark === 'seen') return isCount(object.at) ? { kind: 'seen', at: object.at } : null
  const entry = toEntry(object)
  return entry ? { kind: 'call', entry } : null
}

/** Lines parsed between two turns of main's event loop (about 10 ms of JSON.parse). */
const linesPerSlice = 2000

/**
 * The file's records, a slice of lines at a time (see main/event-loop/slices.ts). Lines are
 * found with indexOf rather than one split of the whole 12 MB text.
 */
export function* historyLogSlices(text: string): Slices<ParsedLog> {
  const records: LogRecord[] = []
  const badLines: number[] = []
  let start = 0
  let lineNumber = 0
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
    const line = text.slice(start, end)
    start = end + 1
    lineNumber++
    if (line.trim() !== '') {
      const record = parseLine(line)
      if (record) records.push(record)
      else badLines.push(lineNumber)
    }
    if (lineNumber % linesPerSlice === 0) yield
  }
  // A file ending in "\n" leaves nothing after the last newline; anything else was cut short.
  const tail = text.slice(start)
  let tornTail = false
  if (tail.trim() !== '') {
    // A complete record whose newline did not make it to disk is kept; a cut one is dropped.
    // Only the start of a record ("{…") can be a write cut short; other text is damage.
    const record = parseLine(tail)
    if (record) records.push(record)
    else if (tail.trimStart().startsWith('{')) tornTail = true
    else badLines.push(lineNumber + 1)
    if (record) tornTail = true
  }
  return { records, tornTail, badLines }
}

export function serializeRecord(record: LogRecord): string {
  return record.kind === 'seen' ? `{"mark":"seen","at":${record.at}}\n` : `${JSON.stringify(record.entry)}\n`
}
