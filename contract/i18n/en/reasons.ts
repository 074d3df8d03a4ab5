import { plural } from '../language'

/**
 * Why main (or a lower layer) refused or could not do something: the reasons that appear inside
 * other sentences ("The contact was not saved: …"), and the names of settings an administrator
 * can lock, in English. Lower layers send these as codes; the window renders them.
 */
export const enReasons = {
  'reason.unknown-request': 'Parley does not know that request.',
  'reason.untrusted-sender': 'The request did not come from the Parley window and was refused.',
  'reason.invalid-input': (p: { problem: string }) => `Some details were not valid: ${p.problem}`,
  'reason.internal': 'Something went wrong inside Parley. The details were written to the log.',
  'reason.unknown': 'Something went wrong. Please try again.',
  'reason.service-unreachable': 'Parley could not reach its background service. Please restart Parley.',
  'reason.not-in-this-test': 'This part of Parley is not available here.',

  'reason.locked': (p: { setting: string }) => `Your administrator has locked ${p.setting}.`,
  'reason.locked-more': (p: { setting: string; count: number }) =>
    plural('en', p.count, {
      one: `Your administrator has locked ${p.setting} and 1 other setting.`,
      other: `Your administrator has locked ${p.setting} and ${p.count} other settings.`,
    }),
  'reason.settings-not-saved': (p: { code: string }) =>
    `Your settings could not be saved (${p.code}). Check free disk space and try again.`,
  'reason.no-password': 'No password is saved. Please sign in again.',

  'reason.contact-needs-name': 'A contact needs a name or a number.',
  'reason.contacts-unreadable-at-start':
    'Your contacts file could not be read when Parley started, so it is left untouched. Restart Parley and try again.',
  'reason.contacts-not-saved':
    'Your contacts could not be saved (the disk may be full or read-only). Nothing was changed.',

  'reason.history-not-saved':
    'The call could not be saved to the history file (the disk may be full or read-only).',
  'reason.history-unreadable-at-start':
    'The history file could not be read when Parley started, so it is left as it is. Restart Parley to delete or clear calls.',
  'reason.history-not-updated': 'The history file could not be updated (the disk may be full or read-only).',

  'reason.schedule-locked': 'Your administrator has set the status schedule.',
  'reason.status-not-allowed': (p: { status: string }) =>
    `Your administrator does not allow the status “${p.status}”.`,
  'reason.status-not-saved': 'Your status could not be saved on this computer.',
  'reason.diagnostics-not-written': (p: { code: string }) => `The file could not be written (${p.code}).`,

  'notice.headset-watch-unavailable':
    'Headsets plugged in or out are not noticed automatically on this computer. Calls and audio work as usual.',

  'form.too-long': (p: { max: number }) => `Use at most ${p.max} characters.`,
  'form.too-many': (p: { max: number }) => `Use at most ${p.max} entries.`,
  'form.required': 'This must be filled in.',
  'form.invalid': 'This is not valid.',
  'form.header-unsafe': (p: { field: string }) =>
    `${p.field} cannot contain line breaks, quotation marks (") or angle brackets (< >).`,
  'form.number-or-address': 'Use a number or user@domain.',
  'form.digits-star-hash': 'Use digits, * or #.',
  'form.https-address': 'Use an https:// address.',
  'form.wss-address': 'Use a wss:// address.',
  'form.clock-time': 'Enter a time like 12:00.',
  'form.keypad-key': 'Use one keypad key: 0–9, *, # or A–D.',

  'setting.display-name': 'the display name',
  'setting.sip-address': 'the SIP address',
  'setting.sip-domain': 'the SIP domain',
  'setting.auth-user': 'the authentication user',
  'setting.ws-server': 'the WebSocket server',
  'setting.outbound-proxy': 'the outbound proxy',
  'setting.ice-servers': 'the ICE servers',
  'setting.voicemail-number': 'the voicemail number',
  'setting.mailbox': 'the voicemail mailbox',
  'setting.voicemail-watch': 'the new voicemail indicator',
  'setting.region': 'the phone number region',
  'setting.close-to-tray': 'running in the tray',
  'setting.dtmf-method': 'the keypad tones',
  'setting.language': 'the language',
  'setting.do-not-disturb': 'do not disturb',
  'setting.history-limit': 'the call history limit',
  'setting.sip-trace': 'the SIP trace',
  'setting.keep-on-top': 'keep on top',
  'setting.text-size': 'the text size',
  'setting.microphone': 'the microphone',
  'setting.speaker': 'the speaker',
  'setting.ringtone': 'the ringtone device',
  'setting.watched-contacts': 'the watched colleagues',
  'setting.auto-update': 'automatic updates',
  'setting.status-schedule': 'the status schedule',
  'setting.other': 'a setting',
}
