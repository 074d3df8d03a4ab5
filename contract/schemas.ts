import { z } from 'zod'
import { accountSchema, shortText } from './account-schema'
import { languagePreferences } from './i18n/language'
import type { MessageKey } from './i18n/catalogue'
import { historyTextLimits, maxWatchedContacts, sipTraceLimits, textLimits } from './limits'

/**
 * Runtime schemas for everything that crosses the process boundary. Main validates every
 * invoke payload against these; the renderer reuses them for form validation.
 */

export {
  accountSchema,
  sipAddressSchema,
  voicemailNumberSchema,
  webSocketUrlSchema,
  type Account,
} from './account-schema'

export const audioDevicePreferenceSchema = z.object({
  deviceId: shortText(256),
  label: shortText(256),
  groupId: shortText(256),
})
export type AudioDevicePreference = z.infer<typeof audioDevicePreferenceSchema>

/** How keypad tones are sent: auto picks per call (RFC 4733 where the far end can use it). */
export const dtmfMethodSchema = z.enum(['auto', 'rfc4733', 'info'])
export type DtmfMethodPreference = z.infer<typeof dtmfMethodSchema>

/**
 * A key the voicemail system understands, shown as a button during a call to it. `during`:
 * in its menu, or while a message plays. An admin policy may replace the built-in list.
 */
