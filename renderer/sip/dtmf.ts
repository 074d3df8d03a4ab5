/** DTMF: RFC 4733 telephone-events on the audio sender when the peer negotiated them,
 *  otherwise SIP INFO with application/dtmf-relay (what most PBXs accept). */

export const DTMF_TONE_MS = 100
export const DTMF_GAP_MS = 70

export type DtmfMethod = 'rfc4733' | 'info'

export interface DtmfSenderLike {
  canInsertDTMF?: boolean
  insertDTMF(tones: string, duration?: number, interToneGap?: number): void
}

export function isDtmfTone(tone: string): boolean {
  return /^[0-9A-D*#]$/i.test(tone)
}

export function chooseDtmfMethod(dtmf: DtmfSenderLike | null | undefined): DtmfMethod {
  if (!dtmf || typeof dtmf.insertDTMF !== 'function') return 'info'
  // canInsertDTMF is false when the answer had no telephone-event payload type
  return dtmf.canInsertDTMF === false ? 'info' : 'rfc4733'
}

export function dtmfInfoBody(tone: string, durationMs: number = DTMF_TONE_MS): string {
  return `Signal=${tone.toUpperCase()}\r\nDuration=${durationMs}\r\n`
}
