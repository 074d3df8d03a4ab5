import { CallPhase, type CallSnapshot, type Phone } from '../sip/types'
import { RingerMode } from './ringer'

/**
 * What the ringer should do for a set of calls: ring when a call rings and no other call is
 * up, beep discreetly (call waiting) when one rings while you are talking or holding.
 */
export function ringerModeFor(calls: readonly CallSnapshot[]): RingerMode {
  const ringing = calls.some((call) => call.phase === CallPhase.Ringing)
  if (!ringing) return RingerMode.Silent
  const busy = calls.some(
    (call) =>
      call.phase === CallPhase.Active ||
      call.phase === CallPhase.Held ||
      call.phase === CallPhase.Dialing ||
      call.phase === CallPhase.Alerting,
  )
  return busy ? RingerMode.CallWaiting : RingerMode.Ringing
}

export interface RingerControls {
  ring(): Promise<void>
  callWaiting(): Promise<void>
  stop(): Promise<void>
}

/**
 * Keeps the ringer in step with the phone's calls. Returns the function that stops following
 * (and silences the ringer). Use this instead of calling ring()/stop() by hand.
 */
export function followCallsWithRinger(
  phone: Pick<Phone, 'on' | 'calls'>,
  ringer: RingerControls,
): () => void {
  let current = RingerMode.Silent
  const update = () => {
    const next = ringerModeFor(phone.calls())
    if (next === current) return
    current = next
    const done =
      next === RingerMode.Ringing
        ? ringer.ring()
        : next === RingerMode.CallWaiting
          ? ringer.callWaiting()
          : ringer.stop()
    done.catch(() => undefined)
  }
  const unsubscribers = [
    phone.on('call-added', update),
    phone.on('call-updated', update),
    phone.on('call-ended', update),
  ]
  update()
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe()
    if (current !== RingerMode.Silent) ringer.stop().catch(() => undefined)
    current = RingerMode.Silent
  }
}
