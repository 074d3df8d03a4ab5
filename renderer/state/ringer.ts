/** What the calls state needs from the audio engineer's ringer (renderer/audio). */
export interface RingerLike {
  /** Full ring: nobody is on the phone. */
  ring(): unknown
  /** Discreet tone in the ear: a call arrives while already talking. */
  callWaiting(): unknown
  stop(): unknown
}

export const silentRinger: RingerLike = {
  ring: () => undefined,
  callWaiting: () => undefined,
  stop: () => undefined,
}
