import { message } from '../../contract/i18n/catalogue'
import { TextDecoder } from 'node:util'
import { buildDraft, type DraftParts } from './contact-drafts'
import {
  ContactImportError,
  numberKindFromLabels,
  progressEvery,
  type ContactDraft,
  type ParseProgress,
} from './import-error'

/**
 * vCard 2.1, 3.0 and 4.0 (RFC 2426, RFC 6350): several cards per file, folded lines, escaped
 * characters, quoted-printable values with a CHARSET, TYPE given as TYPE=work,cell, as
 * TYPE="work,voice" or bare (TEL;WORK;VOICE:). Reads FN, N, ORG and TEL; other properties are
 * skipped. A structural error (card not closed, line without a colon) names its line and the
 * whole file is refused, so an import never stops half-way.
 */

interface ContentLine {
  /** Physical line where the logical (unfolded) line starts. */
  line: number
  name: string
  params: Map<string, string[]>
  value: string
}

interface LogicalLine {
  line: number
  text: string
}

/** A logical line being assembled: its physical pieces are joined once, when it is complete. */
interface PendingLine {
  line: number
  pieces: string[]
  /** The part before the first colon (property name and parameters), once a piece has one. */
  head: string | null
  /** How many pieces were searched for that colon already (each piece is searched once). */
  searched: number
}

function headOf(pending: PendingLine): string {
  while (pending.head === null && pending.searched < pending.pieces.length) {
    const piece = pending.pieces[pending.searched++] as string
    const colon = piece.indexOf(':')
    if (colon >= 0)
      pending.head = pending.pieces.slice(0, pending.searched - 1).join('') + piece.slice(0, colon)
  }
  return pending.head ?? ''
}

/**
 * Physical lines to logical ones in one pass: each continuation is appended as a piece and
 * every logical line is joined once, so a long folded or unindented base64/quoted-printable
 * value costs its length, not its length times its line count.
 */
function unfold(text: string): LogicalLine[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const logical: LogicalLine[] = []
  let previous: PendingLine | null = null
  const finish = () => {
    if (previous) logical.push({ line: previous.line, text: previous.pieces.join('') })
  }
  physical.forEach((raw, index) => {
    if (previous && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      previous.pieces.push(raw.slice(1))
      return
    }
    const last = previous?.pieces[previous.pieces.length - 1] ?? ''
    if (previous && last.endsWith('=') && /[;=]QUOTED-PRINTABLE\b/i.test(headOf(previous))) {
      // vCard 2.1: a quoted-printable soft line break continues on the next line, unindented.
      previous.pieces[previous.pieces.length - 1] = last.slice(0, -1)
      previous.pieces.push(raw)
      return
    }
    if (previous && /^[A-Za-z0-9+/]+=*$/.test(raw) && /[;=](BASE64|B)\b/i.test(headOf(previous))) {
      // vCard 2.1 exporters may wrap a base64 PHOTO without indenting it; it is skipped anyway.
      previous.pieces.push(raw)
      return
    }
    finish()
    previous = { line: index + 1, pieces: [raw], head: null, searched: 0 }
  })
  finish()
  return logical
}

/** Splits on `separator` outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const pieces: string[] = []
  let start = 0
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const character = text[index]
    if (character === '"') quoted = !quoted
    else if (character === separator && !quoted) {
      pieces.push(text.slice(start, index))
      start = index + 1
    }
  }
  pieces.push(text.slice(start))
  return pieces
}

const bareEncodings = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT'])

/** Where a content line's value starts and its property name, checked; throws on neither. */
interface LineHead {
  colon: number
  name: string
}

const propertyName = /^[A-Z0-9-]+$/

/**
 * The property name and the colon of a content line, validated for every line (a structural
 * error names its line even in a property Parley skips). Cheap: one scan, no parameter parsing.
 */
function headOfLine({ line, text }: LogicalLine): LineHead {
  let colon = -1
  let nameEnd = -1
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 34 /* " */) quoted = !quoted
    else if (!quoted && code === 58 /* : */) {
      colon = index
      break
    } else if (!quoted && code === 59 /* ; */ && nameEnd < 0) nameEnd = index
  }
  if (colon <= 0)
    throw new ContactImportError(line, message('import.expected-property', { found: text.slice(0, 40) }))
  const nameWithGroup = text.slice(0, nameEnd < 0 ? colon : nameEnd)
  const dot = nameWithGroup.lastIndexOf('.')
  const name = (dot < 0 ? nameWithGroup : nameWithGroup.slice(dot + 1)).trim().toUpperCase()
  if (!propertyName.test(name))
    throw new ContactImportError(line, message('import.not-a-property', { name: nameWithGroup.slice(0, 40) }))
  return { colon, name }
}

/** The properties Parley keeps (and BEGIN/END); every other line is only validated by headOfLine. */
const readProperties = new Set(['FN', 'N', 'ORG', 'TEL'])

