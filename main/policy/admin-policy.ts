import { issueMessage } from '../../contract/i18n/schema-issues'
import { win32 } from 'node:path'
import { z } from 'zod'
import {
  accountSchema,
  dtmfMethodSchema,
  textSizeSchema,
  preferencesSchema,
  urlWithProtocol,
  voicemailKeySchema,
  voicemailNumberSchema,
  webSocketUrlSchema,
} from '../../contract/schemas'
import { message, type Message } from '../../contract/i18n'
import { languagePreferences } from '../../contract/i18n/language'
import { locateJsonSyntaxError } from './json-error-location'
import { presenceStatusSchema, statusScheduleSchema } from '../../contract/presence/schemas'

/** Settings an admin can lock: every account field and preference, plus the policy-only ones. */
export const lockableSettings = [
  ...(Object.keys(accountSchema.shape) as (keyof typeof accountSchema.shape)[]),
  ...(Object.keys(preferencesSchema.shape) as (keyof typeof preferencesSchema.shape)[]),
  'sipDomain',
  'autoUpdate',
  'statusSchedule',
] as const
export type LockableSetting = (typeof lockableSettings)[number]

const domainSchema = z
  .string()
  .trim()
  .max(253)
  .regex(
    /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/,
    'policy.domain-invalid',
  )

