import type { Catalogue } from './catalogue'
import { svPhone } from './sv/phone'
import { svTransfer } from './sv/transfer'
import { svCallCard } from './sv/call-card'
import { svScreens } from './sv/screens'
import { svContacts } from './sv/contacts'
import { plural } from './language'

/**
 * Svenska. Skrivet som svenska telefonanvändare säger: "Ring", "Lägg på", "Koppla",
 * "Parkera", "Röstbrevlåda", "Stör ej", "Missat samtal". 24-timmarsklocka sköts av Intl.
 */
export const sv: Catalogue = {
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
  'settings.language': 'Språk',
  'settings.language-system': (p) => `Samma som datorn (${p.language})`,
  'language.en': 'English',
  'language.sv': 'Svenska',
  'settings.not-changed': (p) => `${p.setting} ändrades inte: ${p.reason}`,
  'settings.language-changed': (p) => `Språk: ${p.language}.`,

  'history.missed-count': (p) =>
    plural('sv', p.count, { one: `${p.count} missat samtal`, other: `${p.count} missade samtal` }),
}
