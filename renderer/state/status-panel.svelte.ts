import { message } from '../../contract/i18n'
import { PresenceStatus } from '../../contract/presence/status'
import { untilFromInput } from './status-until'
import type { Say } from './ui.svelte'

export type UntilKind = 'none' | 'time' | 'date'

/** What the panel asks of my status (StatusState). */
export interface StatusSetter {
  set(status: PresenceStatus, options?: { until?: string; note?: string }): Promise<boolean>
  clear(): Promise<boolean>
}

/**
 * "My status"'s panel (the status buttons, until and note) and its weekly schedule dialog:
 * whether they are open and what is typed in them. Kept here, not in the header control, so a
 * change of layout (the control moves between the header's row and the compact menu) neither
 * closes them nor loses the note being typed.
 */
export class StatusPanelState {
  open = $state(false)
  untilKind = $state<UntilKind>('none')
  untilTime = $state('')
  untilDate = $state('')
  note = $state('')
  /** Why the last choice was refused ('' when it was not). */
  problem = $state<Say>('')
  scheduleOpen = $state(false)

  constructor(
    private readonly status: StatusSetter,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The header button: opens a clean panel (a note or an until never carries over unseen). */
  toggle(): void {
    if (this.open) return this.close()
    this.untilKind = 'none'
    this.untilTime = ''
    this.untilDate = ''
    this.note = ''
    this.problem = ''
    this.open = true
  }

  close(): void {
    this.open = false
  }

  /** A status chosen: set with the until and note typed; true when set (the panel closes). */
  async choose(choice: PresenceStatus): Promise<boolean> {
    let until: string | undefined
    if (this.untilKind !== 'none' && choice !== PresenceStatus.Available) {
      const typed = this.untilKind === 'time' ? this.untilTime : this.untilDate
      until = untilFromInput(this.untilKind, typed, this.now())
      if (!until) {
        this.problem = message('status.invalid-until')
        return false
      }
    }
    return this.closedIf(await this.status.set(choice, { until, note: this.note }))
  }

  async clear(): Promise<boolean> {
    return this.closedIf(await this.status.clear())
  }

  openSchedule(): void {
    this.scheduleOpen = true
  }

  closeSchedule(): void {
    this.scheduleOpen = false
  }

  private closedIf(done: boolean): boolean {
    if (done) this.close()
    return done
  }
}
