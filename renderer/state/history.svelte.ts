import type { Say } from './ui.svelte'
import { message } from '../../contract/i18n'
import type { ParleyApi } from '../../contract/ipc'
import { textLimits } from '../../contract/limits'
import type { HistoryEntry, HistoryQuery } from '../../contract/schemas'
import { matchesHistoryFilter } from '../../contract/history-filter'
import { request } from './api'
import { Notices } from './notices.svelte'

export type HistoryFilter = HistoryQuery['filter']

export interface HistoryOptions {
  api: ParleyApi
  notifier: { announce(message: Say): void; alert(message: Say): void }
  /** Places a call (call back). */
  dial: (number: string, name?: string) => Promise<unknown>
  /** Hands a file to the person (a Blob link in the browser). */
  download: (fileName: string, text: string, mimeType: string) => void
  pageSize?: number
}

/** The call history view: filter and search in main, call back, delete, clear, export. */
export class HistoryState {
  filter = $state<HistoryFilter>('all')
  search = $state('')
  entries = $state.raw<HistoryEntry[]>([])
  total = $state(0)
  missedUnseen = $state(0)
  loading = $state(false)
  error = $state<Say>('')
  confirmingClear = $state(false)
  /** Notices from main (a damaged history file set aside), kept until dismissed. */
  readonly fileNotices = new Notices()

  private readonly options: HistoryOptions
  private readonly pageSize: number
  /** Answers to older queries are dropped: only the latest keystroke's result is shown. */
  private querySerial = 0

  constructor(options: HistoryOptions) {
    this.options = options
    this.pageSize = options.pageSize ?? 200
  }

  get hasMore(): boolean {
    return this.entries.length < this.total
  }

  async setFilter(filter: HistoryFilter): Promise<void> {
    this.filter = filter
    await this.refresh()
  }

  async setSearch(search: string): Promise<void> {
    this.search = search.slice(0, textLimits.search)
    await this.refresh()
  }

  async refresh(): Promise<void> {
    await this.fetch(0, Math.max(this.pageSize, Math.min(this.entries.length, 1000)))
  }

  /**
   * A call just stored by main (history:record answers with it): placed in the list without
   * asking main for the page again. A search typed into the history is main's to match, so
   * then the page is asked for after all.
   */
  recorded(entry: HistoryEntry): void {
    if (this.search.trim() !== '') {
      void this.refresh()
      return
    }
    const known = this.entries.some((shown) => shown.id === entry.id)
    const others = known ? this.entries.filter((shown) => shown.id !== entry.id) : this.entries
    if (entry.outcome === 'missed' && !known) this.missedUnseen++
    if (!matchesHistoryFilter(entry, this.filter)) {
      this.entries = others
      if (known) this.total--
      return
    }
    // Newest first; a call recorded now goes before older calls that started at the same time.
    const at = others.findIndex((shown) => shown.startedAt <= entry.startedAt)
    this.entries = at < 0 ? [...others, entry] : [...others.slice(0, at), entry, ...others.slice(at)]
    if (!known) this.total++
  }

  async loadMore(): Promise<void> {
    if (!this.hasMore || this.loading) return
    await this.fetch(this.entries.length, this.pageSize)
  }

  private async fetch(offset: number, limit: number): Promise<void> {
    const serial = ++this.querySerial
    this.loading = true
    const result = await request(this.options.api, 'history:query', {
      filter: this.filter,
      search: this.search,
      offset,
      limit: Math.min(limit, 1000),
    })
    // Main gives each notice once: keep it even when this answer is otherwise stale.
    if (result.ok) this.fileNotices.add(result.value.notices ?? [])
    if (serial !== this.querySerial) return
    this.loading = false
    if (!result.ok) {
      this.error = message('history.load-failed', { reason: result.message })
      return
    }
    this.error = ''
    this.entries = offset === 0 ? result.value.entries : [...this.entries, ...result.value.entries]
    this.total = result.value.total
    this.missedUnseen = result.value.missedUnseen
  }

  async callBack(entry: HistoryEntry): Promise<void> {
    if (!entry.remoteNumber) {
      this.options.notifier.alert(message('say.history-no-number'))
      return
    }
    await this.options.dial(entry.remoteNumber, entry.remoteName)
  }

  async remove(id: string): Promise<void> {
    const result = await request(this.options.api, 'history:delete', { id })
    if (!result.ok) {
      this.options.notifier.alert(message('say.history-not-deleted', { reason: result.message }))
      return
    }
    this.entries = this.entries.filter((entry) => entry.id !== id)
    this.total = Math.max(0, this.total - 1)
    this.options.notifier.announce(message('say.history-deleted'))
  }

  requestClear(): void {
    this.confirmingClear = true
  }

  cancelClear(): void {
    this.confirmingClear = false
  }

  async confirmClear(): Promise<void> {
    if (!this.confirmingClear) return
    this.confirmingClear = false
    const result = await request(this.options.api, 'history:clear')
    if (!result.ok) {
      this.options.notifier.alert(message('say.history-not-cleared', { reason: result.message }))
      return
    }
    this.entries = []
    this.total = 0
    this.missedUnseen = 0
    this.options.notifier.announce(message('say.history-cleared'))
  }

  /** The person has looked at the list: missed calls are no longer "new". */
  async markSeen(): Promise<void> {
    if (this.missedUnseen === 0) return
    const result = await request(this.options.api, 'history:mark-seen')
    if (result.ok) this.missedUnseen = 0
  }

  async exportCsv(): Promise<void> {
    const result = await request(this.options.api, 'history:export-csv')
    if (!result.ok) {
      this.options.notifier.alert(message('say.history-not-exported', { reason: result.message }))
      return
    }
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
    const day = new Date().toISOString().slice(0, 10)
    this.options.download(`parley-history-${day}.csv`, result.value, 'text/csv;charset=utf-8')
    this.options.notifier.announce(message('say.history-exported'))
  }
}

/** Browser download of generated text through a short-lived Blob link. */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
