import type { ParsedPresence } from '../../contract/presence/pidf'
import { PresenceStatus } from '../../contract/presence/status'
import type { DialogEntry } from './dialog-info'

/**
 * One colleague's lamp: what an operator needs before transferring a call to them, from two
 * subscriptions (presence and dialog). The one owner of how those combine. The kinds below are
 * listed in the order they win: the first that applies is the lamp.
 *
 * A call outranks a status: "in a call" is what decides a transfer, and a colleague at lunch
 * whose phone rings can still have the call picked up.
 */
export enum LampKind {
  InCall = 'in-call', // a call they are in (confirmed, or one they are placing)
  Ringing = 'ringing', // a call ringing at them (early, they are the recipient): can be picked up
  Offline = 'offline', // presence says no device is online
  Status = 'status', // presence names a status other than Available ("Lunch until 13:00")
  Available = 'available', // otherwise, once either subscription is active
  Unknown = 'unknown', // nothing known yet (subscribing), or both subscriptions refused
}

export type WatchStateName = 'pending' | 'active' | 'terminated' | 'failed'

export interface LampInputs {
  /** The last presence document; null when the server said nothing (an empty NOTIFY). */
  presence: ParsedPresence | null
  presenceState: WatchStateName
  dialogs: readonly DialogEntry[]
  dialogState: WatchStateName
}

export interface Lamp {
  kind: LampKind
  /** The status the colleague set (Available when none), its until time and note. */
  status: PresenceStatus
  until?: string
  note?: string
  /** The call ringing at them, with what a pickup needs (call-id and tags); only when Ringing. */
  ringing?: DialogEntry
}

/** States in which a dialog counts as ringing at the colleague rather than placed by them. */
const ringingStates = new Set(['trying', 'proceeding', 'early'])

function isRingingAtThem(dialog: DialogEntry): boolean {
  return ringingStates.has(dialog.state) && dialog.direction !== 'initiator'
}

export function lampOf(inputs: LampInputs): Lamp {
  const presence = inputs.presenceState === 'active' ? inputs.presence : null
  const dialogs = inputs.dialogState === 'active' ? inputs.dialogs : []
  const status = presence?.status ?? PresenceStatus.Available
  const said = {
    status,
    ...(presence?.until === undefined ? {} : { until: presence.until }),
    ...(presence?.note === undefined ? {} : { note: presence.note }),
  }
  if (dialogs.some((dialog) => !isRingingAtThem(dialog))) return { kind: LampKind.InCall, ...said }
  const ringing = dialogs.find(isRingingAtThem)
  if (ringing) return { kind: LampKind.Ringing, ...said, ringing }
  if (presence && !presence.open) return { kind: LampKind.Offline, ...said }
  if (status !== PresenceStatus.Available) return { kind: LampKind.Status, ...said }
  const known = inputs.presenceState === 'active' || inputs.dialogState === 'active'
  return { kind: known ? LampKind.Available : LampKind.Unknown, ...said }
}
