import { describe, expect, it } from 'vitest'
import { applyDialogInfo, emptyDialogBook, type DialogBook } from './dialog-book'
import type { DialogEntry, DialogInfoDocument, DialogStateName } from './dialog-info'

const dialog = (id: string, state: DialogStateName): DialogEntry => ({
  id,
  state,
  direction: 'recipient',
  callId: `call-${id}`,
  localTag: 'l',
  remoteTag: 'r',
  remoteIdentity: '',
  remoteDisplay: '',
  remoteTarget: '',
  localIdentity: '',
})
const document = (version: number, full: boolean, ...dialogs: DialogEntry[]): DialogInfoDocument => ({
  version,
  full,
  entity: 'sip:a@b',
  dialogs,
})
const ids = (book: DialogBook) => book.dialogs.map((d) => `${d.id}:${d.state}`)

describe('applyDialogInfo', () => {
  it('a full document replaces, partial ones merge and forget terminated dialogs', () => {
    let { book } = applyDialogInfo(emptyDialogBook, document(0, true, dialog('a', 'early')))
    expect(ids(book)).toEqual(['a:early'])
    ;({ book } = applyDialogInfo(book, document(1, false, dialog('b', 'confirmed'))))
    expect(ids(book)).toEqual(['a:early', 'b:confirmed'])
    ;({ book } = applyDialogInfo(book, document(2, false, dialog('a', 'terminated'))))
    expect(ids(book)).toEqual(['b:confirmed'])
    ;({ book } = applyDialogInfo(book, document(3, true)))
    expect(ids(book)).toEqual([])
    expect(book.version).toBe(3)
  })

  it('discards old and repeated versions (RFC 4235 §4.1)', () => {
    const { book } = applyDialogInfo(emptyDialogBook, document(5, true, dialog('a', 'confirmed')))
    expect(applyDialogInfo(book, document(5, true))).toEqual({ book, outcome: 'stale' })
    expect(applyDialogInfo(book, document(4, false, dialog('a', 'terminated')))).toEqual({
      book,
      outcome: 'stale',
    })
  })

  it('a partial document before any full one has nothing to apply to', () => {
    expect(applyDialogInfo(emptyDialogBook, document(0, false, dialog('a', 'early'))).outcome).toBe('no-base')
  })

  it('applies a partial document after a lost one but says there was a gap', () => {
    const { book } = applyDialogInfo(emptyDialogBook, document(1, true))
    const next = applyDialogInfo(book, document(3, false, dialog('a', 'confirmed')))
    expect(next.outcome).toBe('gap')
    expect(ids(next.book)).toEqual(['a:confirmed'])
  })

  it('stays bounded whatever partial documents add', () => {
    let { book } = applyDialogInfo(emptyDialogBook, document(0, true))
    for (let version = 1; version <= 200; version++)
      ({ book } = applyDialogInfo(book, document(version, false, dialog(`d${version}`, 'confirmed'))))
    expect(book.dialogs.length).toBe(64)
    expect(book.dialogs.at(-1)?.id).toBe('d200')
  })
})
