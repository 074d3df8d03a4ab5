import type { enDesktop } from '../en/desktop'
import { plural } from '../language'

/** Det main visar utanför fönstret (notiser, systemfältet, CSV-export), på svenska. */
export const svDesktop: typeof enDesktop = {
  'notify.incoming-call': 'Inkommande samtal',
  'notify.missed-call': 'Missat samtal',
  'notify.answer': 'Svara',
  'notify.reject': 'Avvisa',
  'notify.unknown-number': 'okänt nummer',
  'notify.name-and-number': (p) => `${p.name} (${p.number})`,
  'notify.via': (p) => `via ${p.via}`,

  'tray.registered': 'Registrerad',
  'tray.connecting': 'Ansluter…',
  'tray.failed': 'Registreringen misslyckades',
  'tray.unregistered': 'Inte registrerad',
  'tray.incoming': 'Inkommande samtal',
  'tray.incoming-several': (p) => `Inkommande samtal (${p.count} samtal)`,
  'tray.calls': (p) => plural('sv', p.count, { one: 'I samtal', other: `${p.count} samtal` }),
  'tray.tooltip': (p) => `Parley: ${p.status}`,
  'tray.show': 'Visa Parley',
  'tray.quit': 'Avsluta Parley',

  'csv.started': 'Start',
  'csv.direction': 'Riktning',
  'csv.outcome': 'Utfall',
  'csv.name': 'Namn',
  'csv.number': 'Nummer',
  'csv.via': 'Via',
  'csv.transferred-to': 'Kopplat till',
  'csv.note': 'Anteckning',
  'csv.ring-seconds': 'Ringtid (s)',
  'csv.talk-seconds': 'Samtalstid (s)',

  'policy.not-applied': (p) =>
    `Administratörens policyfil ${p.path} användes inte: ${String(p.problem).replace(/\.$/, '')}. Parley startade med säkra standardinställningar; kontakta din IT-administratör.`,
  'startup.failed-title': 'Parley kunde inte starta',
  'startup.failed': 'Något gick fel när Parley startade. Detaljerna har skrivits till loggen.',
}