export const voicemailKeySchema = z.object({
  key: z.string().regex(/^[0-9*#A-D]$/, 'form.keypad-key'),
  label: z.string().trim().min(1).max(40),
  during: z.enum(['menu', 'playback']).default('menu'),
})
export type VoicemailKey = z.infer<typeof voicemailKeySchema>

export { textSizes, type TextSize } from './text-size'
/** The text's size in percent of the app's own: one of `textSizes`. */
export const textSizeSchema = z.union([z.literal(100), z.literal(125), z.literal(150), z.literal(200)])

export { maxWatchedContacts }
const watchedContactsSchema = z.array(shortText(64)).max(maxWatchedContacts)

export const preferencesSchema = z.object({
  microphone: audioDevicePreferenceSchema.nullable().default(null),
  speaker: audioDevicePreferenceSchema.nullable().default(null),
  ringtone: audioDevicePreferenceSchema.nullable().default(null),
  closeToTray: z.boolean().default(true),
  doNotDisturb: z.boolean().default(false),
  historyLimit: z.number().int().min(100).max(1_000_000).default(50_000),
  /** "system" follows the operating system's language. */
  language: z.enum(languagePreferences).default('system'),
  dtmfMethod: dtmfMethodSchema.default('auto'),
  /** Every SIP message written to a bounded trace file in the log folder, for support. */
  sipTrace: z.boolean().default(false),
  /** The window stays above other windows (a softphone docked beside the user's work). */
  keepOnTop: z.boolean().default(false),
  /** Ids of the contacts whose lamps are watched (presence and call state). */
  watchedContacts: watchedContactsSchema.default([]),
  textSize: textSizeSchema.default(100),
})
export type Preferences = z.infer<typeof preferencesSchema>

/**
 * A preferences change: only the fields sent. Not `preferencesSchema.partial()`, because zod
 * applies the defaults inside a partial, which would reset every field the patch left out.
 */
export const preferencesPatchSchema = z.object({
  microphone: audioDevicePreferenceSchema.nullable().optional(),
  speaker: audioDevicePreferenceSchema.nullable().optional(),
  ringtone: audioDevicePreferenceSchema.nullable().optional(),
  closeToTray: z.boolean().optional(),
  doNotDisturb: z.boolean().optional(),
  historyLimit: z.number().int().min(100).max(1_000_000).optional(),
  language: z.enum(languagePreferences).optional(),
  dtmfMethod: dtmfMethodSchema.optional(),
  sipTrace: z.boolean().optional(),
  keepOnTop: z.boolean().optional(),
  watchedContacts: watchedContactsSchema.optional(),
  textSize: textSizeSchema.optional(),
})
export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>

export const saveAccountRequestSchema = z.object({
  account: accountSchema,
  /** Omitted: keep the stored password. */
  password: shortText(256).optional(),
})

export const contactSchema = z.object({
  id: shortText(64),
  name: shortText(256),
  company: shortText(256).default(''),
  favourite: z.boolean().default(false),
  numbers: z
    .array(
      z.object({
        kind: z.enum(['work', 'mobile', 'extension', 'home', 'other']),
        value: shortText(128),
      }),
    )
    .max(16)
    .default([]),
})
export type Contact = z.infer<typeof contactSchema>

/** The largest contact file Parley imports, in characters (a 20 MB export fits). */
export const maxImportChars = 32 * 1024 * 1024

export const contactImportRequestSchema = z.object({
  format: z.enum(['vcard', 'csv']),
  text: z.string().max(maxImportChars, 'import.too-large' satisfies MessageKey),
})

export type ContactImportRequest = z.infer<typeof contactImportRequestSchema>

/** How far a contact import is: reading the file (in a worker), then saving the contacts. */
export const contactImportProgressSchema = z.object({
  phase: z.enum(['reading', 'saving']),
  percent: z.number().int().min(0).max(100),
})
export type ContactImportProgress = z.infer<typeof contactImportProgressSchema>

export const callOutcomeSchema = z.enum([
  'answered',
  'missed',
  'rejected',
  'busy',
  'failed',
  'transferred',
  'cancelled',
])
export type CallOutcome = z.infer<typeof callOutcomeSchema>

export { historyTextLimits } from './limits'

export const historyEntrySchema = z.object({
  id: shortText(historyTextLimits.id),
  direction: z.enum(['incoming', 'outgoing']),
  outcome: callOutcomeSchema,
  remoteName: shortText(historyTextLimits.remoteName),
  remoteNumber: shortText(historyTextLimits.remoteNumber),
  via: shortText(historyTextLimits.via).default(''),
  transferredTo: shortText(historyTextLimits.transferredTo).default(''),
  startedAt: z.number().int().nonnegative(),
  ringMs: z.number().int().nonnegative(),
  talkMs: z.number().int().nonnegative(),
  /** Why the call went this way when the outcome alone does not say (e.g. do not disturb). */
  note: shortText(historyTextLimits.note).optional(),
  /** The call's average estimated MOS (1 … 4.5, from getStats); absent when never measured. */
  mos: z.number().min(1).max(5).optional(),
})
export type HistoryEntry = z.infer<typeof historyEntrySchema>

export const historyQuerySchema = z.object({
  filter: z.enum(['all', 'missed', 'incoming', 'outgoing']).default('all'),
  search: shortText(textLimits.search).default(''),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(1000).default(200),
})
export type HistoryQuery = z.infer<typeof historyQuerySchema>

export const registrationSummarySchema = z.enum(['unregistered', 'connecting', 'registered', 'failed'])

export const phoneStatusSchema = z.object({
  registration: registrationSummarySchema,
  calls: z.number().int().min(0).max(64),
  ringing: z.boolean(),
})
export type PhoneStatus = z.infer<typeof phoneStatusSchema>

/** Message waiting (RFC 3842) as the renderer read it: for the tray and the dock/taskbar badge. */
export const voicemailWaitingSchema = z.object({
  waiting: z.boolean(),
  /** New voice messages; null when the PBX gave no count (or we do not know). */
  newCount: z.number().int().min(0).max(9999).nullable(),
  oldCount: z.number().int().min(0).max(9999).nullable(),
})
export type VoicemailWaiting = z.infer<typeof voicemailWaitingSchema>

export const incomingCallNoticeSchema = z.object({
  callId: shortText(textLimits.id),
  remoteName: shortText(textLimits.remoteName),
  remoteNumber: shortText(textLimits.party),
  via: shortText(textLimits.party).default(''),
})

/**
 * One line the renderer asks main to log. Bounded so a bug or a hostile page cannot fill the
 * disk through it; main also rate-limits (main/log/log-part.ts) and redacts.
 */
export const logLineSchema = z.object({
  level: z.enum(['debug', 'info', 'warn', 'error']),
  /** Which part of the renderer speaks, e.g. `sip`, `audio`, `calls`. */
  scope: z.string().regex(/^[a-z][a-z0-9-]{0,23}$/),
  message: z.string().min(1).max(2000),
})
export type LogLine = z.infer<typeof logLineSchema>

/**
 * One SIP message for the support trace (`sip-trace:write`). Bounded so a hostile page cannot
 * fill the disk through one call; main writes it only while the `sipTrace` preference is on.
 */
export const sipTraceLineSchema = z.object({
  direction: z.enum(['sent', 'received']),
  text: z.string().min(1).max(sipTraceLimits.text),
})
export type SipTraceLine = z.infer<typeof sipTraceLineSchema>

export const idSchema = z.object({ id: shortText(textLimits.id) })
export const emptySchema = z.undefined().or(z.null()).or(z.object({}).strict())

/**
 * A page of the address book (`contacts:list`); nothing asked: all of it. The window reads
 * 10,000 contacts a page at a time, so no single answer holds up its main thread for long.
 */
export const contactPageSchema = z
  .object({
    offset: z.number().int().nonnegative(),
    limit: z.number().int().min(1).max(10_000),
  })
  .or(emptySchema)
export type ContactPage = z.infer<typeof contactPageSchema>

/** Why a wss:// server's certificate is refused (main's explanation, `tls:explain`). */
export const certificateProblems = [
  'expired',
  'not-yet-valid',
  'wrong-host',
  'untrusted',
  'self-signed',
] as const
export type CertificateProblem = (typeof certificateProblems)[number]

/** An address with exactly this scheme (e.g. `https:`), at most `max` characters. */
const protocolRefusals = { 'https:': 'form.https-address', 'wss:': 'form.wss-address' } as const

export const urlWithProtocol = (protocol: 'https:' | 'wss:', max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => {
      try {
        return new URL(value).protocol === protocol
      } catch {
        return false
      }
    }, protocolRefusals[protocol])

/** `tls:explain`: the wss:// address whose connection failed (nothing else is probed). */
export const tlsExplainRequestSchema = z.object({ url: urlWithProtocol('wss:', 512) })
