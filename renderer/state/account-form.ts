import type { AccountState } from '../../contract/ipc'
import '../zod-config'
import { accountSchema, type Account } from '../../contract/account-schema'
import { message, type MessageKey } from '../../contract/i18n'
import { issueMessage } from '../../contract/i18n/schema-issues'
import type { Say } from './ui.svelte'

/**
 * The login form's logic, kept out of the component so it can be tested: what each field
 * starts with (saved account, else the admin's presets), which fields the admin locked, and
 * the plain-language message for each field the account schema refuses. The session uses the
 * same messages for a stored account that a repaired settings file left incomplete.
 */

export type AccountField =
  'displayName' | 'sipAddress' | 'authUser' | 'password' | 'wsServer' | 'outboundProxy' | 'voicemailNumber'
/** The text fields, and the switch "show new voicemail" (SUBSCRIBE message-summary or not). */
export type FormValues = Record<AccountField, string> & { voicemailWatch: boolean }
/** A field the admin can preset and lock. */
export type FormSetting = AccountField | 'voicemailWatch'
/** A catalogue message per field the form refuses. */
export type FieldErrors = Partial<Record<AccountField, Say>>

export const fieldLabels = {
  displayName: 'login.display-name',
  sipAddress: 'login.sip-address',
  authUser: 'login.auth-user',
  password: 'login.password',
  wsServer: 'login.ws-server',
  outboundProxy: 'login.outbound-proxy',
  voicemailNumber: 'login.voicemail-number',
} as const satisfies Record<AccountField, MessageKey>

const formFields = Object.keys(fieldLabels) as AccountField[]
const formSettings: FormSetting[] = [...formFields, 'voicemailWatch']
/** What the Voicemail button dials when the field is left empty (the account schema's default). */
const defaultVoicemailNumber = '555'
const isFormField = (name: string): name is AccountField => (formFields as string[]).includes(name)

const plainMessages: FieldErrors = {
  sipAddress: message('login.sip-address-invalid'),
  wsServer: message('login.ws-server-invalid'),
  voicemailNumber: message('login.voicemail-number-invalid'),
}

export const lockedHint = message('settings.set-by-admin')

export interface FormPolicy {
  /** Form fields the admin locked: shown read-only. */
  locked: ReadonlySet<FormSetting>
  /** The admin's SIP domain ('' when none): a bare user name gets it appended. */
  sipDomain: string
  /** The domain is locked: an address on another domain is refused here, before main does. */
  sipDomainLocked: boolean
}

export function formPolicyOf(state: AccountState | null): FormPolicy {
  const locked = new Set(state?.locked ?? [])
  return {
    locked: new Set(formSettings.filter((field) => locked.has(field))),
    sipDomain: state?.presets?.sipDomain?.trim() ?? '',
    sipDomainLocked: locked.has('sipDomain') && Boolean(state?.presets?.sipDomain?.trim()),
  }
}

/** Saved values first; an empty or missing one takes the admin's preset (a locked preset always wins). */
export function initialFormValues(state: AccountState | null): FormValues {
  const saved = state?.account
  const presets = state?.presets ?? {}
  const locked = new Set(state?.locked ?? [])
  const pick = (field: Exclude<AccountField, 'password'>): string => {
    const preset = presets[field]
    const presetText = typeof preset === 'string' ? preset : ''
    if (locked.has(field) && presetText) return presetText
    return saved?.[field] || presetText
  }
  return {
    displayName: pick('displayName'),
    sipAddress: pick('sipAddress'),
    authUser: pick('authUser'),
    password: '',
    wsServer: pick('wsServer'),
    outboundProxy: pick('outboundProxy'),
    voicemailNumber: pick('voicemailNumber') || defaultVoicemailNumber,
    voicemailWatch: initialVoicemailWatch(state),
  }
}

/** Watch the mailbox: the admin's locked value, else the saved choice, else the preset, else yes. */
function initialVoicemailWatch(state: AccountState | null): boolean {
  const preset = state?.presets?.voicemailWatch
  if (state?.locked.includes('voicemailWatch') && preset !== undefined) return preset
  return state?.account?.voicemailWatch ?? preset ?? true
}

/**
 * What a sign-in keeps besides the form's fields (mailbox, ICE servers): the saved
 * account's values, else the admin's presets, else the schema defaults.
 */
export function formBaseOf(state: AccountState | null): Partial<Account> {
  const presets = state?.presets ?? {}
  const base: Partial<Account> = {}
  if (presets.voicemailNumber !== undefined) base.voicemailNumber = presets.voicemailNumber
  if (presets.iceServers !== undefined) base.iceServers = presets.iceServers
  return { ...base, ...(state?.account ?? {}) }
}

/** The host part, port included: a locked domain takes no other port. */
const hostOf = (sipAddress: string) => (sipAddress.split('@')[1] ?? '').toLowerCase()

/** Field messages for everything the account schema refuses in `candidate` (first issue per field). */
export function accountFieldErrors(candidate: Record<string, unknown>): FieldErrors {
  const parsed = accountSchema.safeParse(candidate)
  if (parsed.success) return {}
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '')
    if (!isFormField(field) || errors[field]) continue
    const value = candidate[field]
    const empty = typeof value !== 'string' || value.trim() === ''
    errors[field] = empty
      ? message('login.required', { field: message(fieldLabels[field]) })
      : (plainMessages[field] ?? issueMessage(issue, fieldLabels[field]))
  }
  return errors
}

export type FormCheck = { ok: true; account: Account } | { ok: false; errors: FieldErrors }

/** Validates the form; `base` keeps the saved fields the form does not show (mailbox, ICE). */
export function checkAccountForm(
  values: FormValues,
  base: Partial<Account> | null | undefined,
  policy: FormPolicy,
  hasPassword: boolean,
): FormCheck {
  let sipAddress = values.sipAddress.trim()
  if (policy.sipDomain && sipAddress !== '' && !sipAddress.includes('@'))
    sipAddress = `${sipAddress}@${policy.sipDomain}`
  const candidate = {
    ...(base ?? {}),
    displayName: values.displayName,
    sipAddress,
    authUser: values.authUser,
    wsServer: values.wsServer,
    outboundProxy: values.outboundProxy,
    voicemailNumber: values.voicemailNumber.trim() || defaultVoicemailNumber,
    voicemailWatch: values.voicemailWatch,
  }
  const errors = accountFieldErrors(candidate)
  if (!errors.sipAddress && policy.sipDomainLocked && hostOf(sipAddress) !== policy.sipDomain.toLowerCase()) {
    errors.sipAddress = message('login.domain-locked', { domain: policy.sipDomain })
  }
  if (!hasPassword && values.password === '')
    errors.password = message('login.required', { field: message('login.password') })
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, account: accountSchema.parse(candidate) }
}
