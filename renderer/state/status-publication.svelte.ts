import type { ParleyApi } from '../../contract/ipc'
import { message } from '../../contract/i18n'
import type { PublicationRecord } from '../../contract/presence/schemas'
import type { Log } from '../log/log'
import type { Clock } from '../sip/registration'
import type { Phone, PublicationNews } from '../sip/types'
import { request } from './api'
import type { Say } from './ui.svelte'

export type PublicationPhone = Pick<Phone, 'on' | 'adoptPublication'>

export interface StatusPublicationDeps {
  api: ParleyApi
  phone: PublicationPhone
  clock: Clock
  /** The signed-in SIP address (user@domain), '' when signed out. */
  sipAddress(): string
  log: Log
}

/**
 * What the PBX holds of our published status, beyond what this run sent:
 * - the entity tag of each PUBLISH the PBX confirmed is kept by main (status.json), so a start
 *   after a crash modifies that publication (adoptPublication) instead of leaving the old
 *   status at the PBX beside the new one until it lapses;
 * - whether the last PUBLISH failed, so the header never claims, unsaid, a status the PBX lacks.
 */
export class StatusPublication {
  /** The last PUBLISH failed (cleared by the next success): colleagues see an older status. */
  failure = $state.raw<{ code: number; retrying: boolean } | null>(null)

  private leftover: PublicationRecord | undefined
  private saving: Promise<void> = Promise.resolve()
  private saveFailing = false

  constructor(private readonly deps: StatusPublicationDeps) {}

  start(): () => void {
    return this.deps.phone.on('publication', (news) => this.onNews(news))
  }

  /** What the last run left at the PBX, as main kept it (status:get). */
  remember(leftover: PublicationRecord | undefined): void {
    this.leftover = leftover
  }

  /**
   * Called before the first PUBLISH for `aor`: what the last run left is adopted when it is this
   * account's and has not lapsed (the PUBLISH then replaces it); otherwise it is forgotten.
   */
  beforePublish(aor: string): void {
    const leftover = this.leftover
    if (!leftover) return
    this.leftover = undefined
    if (leftover.aor === aor && leftover.expiresAt > this.deps.clock.now())
      this.deps.phone.adoptPublication('presence', leftover.etag)
    else this.store(null)
  }

  /** The notice beside the status control while the PBX lacks the status shown. */
  get notice(): Say | null {
    const failure = this.failure
    if (!failure) return null
    const code = failure.code > 0 ? String(failure.code) : ''
    return message(failure.retrying ? 'status.publish-retrying' : 'status.publish-failed', { code })
  }

  private onNews(news: PublicationNews): void {
    if (news.state === 'failed') {
      this.failure = { code: news.code, retrying: news.retrying }
      return
    }
    this.failure = null
    if (news.state === 'withdrawn') {
      this.store(null)
      return
    }
    const aor = this.deps.sipAddress()
    if (aor) this.store({ aor, etag: news.etag, expiresAt: news.expiresAt })
  }

  /** One write at a time, in order; a failed one is logged once until one succeeds again. */
  private store(publication: PublicationRecord | null): void {
    this.saving = this.saving.then(async () => {
      const result = await request(this.deps.api, 'status:save', { publication })
      if (result.ok) {
        this.saveFailing = false
        return
      }
      if (!this.saveFailing)
        this.deps.log.write(
          'warn',
          'status',
          `the PBX publication could not be remembered: ${result.message}`,
        )
      this.saveFailing = true
    })
  }
}
