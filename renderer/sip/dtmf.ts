/** DTMF: RFC 4733 telephone-events on the audio sender where they will be understood,
 *  otherwise SIP INFO with application/dtmf-relay (what most PBXs and phones accept). */

export const DTMF_TONE_MS = 100
export const DTMF_GAP_MS = 70

export type DtmfMethod = 'rfc4733' | 'info'
/** The user's (or the admin's) choice: `auto` decides per call. */
export type DtmfPreference = 'auto' | DtmfMethod

export interface DtmfSenderLike {
  canInsertDTMF?: boolean
  insertDTMF(tones: string, duration?: number, interToneGap?: number): void
}

/** A codec the call negotiated (RTCRtpCodecParameters, as far as we read it). */
export interface NegotiatedCodec {
  mimeType: string
  clockRate?: number
}

export function isDtmfTone(tone: string): boolean {
  return /^[0-9A-D*#]$/i.test(tone)
}

const isTelephoneEvent = (codec: NegotiatedCodec) => /^audio\/telephone-event$/i.test(codec.mimeType)
// Not a voice codec: comfort noise, redundancy and retransmission wrappers.
const isVoice = (codec: NegotiatedCodec) =>
  !isTelephoneEvent(codec) && !/^audio\/(cn|red|rtx|ulpfec)$/i.test(codec.mimeType)

/**
 * Whether RFC 4733 events will be understood: a telephone-event must run at the clock rate of
 * the voice codec the call sends with (the first one negotiated). A far end that answered Opus
 * (48 kHz) with telephone-event/8000 only gets events it cannot place, and many gateways then
 * see only the end-of-event packets: no digit at all.
 */
export function telephoneEventSuitsCodec(codecs: readonly NegotiatedCodec[]): boolean {
  const voice = codecs.find(isVoice)
  const events = codecs.filter(isTelephoneEvent)
  if (!voice) return events.length > 0
  return events.some((event) => event.clockRate === voice.clockRate)
}

/**
 * How to send the next tone. `info` always works; RFC 4733 needs a sender that can insert
 * tones (the answer carried a telephone-event) and, in `auto`, a telephone-event at the voice
 * codec's clock rate. `codecs` undefined or empty: the engine did not say, trust the sender.
 */
export function chooseDtmfMethod(
  dtmf: DtmfSenderLike | null | undefined,
  preference: DtmfPreference = 'auto',
  codecs?: readonly NegotiatedCodec[],
): DtmfMethod {
  if (preference === 'info' || !dtmf || typeof dtmf.insertDTMF !== 'function') return 'info'
  // canInsertDTMF is false when the answer had no telephone-event payload type
  if (dtmf.canInsertDTMF === false) return 'info'
  if (preference === 'rfc4733' || !codecs || codecs.length === 0) return 'rfc4733'
  return telephoneEventSuitsCodec(codecs) ? 'rfc4733' : 'info'
}

export function dtmfInfoBody(tone: string, durationMs: number = DTMF_TONE_MS): string {
  return `Signal=${tone.toUpperCase()}\r\nDuration=${durationMs}\r\n`
}
