import type { z } from 'zod'
import type { Message } from './i18n'
import {
  contactImportRequestSchema,
  contactPageSchema,
  contactSchema,
  emptySchema,
  historyEntrySchema,
  historyQuerySchema,
  idSchema,
  incomingCallNoticeSchema,
  logLineSchema,
  phoneStatusSchema,
  voicemailWaitingSchema,
  preferencesPatchSchema,
  saveAccountRequestSchema,
  sipTraceLineSchema,
  tlsExplainRequestSchema,
  type Account,
  type CertificateProblem,
  type Contact,
  type ContactImportProgress,
  type HistoryEntry,
  type Preferences,
  type VoicemailKey,
} from './schemas'
import type { Result } from './result'
import { statusSaveSchema, type StatusSnapshot } from './presence/schemas'
import { eventChannels, invokeChannels } from './channels'

/**
 * The one contract between renderer and main. `invokeSchemas` is what main validates each
 * request against; `InvokeMap` says what each channel answers (always wrapped in Result).
 * `EventMap` lists what main pushes to the renderer. Preload is a mechanical projection of
 * the channel lists below, so adding a channel here is the only step needed to expose it.
 */

export interface AccountState {
  account: Account | null
  hasPassword: boolean
  /**
   * The account (with the policy's values) passes the account schema, so it can sign in as it
   * is. Main checks it, where zod is loaded anyway: the window signs in without loading the
   * schema, and loads it (with the login form) only to word what is missing.
   */
  complete: boolean
  /** Settings an admin policy fixed; the UI shows them read-only. */
  locked: string[]
  /** Notices, e.g. a policy file that was not applied: catalogue Messages the window renders. */
  notices: Message[]
  /**
   * Values an admin policy pre-set for the login form (locked or not), e.g. the server URL and
   * the SIP domain; a saved account already has the locked ones applied.
   */
  presets?: Partial<Account> & { sipDomain?: string }
  /** The voicemail keys an admin policy names (in its words); absent: the built-in ones. */
  voicemailKeys?: VoicemailKey[]
  /**
   * Domains (besides the account's own) an admin policy lets a transfer request send the user
   * to without asking; validated by main. Absent: only the account's own domain.
   */
  transferAllowlist?: string[]
  /** The PBX's call pickup code an admin policy names (e.g. "*8", dialled with the extension). */
  pickupCode?: string
}

export interface ContactImportReport {
  imported: number
  skipped: number
}

export interface HistoryPage {
  entries: HistoryEntry[]
  total: number
  missedUnseen: number
  /** Notices (catalogue messages), e.g. a damaged history file that was set aside (each given once). */
  notices?: Message[]
}

export const invokeSchemas = {
  'account:get': emptySchema,
  'account:save': saveAccountRequestSchema,
  'account:password': emptySchema,
  'account:sign-out': emptySchema,
  'preferences:get': emptySchema,
  'preferences:update': preferencesPatchSchema,
  'contacts:list': contactPageSchema,
  'contacts:save': contactSchema,
  'contacts:delete': idSchema,
  'contacts:import': contactImportRequestSchema,
  'contacts:notices': emptySchema,
  'history:query': historyQuerySchema,
  'history:record': historyEntrySchema,
  'history:delete': idSchema,
  'history:clear': emptySchema,
  'history:mark-seen': emptySchema,
  'history:export-csv': emptySchema,
  'phone:status': phoneStatusSchema,
  'phone:incoming-notice': incomingCallNoticeSchema,
  'voicemail:waiting': voicemailWaitingSchema,
  'window:show': emptySchema,
  'log:write': logLineSchema,
  'sip-trace:write': sipTraceLineSchema,
  'diagnostics:save': emptySchema,
  'status:get': emptySchema,
  'status:save': statusSaveSchema,
  'tls:explain': tlsExplainRequestSchema,
} as const

export type InvokeChannel = keyof typeof invokeSchemas

export interface InvokeMap {
  'account:get': AccountState
  'account:save': AccountState
  'account:password': string
  'account:sign-out': AccountState
  'preferences:get': Preferences
  'preferences:update': Preferences
  'contacts:list': Contact[]
  'contacts:save': Contact
  'contacts:delete': boolean
  'contacts:import': ContactImportReport
  /** What the user must know about the contacts file (a damaged file set aside), each given once. */
  'contacts:notices': Message[]
  'history:query': HistoryPage
  'history:record': HistoryEntry
  'history:delete': boolean
  'history:clear': boolean
  'history:mark-seen': boolean
  'history:export-csv': string
  'phone:status': boolean
  'phone:incoming-notice': boolean
  /** Message waiting for the tray and the badge (true: taken). */
  'voicemail:waiting': boolean
  'window:show': boolean
  /** False when the line was dropped by the rate limit. */
  'log:write': boolean
  /** False when the trace is off (main drops the message). */
  'sip-trace:write': boolean
  /** Where the bundle was written, or null when the user cancelled the save dialog. */
  'diagnostics:save': string | null
  /** My status: the record, the schedule and the admin's rules for them. */
  'status:get': StatusSnapshot
  'status:save': StatusSnapshot
  /** Why the server's certificate was refused, or null when it was not a certificate problem. */
  'tls:explain': CertificateProblem | null
}

export type InvokeRequest<C extends InvokeChannel> = z.input<(typeof invokeSchemas)[C]>
export type InvokeResponse<C extends InvokeChannel> = Result<InvokeMap[C]>

export type PowerEvent = 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen'

export interface HeadsetEvent {
  kind: 'attached' | 'detached'
  vendorId: number
  productId: number
  vendor: string
  product: string
}

/** A headset's call button, as the media key it sends (see main/headset/headset-buttons.ts). */
export type HeadsetButton = 'play-pause' | 'stop'

export interface EventMap {
  power: { kind: PowerEvent; at: number }
  headset: HeadsetEvent
  /** USB could not be watched on this machine (no permission, no libusb): said once. */
  'headset-watch-unavailable': { notice: Message }
  /** A tel:/sip:/callto: link was opened: put it in the dial field, never dial by itself. */
  'dial-request': { target: string }
  'notification-action': { callId: string; action: 'answer' | 'reject' | 'show' }
  'preferences-changed': Preferences
  /** The headset's call (media) button was pressed while a call was ringing or up. */
  'headset-button': { button: HeadsetButton }
  /** A contact import is under way (contactImportProgressSchema): reading, then saving. */
  'contacts-import-progress': ContactImportProgress
}

export type EventChannel = keyof EventMap

// The plain name lists live in ./channels (the preload imports them without zod); these
// re-exports keep them reachable from the contract as before.
export { eventChannels, invokeChannels }

/** True only when A and B have exactly the same members (checked in both directions). */
type SameMembers<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Holds<T extends true> = T

/**
 * Compile-time proof that ./channels lists every contract channel and nothing else: a channel
 * missing from a list, or listed without a schema or event type, fails `tsc` here.
 */
export type ChannelListsMatchContract = [
  Holds<SameMembers<(typeof invokeChannels)[number], InvokeChannel>>,
  Holds<SameMembers<(typeof eventChannels)[number], EventChannel>>,
]

/** The API preload puts on `window.parley`. */
export interface ParleyApi {
  invoke<C extends InvokeChannel>(channel: C, request?: InvokeRequest<C>): Promise<InvokeResponse<C>>
  on<E extends EventChannel>(event: E, listener: (payload: EventMap[E]) => void): () => void
}
