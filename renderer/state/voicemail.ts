import { message, type Message } from '../../contract/i18n'
import type { VoicemailKey } from '../../contract/schemas'
import type { CallSnapshot } from '../sip/types'

/** The number every mailbox of our users' PBX answers, whatever the account says. */
export const SHARED_VOICEMAIL_NUMBER = '555'

export interface VoicemailButton {
  key: string
  during: VoicemailKey['during']
  /** A catalogue message for the built-in keys; the admin's own words for a policy's. */
  label: Message | string
}

/** The keys the PBX's voicemail understands (its menu, and while a message plays). */
export const builtInVoicemailKeys: readonly VoicemailButton[] = [
  { key: '2', during: 'menu', label: message('voicemail.key-saved') },
  { key: '4', during: 'menu', label: message('voicemail.key-play-greeting') },
  { key: '5', during: 'menu', label: message('voicemail.key-record-greeting') },
  { key: '6', during: 'menu', label: message('voicemail.key-delete-greeting') },
  { key: '0', during: 'menu', label: message('voicemail.key-repeat-menu') },
  { key: '*', during: 'menu', label: message('voicemail.key-end') },
  { key: '1', during: 'playback', label: message('voicemail.key-previous') },
  { key: '2', during: 'playback', label: message('voicemail.key-repeat') },
  { key: '3', during: 'playback', label: message('voicemail.key-next') },
  { key: '7', during: 'playback', label: message('voicemail.key-delete') },
]

/** The policy's list replaces the built-in one whole (an admin knows their mailbox). */
export function voicemailButtons(
  policyKeys: readonly VoicemailKey[] | undefined,
): readonly VoicemailButton[] {
  return policyKeys && policyKeys.length > 0 ? policyKeys : builtInVoicemailKeys
}

/** A call we placed to voicemail: the shared 555 or the account's own voicemail number. */
export function isVoicemailCall(
  call: Pick<CallSnapshot, 'direction' | 'remoteNumber'>,
  accountVoicemailNumber: string,
): boolean {
  if (call.direction !== 'outgoing') return false
  const dialled = call.remoteNumber.trim()
  return dialled === SHARED_VOICEMAIL_NUMBER || (dialled !== '' && dialled === accountVoicemailNumber.trim())
}
