import { parsePidf, pidfContentType, type ParsedPresence } from '../../contract/presence/pidf'
import { applyDialogInfo, emptyDialogBook, type DialogBook } from '../lamps/dialog-book'
import { dialogInfoContentType, parseDialogInfo } from '../lamps/dialog-info'
import { lampOf, type Lamp } from '../lamps/lamp'
import type { WatchNotify, WatchState, WatchStateChange } from '../lamps/watch-port'

/** "application/pidf+xml; charset=utf-8" → "application/pidf+xml". */
function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase()
}

/**
 * One watched colleague: what their two subscriptions said last, and the lamp that follows
 * from it. Each colleague is its own reactive object, so a NOTIFY re-renders that one lamp.
 */
export class ColleagueLamp {
  presence = $state.raw<ParsedPresence | null>(null)
  presenceState = $state<WatchState>('pending')
  book = $state.raw<DialogBook>(emptyDialogBook)
  dialogState = $state<WatchState>('pending')
  name = $state('')

  readonly lamp: Lamp = $derived(
    lampOf({
      presence: this.presence,
      presenceState: this.presenceState,
      dialogs: this.book.dialogs,
      dialogState: this.dialogState,
    }),
  )

  constructor(
    readonly contactId: string,
    /** What we asked the phone to watch (a number or SIP address), as NOTIFYs name it. */
    readonly target: string,
    name: string,
  ) {
    this.name = name
  }

  /**
   * Takes a NOTIFY body. Returns what went wrong, for one log line ('' when it was used):
   * a body we cannot read changes nothing on the lamp.
   */
  take(notify: WatchNotify): string {
    const size = `${notify.body.length} chars, ${mediaType(notify.contentType) || 'no type'}`
    if (notify.event === 'presence') {
      // An empty NOTIFY: the server knows no status for them (they never published one).
      if (notify.body.trim() === '') return (void (this.presence = null), '')
      const parsed = mediaType(notify.contentType) === pidfContentType ? parsePidf(notify.body) : undefined
      if (!parsed) return `presence NOTIFY not readable (${size}): ignored`
      this.presence = parsed
      return ''
    }
    if (notify.event === 'dialog') {
      // An empty NOTIFY: no dialog state published, i.e. no calls; the next document starts afresh.
      if (notify.body.trim() === '') return (void (this.book = emptyDialogBook), '')
      const document =
        mediaType(notify.contentType) === dialogInfoContentType ? parseDialogInfo(notify.body) : undefined
      if (!document) return `dialog NOTIFY not readable (${size}): ignored`
      const { book, outcome } = applyDialogInfo(this.book, document)
      this.book = book
      if (outcome === 'stale')
        return `dialog NOTIFY version ${document.version} is not newer than ${book.version}: ignored`
      if (outcome === 'no-base') return `partial dialog NOTIFY before any full one: ignored`
      if (outcome === 'gap')
        return `dialog NOTIFY versions skipped (now ${document.version}): the lamp may miss a call`
      return ''
    }
    return `${notify.event} NOTIFY is not for a lamp: ignored`
  }

  /**
   * A subscription's state. What it said is forgotten when it stops being active, so the next
   * subscription's versions start afresh (RFC 4235 §4.1); not when it becomes active, because
   * its first NOTIFY may arrive before the answer to the SUBSCRIBE.
   */
  setState(change: WatchStateChange): void {
    const leaving = change.state !== 'active'
    if (change.event === 'presence') {
      if (leaving) this.presence = null
      this.presenceState = change.state
    } else if (change.event === 'dialog') {
      if (leaving) this.book = emptyDialogBook
      this.dialogState = change.state
    }
  }
}
