/**
 * Lengths the contract's schemas allow for call texts, without zod: the renderer clips what it
 * sends to these (a hostile caller name must not make a call's history entry fail validation),
 * and ./schemas builds its limits from the same numbers, so the two cannot drift apart.
 */
export const textLimits = {
  /** Call, contact and history ids. */
  id: 64,
  /** A caller's display name as the network sent it. */
  remoteName: 512,
  /** Numbers and SIP parties: remote number, via, transferred to. */
  party: 256,
  /** A search typed into the history. */
  search: 128,
} as const

/** Longest text each history field may hold (the history file is cut to these when read). */
export const historyTextLimits = {
  id: textLimits.id,
  remoteName: textLimits.remoteName,
  remoteNumber: textLimits.party,
  via: textLimits.party,
  transferredTo: textLimits.party,
  note: 256,
} as const

/** The SIP trace: a message longer than this is cut by the renderer before it goes to main. */
export const sipTraceLimits = {
  /** Characters of one SIP message (a large SDP offer is a few kB). */
  text: 32_000,
} as const

/** An operator watches a few hundred colleagues; the bound keeps the settings file small. */
export const maxWatchedContacts = 2000
