import { enStatus } from './en/status'
import { enPhone } from './en/phone'
import { enTransfer } from './en/transfer'
import { enCallCard } from './en/call-card'
import { enScreens } from './en/screens'
import { enContacts } from './en/contacts'
import { enHelp } from './en/help'
import { enHistory } from './en/history'
import { enAnnounce } from './en/announce'
import { enDesktop } from './en/desktop'
import { enLamps } from './en/lamps'
// Swedish-round additions (contacts panel, audio settings, main's notices): one group.
import { enContactsPanel } from './en/contacts-panel'
import { enAudio } from './en/audio'
import { enNotices } from './en/notices'
import { enLayout } from './en/layout'
import { enVoicemailWaiting } from './en/voicemail-waiting'
// Reasons from lower layers (codes, not sentences) and contact files.
import { enReasons } from './en/reasons'
import { enContactFiles } from './en/contact-files'
import { enPolicy } from './en/policy'
import { plural } from './language'

/**
 * English texts: the reference catalogue. A key is `area.what`; a text with parameters is a
 * function of one typed object. Keep texts short enough for a narrow window; sv.ts must have
 * every key (tsc and catalogue.test.ts fail otherwise).
 */
export const en = {
  ...enStatus,
  ...enHistory,
  ...enAnnounce,
  ...enDesktop,
  ...enLamps,
  ...enContactsPanel,
  ...enAudio,
  ...enNotices,
  ...enLayout,
  ...enVoicemailWaiting,
  ...enReasons,
  ...enContactFiles,
  ...enPolicy,
  ...enHelp,
  ...enContacts,
  ...enScreens,
  ...enCallCard,
  ...enTransfer,
  ...enPhone,
  'app.starting': 'Starting Parley…',
  'app.title': 'Parley',
  'app.title-missed': (p: { count: number }) => `Parley (${p.count} missed)`,
  'app.no-call-to-transfer': 'There is no connected call to transfer.',
  'app.part-not-loaded': 'This part of Parley could not be loaded. Please restart Parley.',
  'ui.announcements': 'Announcements',
  'ui.dismiss': 'Dismiss message',
  'network.back': 'Network is back. Reconnecting…',
  'network.gone': 'The network is gone. Calls will resume when it is back.',

  'settings.title': 'Settings',
  'settings.close': 'Close',
  'settings.window': 'Window',
  'settings.close-to-tray': 'Keep running in the tray when the window is closed',
  'settings.close-to-tray-hint': 'So calls still ring with the window closed. Quit from the tray menu.',
  'settings.set-by-admin': 'Set by your administrator.',
  'settings.keep-on-top': 'Keep on top of other windows',
  'settings.keep-on-top-hint': 'Parley stays in view beside your work, so a ringing call is never hidden.',
  'settings.keep-on-top-on': 'Parley stays on top of other windows.',
  'settings.keep-on-top-off': 'Parley no longer stays on top.',
  'settings.language': 'Language',
  'settings.language-system': (p: { language: string }) => `Same as the computer (${p.language})`,
  'language.en': 'English',
  'language.sv': 'Svenska',
  'settings.not-changed': (p: { setting: string; reason: string }) =>
    `${p.setting} was not changed: ${p.reason}`,
  'settings.language-changed': (p: { language: string }) => `Language: ${p.language}.`,
  'settings.dtmf': 'Keypad tones',
  'settings.dtmf-auto': 'Automatic (recommended)',
  'settings.dtmf-rfc4733': 'In the audio (RFC 4733)',
  'settings.dtmf-info': 'As SIP messages (SIP INFO)',
  'settings.dtmf-hint':
    'Automatic sends tones the way the other side understands them. Change it only if a voice menu does not react to your keys.',
  'settings.dtmf-changed': (p: { method: string }) => `Keypad tones: ${p.method}.`,
  'settings.text-size': 'Text size',
  'settings.text-size-value': (p: { percent: number }) => `${p.percent}%`,
  'settings.text-size-hint': 'Ctrl and + or - change it from anywhere in Parley; Ctrl+0 goes back to 100%.',
  'settings.text-size-changed': (p: { percent: number }) => `Text size: ${p.percent}%.`,

  'voicemail.keys': 'Voicemail keys',
  'voicemail.menu': 'In the menu',
  'voicemail.playback': 'While a message plays',
  'voicemail.key': (p: { key: string; label: string }) => `${p.key}: ${p.label}`,
  'voicemail.key-saved': 'Saved messages',
  'voicemail.key-play-greeting': 'Play greeting',
  'voicemail.key-record-greeting': 'Record greeting',
  'voicemail.key-delete-greeting': 'Delete greeting',
  'voicemail.key-end': 'End',
  'voicemail.key-repeat-menu': 'Repeat the menu',
  'voicemail.key-previous': 'Previous message',
  'voicemail.key-repeat': 'Play again',
  'voicemail.key-next': 'Next message',
  'voicemail.key-delete': 'Delete message',
  'settings.support': 'Support',
  'settings.save-diagnostics': 'Save diagnostics…',
  'settings.save-diagnostics-hint':
    'One file with the logs, versions and settings (never your password) to attach to a support ticket.',
  'settings.sip-trace': 'Record a SIP trace for support',
  'settings.sip-trace-hint':
    'Keeps every SIP message (never your password) in a small file that Save diagnostics includes. Turn it on when support asks.',
  'settings.sip-trace-on': 'The SIP trace is on.',
  'settings.sip-trace-off': 'The SIP trace is off.',
  'diagnostics.dialog-title': 'Save diagnostics',
  'diagnostics.saved': (p: { path: string }) => `Diagnostics saved to ${p.path}.`,
  'diagnostics.failed': (p: { reason: string }) => `Diagnostics were not saved: ${p.reason}`,

  'history.missed-count': (p: { count: number }) =>
    plural('en', p.count, { one: `${p.count} missed call`, other: `${p.count} missed calls` }),
}