function parseContentLine({ line, text }: LogicalLine, { colon, name }: LineHead): ContentLine {
  const [, ...rawParams] = splitOutsideQuotes(text.slice(0, colon), ';')
  const params = new Map<string, string[]>()
  for (const raw of rawParams) {
    const equals = raw.indexOf('=')
    // vCard 2.1 writes bare parameters: TEL;WORK;VOICE:… and N;QUOTED-PRINTABLE:…
    const bare = raw.trim().toUpperCase()
    const key =
      equals >= 0 ? raw.slice(0, equals).trim().toUpperCase() : bareEncodings.has(bare) ? 'ENCODING' : 'TYPE'
    const values = (equals < 0 ? raw : raw.slice(equals + 1))
      .split(',')
      .map((value) => value.trim().replace(/^"|"$/g, ''))
    // Appended in place: TEL;a;a;a;… with thousands of parameters stays linear.
    let list = params.get(key)
    if (!list) params.set(key, (list = []))
    for (const value of values) list.push(value)
  }
  return { line, name, params, value: text.slice(colon + 1) }
}

/** Decodes a quoted-printable value in its declared charset (default UTF-8). */
const utf8 = new TextEncoder()

function decodeQuotedPrintable(value: string, charset: string | undefined, line: number): string {
  const bytes: number[] = []
  for (let index = 0; index < value.length; index++) {
    const character = value[index] as string
    const hex = value.slice(index + 1, index + 3)
    if (character === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16))
      index += 2
    } else {
      for (const byte of utf8.encode(character)) bytes.push(byte)
    }
  }
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(charset ?? 'utf-8', { fatal: true })
  } catch {
    throw new ContactImportError(line, message('import.unknown-charset', { charset: String(charset) }))
  }
  try {
    return decoder.decode(new Uint8Array(bytes))
  } catch {
    throw new ContactImportError(line, message('import.invalid-text', { charset: charset ?? 'UTF-8' }))
  }
}

/** Splits a structured value (N, ORG) on unescaped ";" and resolves escapes in each part. */
function components(value: string): string[] {
  const parts: string[] = []
  let current = ''
  for (let index = 0; index < value.length; index++) {
    const character = value[index] as string
    if (character === '\\' && index + 1 < value.length) {
      const next = value[++index] as string
      current += next === 'n' || next === 'N' ? ' ' : next
    } else if (character === ';') {
      parts.push(current)
      current = ''
    } else current += character
  }
  parts.push(current)
  return parts
}

const unescapeText = (value: string) => components(value).join(';')

function valueOf(content: ContentLine): string {
  const encoding = content.params.get('ENCODING')?.[0]?.toUpperCase()
  if (encoding === 'QUOTED-PRINTABLE')
    return decodeQuotedPrintable(content.value, content.params.get('CHARSET')?.[0], content.line)
  return content.value
}

/** "tel:+46-8-123;ext=12" (vCard 4.0 URI) → "+46-8-123"; text values pass through. */
function telephoneNumber(value: string): string {
  const text = unescapeText(value).trim()
  return /^tel:/i.test(text) ? (text.slice(4).split(';')[0] ?? '') : text
}

function emptyCard(): DraftParts {
  return { fullName: '', nameParts: [], company: '', favourite: false, numbers: [] }
}

function addProperty(card: DraftParts, content: ContentLine): void {
  switch (content.name) {
    case 'FN':
      card.fullName = unescapeText(valueOf(content))
      break
    case 'N': {
      const [family = '', given = '', additional = ''] = components(valueOf(content))
      card.nameParts = [given, additional, family].filter((part) => part.trim() !== '')
      break
    }
    case 'ORG':
      card.company = components(valueOf(content))[0] ?? ''
      break
    case 'TEL': {
      const kind = numberKindFromLabels(content.params.get('TYPE') ?? [])
      if (kind) card.numbers.push({ kind, value: telephoneNumber(valueOf(content)) })
      break
    }
  }
}

export interface VCardParseResult {
  contacts: ContactDraft[]
  /** Cards with nothing to keep (no name, company or number). */
  empty: number
}

export function parseVCards(text: string, onProgress?: ParseProgress): VCardParseResult {
  const contacts: ContactDraft[] = []
  let empty = 0
  let card: DraftParts | null = null
  let cardStart = 0
  let lastLine = 0
  const lines = unfold(text)
  for (let index = 0; index < lines.length; index++) {
    const logical = lines[index] as LogicalLine
    if (onProgress && index % progressEvery === 0) onProgress(index / lines.length)
    lastLine = logical.line
    if (logical.text.trim() === '') continue
    const head = headOfLine(logical)
    const boundary = head.name === 'BEGIN' || head.name === 'END'
    if (!boundary && card && !readProperties.has(head.name)) continue // EMAIL, ADR, NOTE, PHOTO, …
    const content = parseContentLine(logical, head)
    const value = boundary ? content.value.trim().toUpperCase() : ''
    if (content.name === 'BEGIN' && value === 'VCARD') {
      if (card)
        throw new ContactImportError(logical.line, message('import.card-not-ended', { line: cardStart }))
      card = emptyCard()
      cardStart = logical.line
    } else if (content.name === 'END' && value === 'VCARD') {
      if (!card) throw new ContactImportError(logical.line, message('import.end-without-begin'))
      const draft = buildDraft(card)
      if (draft) contacts.push(draft)
      else empty++
      card = null
    } else if (!card) {
      throw new ContactImportError(logical.line, message('import.outside-card'))
    } else {
      addProperty(card, content)
    }
  }
  if (card) throw new ContactImportError(cardStart, message('import.card-never-closed'))
  if (contacts.length === 0 && empty === 0)
    throw new ContactImportError(Math.max(1, lastLine), message('import.no-vcards'))
  return { contacts, empty }
}
