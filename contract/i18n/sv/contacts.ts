import type { enContacts } from '../en/contacts'

/** Kontaktredigeraren och kontaktpanelen, på svenska. */
export const svContacts: typeof enContacts = {
  'contact.add': 'Lägg till kontakt',
  'contact.edit': (p) => `Redigera ${p.name}`,
  'contact.name': 'Namn',
  'contact.company': 'Företag',
  'contact.favourite': 'Favorit',
  'contact.numbers': 'Nummer',
  'contact.kind-of': (p) => `Typ av nummer ${p.index}`,
  'contact.kind-work': 'arbete',
  'contact.kind-mobile': 'mobil',
  'contact.kind-extension': 'anknytning',
  'contact.kind-home': 'hem',
  'contact.kind-other': 'annat',
  'contact.number': (p) => `Nummer ${p.index}`,
  'contact.remove-number': (p) => `Ta bort nummer ${p.index}`,
  'contact.remove': 'Ta bort',
  'contact.add-number': 'Lägg till nummer',
  'contact.delete': 'Radera',
  'contact.really-delete': 'Radera verkligen?',
  'contact.cancel': 'Avbryt',
  'contact.save': 'Spara',
  'contact.name-required': 'Namn måste fyllas i.',
  'contact.invalid': 'Kontakten är inte giltig.',
}
