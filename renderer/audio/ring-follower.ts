import { consoleFailed, type Failed } from '../log/log'
import { CallPhase, type CallSnapshot, type Phone } from '../sip/types'
import { RingerMode } from './ringer'

export interface RingerModeOptions {
  /** Incoming calls Parley turns away by itself (do not disturb): they make no sound. */
  silenceIncoming?: boolean
}

/**
 * What the ringer should do for a set of calls: ring when a call rings and no other call is
 * up, beep discreetly (call waiting) when one rings while you are talking or holding, and play
 * ringback while an outgoing call rings at the far end and no call is talking, unless the far
 * end plays its own audio before answering (early media: an announcement, the PBX's ringback).
 */
export function ringerModeFor(calls: readonly CallSnapshot[], options: RingerModeOptions = {}): RingerMode {
  const ringing = !options.silenceIncoming && calls.some((call) => call.phase === CallPhase.Ringing)
  if (ringing) {
    const busy = calls.some(
      (call) =>
        call.phase === CallPhase.Active ||
        call.phase === CallPhase.Held ||
        call.phase === CallPhase.Dialing ||
        call.phase === CallPhase.Alerting,
    )
    return busy ? RingerMode.CallWaiting : RingerMode.Ringing
  }
  // a far end that plays its own audio (183 with SDP) is heard instead of our ringback
  const alerting = calls.some(
    (call) => call.direction === 'outgoing' && call.phase === CallPhase.Alerting && !call.earlyMedia,
  )
  const talking = calls.some((call) => call.phase === CallPhase.Active)
  return alerting && !talking ? RingerMode.Ringback : RingerMode.Silent
}

export interface RingerControls {
  ring(): Promise<void>
  callWaiting(): Promise<void>
  ringback(): Promise<void>
  stop(): Promise<void>
}

export interface FollowOptions {
  /** Read on every call event: true while do-not-disturb turns incoming calls away. */
  silenceIncoming?: () => boolean
  /** Where a ringer that could not play or stop is reported (main's log in the app). */
  failed?: Failed
  /**
   * Runs `start` once the window has taken the call event (e.g. in the next task), so the
   * ringing card renders before the audio output (an AudioContext) is set up. Silencing is
   * never put off. Default: at once.
   */
  afterCallShown?: (start: () => void) => void
}

/**
 * Keeps the ringer in step with the phone's calls. Returns the function that stops following
 * (and silences the ringer). Use this instead of calling ring()/stop() by hand.
 */
export function followCallsWithRinger(
  phone: Pick<Phone, 'on' | 'calls'>,
  ringer: RingerControls,
  options: FollowOptions = {},
): () => void {
  let current = RingerMode.Silent
  const failed = options.failed ?? consoleFailed('audio')
  const update = () => {
    const next = ringerModeFor(phone.calls(), { silenceIncoming: options.silenceIncoming?.() ?? false })
    if (next === current) return
    current = next
    if (next === RingerMode.Silent || !options.afterCallShown) play(next)
    // A mode that changed again meanwhile was played (or silenced) by that change.
    else options.afterCallShown(() => current === next && play(next))
  }
  const play = (mode: RingerMode) => {
    const done =
      mode === RingerMode.Ringing
        ? ringer.ring()
        : mode === RingerMode.CallWaiting
          ? ringer.callWaiting()
          : mode === RingerMode.Ringback
            ? ringer.ringback()
            : ringer.stop()
    done.catch(failed(`the ringer could not switch to ${mode}`))
  }
  const unsubscribers = [
    phone.on('call-added', update),
    phone.on('call-updated', update),
    phone.on('call-ended', update),
  ]
  update()
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe()
    if (current !== RingerMode.Silent) ringer.stop().catch(failed('the ringer could not stop'))
    current = RingerMode.Silent
  }
}
