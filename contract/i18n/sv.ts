import { svStatus } from './sv/status'
import type { Catalogue } from './catalogue'
import { svPhone } from './sv/phone'
import { svTransfer } from './sv/transfer'
import { svCallCard } from './sv/call-card'
import { svScreens } from './sv/screens'
import { svContacts } from './sv/contacts'
import { svHelp } from './sv/help'
import { svHistory } from './sv/history'
import { svAnnounce } from './sv/announce'
import { svDesktop } from './sv/desktop'
import { svLamps } from './sv/lamps'
// Swedish-round additions (contacts panel, audio settings, main's notices): one group.
import { svContactsPanel } from './sv/contacts-panel'
import { svAudio } from './sv/audio'
import { svNotices } from './sv/notices'
import { svLayout } from './sv/layout'
import { svVoicemailWaiting } from './sv/voicemail-waiting'
// Reasons from lower layers (codes, not sentences) and contact files.
import { svReasons } from './sv/reasons'
import { svContactFiles } from './sv/contact-files'
import { svPolicy } from './sv/policy'
import { plural } from './language'

/**
 * Svenska. Skrivet som svenska telefonanvändare säger: "Ring", "Lägg på", "Koppla",
 * "Parkera", "Röstbrevlåda", "Stör ej", "Missat samtal". 24-timmarsklocka sköts av Intl.
 */
export const sv: Catalogue = {
  ...svStatus,
  ...svHistory,
  ...svAnnounce,
  ...svDesktop,
  ...svLamps,
  ...svContactsPanel,
  ...svAudio,
  ...svNotices,
  ...svLayout,
  ...svVoicemailWaiting,
  ...svReasons,
  ...svContactFiles,
  ...svPolicy,
  ...svHelp,
  ...svContacts,
  ...svScreens,
  ...svCallCard,
  ...svTransfer,
  ...svPhone,
  'app.starting': 'Startar Parley…',
  'app.title': 'Parley',
  'app.title-missed': (p) => `Parley (${p.count} missade)`,
  'app.no-call-to-transfer': 'Det finns inget pågående samtal att koppla.',
  'app.part-not-loaded': 'Den här delen av Parley kunde inte läsas in. Starta om Parley.',
  'ui.announcements': 'Meddelanden',
  'ui.dismiss': 'Stäng meddelandet',
  'network.back': 'Nätverket är tillbaka. Ansluter igen…',
  'network.gone': 'Nätverket är borta. Samtalen fortsätter när det är tillbaka.',

  'settings.title': 'Inställningar',
  'settings.close': 'Stäng',
  'settings.window': 'Fönster',
  'settings.close-to-tray': 'Fortsätt köra i systemfältet när fönstret stängs',
  'settings.close-to-tray-hint':
    'Då ringer samtal även när fönstret är stängt. Avsluta från menyn i systemfältet.',
  'settings.set-by-admin': 'Inställt av din administratör.',
  'settings.keep-on-top': 'Håll fönstret överst',
  'settings.keep-on-top-hint':
    'Parley syns bredvid det du arbetar med, så att ett inkommande samtal aldrig hamnar bakom andra fönster.',
  'settings.keep-on-top-on': 'Parley ligger nu överst.',
  'settings.keep-on-top-off': 'Parley ligger inte längre överst.',
  'settings.language': 'Språk',
  'settings.language-system': (p) => `Samma som datorn (${p.language})`,
  'language.en': 'English',
  'language.sv': 'Svenska',
  'settings.not-changed': (p) => `${p.setting} ändrades inte: ${p.reason}`,
  'settings.language-changed': (p) => `Språk: ${p.language}.`,
  'settings.dtmf': 'Knapptoner',
  'settings.dtmf-auto': 'Automatiskt (rekommenderas)',
  'settings.dtmf-rfc4733': 'I ljudet (RFC 4733)',
  'settings.dtmf-info': 'Som SIP-meddelanden (SIP INFO)',
  'settings.dtmf-hint':
    'Automatiskt skickar tonerna så som mottagaren förstår dem. Ändra bara om en röstmeny inte reagerar på dina knapptryck.',
  'settings.dtmf-changed': (p) => `Knapptoner: ${p.method}.`,
  'settings.text-size': 'Textstorlek',
  'settings.text-size-value': (p) => `${p.percent} %`,
  'settings.text-size-hint':
    'Ctrl och + eller - ändrar den var du än är i Parley; Ctrl+0 återställer till 100 %.',
  'settings.text-size-changed': (p) => `Textstorlek: ${p.percent} %.`,

  'voicemail.keys': 'Röstbrevlådans knappar',
  'voicemail.menu': 'I menyn',
  'voicemail.playback': 'Medan ett meddelande spelas',
  'voicemail.key': (p) => `${p.key}: ${p.label}`,
  'voicemail.key-saved': 'Sparade meddelanden',
  'voicemail.key-play-greeting': 'Spela upp hälsning',
  'voicemail.key-record-greeting': 'Spela in hälsning',
  'voicemail.key-delete-greeting': 'Radera hälsning',
  'voicemail.key-end': 'Avsluta',
  'voicemail.key-repeat-menu': 'Upprepa menyn',
  'voicemail.key-previous': 'Föregående meddelande',
  'voicemail.key-repeat': 'Spela igen',
  'voicemail.key-next': 'Nästa meddelande',
  'voicemail.key-delete': 'Radera meddelandet',
  'settings.support': 'Support',
  'settings.save-diagnostics': 'Spara felsökningsinfo…',
  'settings.save-diagnostics-hint':
    'En fil med loggar, versioner och inställningar (aldrig ditt lösenord) att bifoga till ett supportärende.',
  'settings.sip-trace': 'Spela in en SIP-logg för supporten',
  'settings.sip-trace-hint':
    'Sparar alla SIP-meddelanden (aldrig ditt lösenord) i en liten fil som Spara felsökningsinfo tar med. Slå på när supporten ber om det.',
  'settings.sip-trace-on': 'SIP-loggen är på.',
  'settings.sip-trace-off': 'SIP-loggen är av.',
  'diagnostics.dialog-title': 'Spara felsökningsinfo',
  'diagnostics.saved': (p) => `Felsökningsinfo sparad i ${p.path}.`,
  'diagnostics.failed': (p) => `Felsökningsinfon sparades inte: ${p.reason}`,

  'history.missed-count': (p) =>
    plural('sv', p.count, { one: `${p.count} missat samtal`, other: `${p.count} missade samtal` }),
}