export const policyFileSchema = z
  .object({
    /** Free text for the admin's own notes. */
    comment: z.string().optional(),
    wsServer: webSocketUrlSchema.optional(),
    sipDomain: domainSchema.optional(),
    voicemailNumber: voicemailNumberSchema.optional(),
    outboundProxy: z.string().trim().max(512).optional(),
    /** The mailbox watched for new messages (a number or user@domain); default: the account. */
    mailbox: accountSchema.shape.mailbox,
    /** Whether Parley watches the mailbox for new messages at all (default: yes). */
    voicemailWatch: z.boolean().optional(),
    iceServers: z.array(z.string().max(512)).max(8).optional(),
    autoUpdate: z.boolean().optional(),
    /** An https update feed replacing the one built into the app (e.g. an internal mirror). */
    updateUrl: urlWithProtocol('https:', 2048).optional(),
    closeToTray: z.boolean().optional(),
    /** The SIP trace for support: on or off (a preset; lock it with "locked"). */
    sipTrace: z.boolean().optional(),
    /** The window stays above other windows (a preset; lock it with "locked"). */
    keepOnTop: z.boolean().optional(),
    /** Default region for phone numbers (ISO 3166 country code, e.g. "SE"). */
    region: z
      .string()
      .regex(/^[A-Z]{2}$/, 'policy.region-invalid')
      .optional(),
    /** How keypad tones are sent: auto, rfc4733 or info (a preset; lock it with "locked"). */
    dtmfMethod: dtmfMethodSchema.optional(),
    /** The text size in percent: 100, 125, 150 or 200 (a preset; lock it with "locked"). */
    textSize: textSizeSchema.optional(),
    /**
     * SIP domains a transfer request (REFER) from the other party may send the user to without
     * asking, besides the account's own domain (e.g. the company's other PBX).
     */
    transferAllowlist: z.array(domainSchema).max(32).optional(),
    /**
     * The PBX's directed call pickup code ("*8"): a ringing colleague's lamp is picked up by
     * dialling it with their extension. Absent: by INVITE with Replaces (RFC 3891).
     */
    pickupCode: z
      .string()
      .trim()
      .regex(/^[*#0-9]{1,8}$/, 'policy.pickup-code-invalid')
      .optional(),
    /** The keys the company's voicemail understands, replacing the built-in list. */
    voicemailKeys: z.array(voicemailKeySchema).min(1).max(24).optional(),
    /** The interface language: "sv", "en" or "system" (follow the operating system). */
    language: z.enum(languagePreferences).optional(),
    /** Statuses users may not pick (e.g. "out-of-office" where a calendar sets it). */
    hiddenStatuses: z
      .array(presenceStatusSchema.refine((status) => status !== 'available', 'policy.available-not-hidden'))
      .max(7)
      .optional(),
    /** The weekly status schedule every user starts with (lock it with "locked"). */
    statusSchedule: statusScheduleSchema.optional(),
    locked: z.array(z.enum(lockableSettings)).default([]),
  })
  .strict()

export type PolicyValues = Omit<z.output<typeof policyFileSchema>, 'locked' | 'comment'>

export interface AdminPolicy {
  values: PolicyValues
  locked: LockableSetting[]
}

export type PolicyLoad =
  | { status: 'absent'; path: string; policy: AdminPolicy }
  | { status: 'applied'; path: string; policy: AdminPolicy }
  /** `problem` is worded by the catalogue: the user and the IT admin read it in their language. */
  | { status: 'rejected'; path: string; policy: AdminPolicy; problem: Message }

export const noPolicy = (): AdminPolicy => ({ values: {}, locked: [] })

/**
 * What runs when the admin's file is broken: nothing from it is applied (never half of it),
 * and automatic updates stay off because we cannot tell what the admin wanted.
 */
export const safeDefaultPolicy = (): AdminPolicy => ({ values: { autoUpdate: false }, locked: [] })

/** `programData`: Windows' machine-wide data folder as the OS records it (policy-trust.ts). */
export function policyPath(platform: NodeJS.Platform, programData = 'C:\\ProgramData'): string {
  if (platform === 'win32') return win32.join(programData, 'Parley', 'policy.json')
  if (platform === 'darwin') return '/Library/Application Support/Parley/policy.json'
  return '/etc/parley/policy.json'
}

/**
 * What applies when the admin's own policy is refused (broken JSON, a wrong value): safe
 * defaults, and every setting it names (a quoted name anywhere in it) locked at what the user
 * has now. A typo must not open what the admin meant to close: failing closed, not open.
 */
export function failClosedPolicy(text: string): AdminPolicy {
  return {
    ...safeDefaultPolicy(),
    locked: lockableSettings.filter((setting) => text.includes(`"${setting}"`)),
  }
}

/** failClosedPolicy for values already parsed: their keys and the names in their "locked". */
function failClosedValues(raw: unknown): AdminPolicy {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return safeDefaultPolicy()
  const named = Object.keys(raw)
  const locked = (raw as { locked?: unknown }).locked
  if (Array.isArray(locked)) for (const name of locked) if (typeof name === 'string') named.push(name)
  return failClosedPolicy(named.map((name) => `"${name}"`).join(','))
}

/** A real policy is a few hundred bytes; anything this large is not one (and is not parsed). */
export const maxPolicyChars = 64 * 1024

/** Parse the text of a policy file. Pure: tests and the loader share it. */
export function parsePolicy(text: string, path: string): PolicyLoad {
  if (text.length > maxPolicyChars) {
    const problem = message('policy.too-large', {
      size: Math.ceil(text.length / 1024),
      limit: maxPolicyChars / 1024,
    })
    return { status: 'rejected', path, policy: safeDefaultPolicy(), problem }
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let raw: unknown
  try {
    raw = JSON.parse(body)
  } catch {
    const where = locateJsonSyntaxError(body)
    const problem = where
      ? message('policy.json-at', { line: where.line, column: where.column, problem: where.problem })
      : message('policy.not-json')
    return { status: 'rejected', path, policy: failClosedPolicy(body), problem }
  }
  return validatePolicy(raw, path)
}

/**
 * Validate policy values from any source (file, Windows registry, macOS managed preferences):
 * all or nothing, naming the first wrong keys.
 */
export function validatePolicy(raw: unknown, path: string): PolicyLoad {
  const parsed = policyFileSchema.safeParse(raw)
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((issue): Message => {
      if (issue.code === 'unrecognized_keys')
        return message('policy.unknown-keys', { keys: issue.keys.map((key) => `"${key}"`).join(', ') })
      const key = issue.path.map(String).join('.')
      const says = issueMessage(issue)
      return key ? message('policy.value', { key, problem: says }) : says
    })
    // "a; b; c", each part worded by the catalogue
    const last = problems.pop() ?? message('form.invalid')
    const problem = problems.reduceRight((next, first) => message('policy.problems', { first, next }), last)
    return { status: 'rejected', path, policy: failClosedValues(raw), problem }
  }
  const { locked, comment: _comment, ...values } = parsed.data
  return { status: 'applied', path, policy: { values, locked: [...new Set(locked)] } }
}

export interface PolicyFileReader {
  readFile(path: string): string
}

/** Read the machine-wide file. A missing file is normal (no admin policy); anything else is reported. */
export function loadPolicy(path: string, reader: PolicyFileReader): PolicyLoad {
  let text: string
  try {
    text = reader.readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return { status: 'absent', path, policy: noPolicy() }
    return {
      status: 'rejected',
      path,
      policy: safeDefaultPolicy(),
      problem: message('policy.unreadable', { code: code ?? '' }),
    }
  }
  return parsePolicy(text, path)
}

/** The notice shown to the user (and logged) when a policy file was refused. */
export function policyNotice(load: PolicyLoad): Message | null {
  if (load.status !== 'rejected') return null
  return message('policy.not-applied', { path: load.path, problem: load.problem })
}
