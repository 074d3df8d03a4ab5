import type { enContactsPanel } from '../en/contacts-panel'

/** Kontaktpanelen (lista, sökning, import), på svenska. */
export const svContactsPanel: typeof enContactsPanel = {
  'contacts.title': 'Kontakter',
  'contacts.import': 'Importera kontakter',
  'contacts.file': 'Kontaktfil',
  'contacts.transferring': (p) => `Kopplar ${p.party}:`,
  'contacts.the-call': 'samtalet',
  'contacts.hint-now': 'kopplar direkt,',
  'contacts.hint-first': 'ringer upp först,',
  'contacts.hint-cancel': 'avbryter.',
  'contacts.search': 'Sök kontakter',
  'contacts.search-placeholder': 'Sök namn, företag eller nummer',
  'contacts.call-typed': (p) => `Ring ${p.label}`,
  'contacts.import-progress': 'Importen pågår',
  'contacts.import-reading': (p) => `Läser filen… ${p.percent} %`,
  'contacts.import-saving': 'Sparar kontakterna…',
  'contacts.list': 'Kontaktlista',
  'contacts.edit': 'Redigera',
  'contacts.call': 'Ring',
  'contacts.call-number': (p) => `Ring ${p.name}, ${p.kind}`,
  'contacts.no-number': 'Inget nummer',
  'contacts.empty': 'Inga kontakter än. Lägg till eller importera.',
  'contacts.no-match': 'Ingen träff.',
  'contacts.load-failed': (p) => `Kontakterna kunde inte läsas in: ${p.reason}`,
}
