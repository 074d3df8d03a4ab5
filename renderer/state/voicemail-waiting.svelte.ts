import type { ParleyApi } from '../../contract/ipc'
import type { Account, VoicemailWaiting } from '../../contract/schemas'
import type { Log } from '../log/log'
import type { Phone, WatchNotify, WatchStateChange } from '../sip/types'
import { request } from './api'
import { parseMessageSummary } from './message-summary'

export interface VoicemailWaitingDeps {
  phone: Pick<Phone, 'on' | 'watch' | 'unwatch'>
  api: ParleyApi
  /** The signed-in account (with the admin's values applied), null when signed out. */
  account: () => Account | null | undefined
  log: Log
}

/** The mailbox to watch for an account: its own address unless it (or the admin) names one. */
export function mailboxOf(account: Account | null | undefined): string {
  if (!account || account.voicemailWatch === false) return ''
  return account.mailbox?.trim() || account.sipAddress
}

/**
 * Message waiting (RFC 3842): the account's mailbox is watched (SUBSCRIBE message-summary)
 * while signed in; each NOTIFY sets the new/old counts the Voicemail button, the tray and the
 * dock/taskbar badge show (main gets them over `voicemail:waiting`). The PBX clears them (a
 * summary with 0 new); signing out, or a subscription the PBX refuses, hides them (unknown).
 */
export class VoicemailWaitingState {
  /** New voice messages; null: unknown (not watched, no count given). */
  newCount = $state<number | null>(null)
  oldCount = $state<number | null>(null)
  /** Messages wait (also when the PBX gives no count). */
  waiting = $state(false)
  /** The mailbox watched now ('' none). */
  private watched = ''
  private reported = ''
  private unreadableLogged = false

  constructor(private readonly deps: VoicemailWaitingDeps) {}

  start(): () => void {
    const { phone } = this.deps
    const stops = [
      phone.on('registration', (status) => {
        if (status.state === 'registered') this.follow()
      }),
      phone.on('notify', (notify) => this.onNotify(notify)),
      phone.on('watch-state', (change) => this.onWatchState(change)),
    ]
    return () => {
      for (const stop of stops) stop()
    }
  }

  /** Watches the mailbox the account names now (again after each sign-in: idempotent). */
  follow(): void {
    const mailbox = mailboxOf(this.deps.account())
    if (mailbox !== this.watched) {
      if (this.watched) this.deps.phone.unwatch(this.watched, 'message-summary')
      this.watched = mailbox
      this.unreadableLogged = false
      this.set(false, null, null)
    }
    if (mailbox) this.deps.phone.watch(mailbox, 'message-summary')
  }

  private onNotify(notify: WatchNotify): void {
    if (notify.event !== 'message-summary' || notify.target !== this.watched) return
    const summary = parseMessageSummary(notify.body)
    if (!summary) {
      // an empty NOTIFY says nothing yet (the PBX has no summary for the mailbox)
      if (notify.body.trim() && !this.unreadableLogged) {
        this.unreadableLogged = true
        this.deps.log.write('warn', 'voicemail', 'a message summary from the PBX could not be read; ignored')
      }
      return
    }
    this.set(summary.waiting, summary.voice?.newCount ?? null, summary.voice?.oldCount ?? null)
  }

  private onWatchState(change: WatchStateChange): void {
    if (change.event !== 'message-summary' || change.target !== this.watched) return
    if (change.state === 'failed' || change.state === 'terminated') {
      if (change.state === 'failed')
        this.deps.log.write(
          'warn',
          'voicemail',
          `the PBX refused to report new voicemail (${change.reason ?? '?'})`,
        )
      if (change.reason === 'signed-out') this.watched = ''
      this.set(false, null, null)
    }
  }

  private set(waiting: boolean, newCount: number | null, oldCount: number | null): void {
    this.waiting = waiting
    this.newCount = newCount
    this.oldCount = oldCount
    const summary: VoicemailWaiting = { waiting, newCount, oldCount }
    const key = JSON.stringify(summary)
    if (key === this.reported) return
    this.reported = key
    void request(this.deps.api, 'voicemail:waiting', summary).then((outcome) => {
      if (!outcome.ok)
        this.deps.log.write('warn', 'voicemail', `the tray and badge were not told: ${outcome.message}`)
    })
  }
}
