import type { enContactFiles } from '../en/contact-files'
import { plural } from '../language'

/**
 * Kontaktfiler: varför en importfil vägrades (vCard och CSV, storleks- och tidsgränser,
 * arbetstråden som läser) och vad som hände med själva kontaktfilen, på svenska.
 */
export const svContactFiles: typeof enContactFiles = {
  'import.at-line': (p) => `Rad ${p.line}: ${p.reason}`,
  'import.too-large':
    'Filen är för stor för att importera (högst 32 MB). Exportera färre kontakter åt gången eller dela upp filen.',
  'import.too-slow': (p) =>
    plural('sv', p.seconds, {
      one: `Det tog mer än ${p.seconds} sekund att läsa filen, så läsningen avbröts. Prova med en mindre fil.`,
      other: `Det tog mer än ${p.seconds} sekunder att läsa filen, så läsningen avbröts. Prova med en mindre fil.`,
    }),
  'import.read-failed': 'Filen gick inte att läsa. Detaljerna har skrivits till loggen.',
  'import.stopped': (p) => `Importen avbröts oväntat (kod ${p.code}).`,
  'import.file-unreadable': (p) => `${p.file} gick inte att läsa.`,
  'import.expected-property': (p) => `”NAMN:värde” väntades men raden börjar ”${p.found}”.`,
  'import.not-a-property': (p) => `”${p.name}” är inget egenskapsnamn.`,
  'import.unknown-charset': (p) => `okänd teckenkodning ”${p.charset}”.`,
  'import.invalid-text': (p) => `texten är inte giltig ${p.charset}.`,
  'import.card-not-ended': (p) =>
    `ett nytt kort börjar innan kortet från rad ${p.line} har avslutats (END:VCARD saknas).`,
  'import.end-without-begin': 'END:VCARD utan BEGIN:VCARD före.',
  'import.outside-card': 'text utanför ett kort (BEGIN:VCARD väntades).',
  'import.card-never-closed': 'kortet avslutas aldrig (END:VCARD saknas).',
  'import.no-vcards': 'inga kontakter hittades (BEGIN:VCARD väntades).',
  'import.row-width': (p) => `raden har ${p.fields} fält men rubrikraden har ${p.header}.`,
  'import.csv-empty': 'filen är tom (en rubrikrad som ”Namn,Telefon” väntades).',
  'import.csv-no-columns':
    'rubrikraden har inga kolumner för namn eller telefon (till exempel ”Name”, ”First Name”, ”Company”, ”Business Phone”, ”Phone 1 - Value”).',
  'import.after-quote': (p) => `oväntad text efter ett avslutande citattecken: ${p.text}`,
  'import.quote-not-closed': 'ett fält med citattecken börjar här men citattecknet avslutas aldrig.',
  'import.unreadable-characters':
    'vissa tecken gick inte att läsa (filen lästes inte med sin egen teckenkodning). Spara den som UTF-8 och importera den igen.',

  'notice.contacts-unreadable': 'Kontakterna gick inte att läsa, så listan är tom. Filen lämnades orörd.',
  'notice.contacts-damaged': (p) =>
    `Kontaktfilen var skadad (${p.problem}). Originalet sparades som ${p.keptAs}; listan började om med de ${p.count} kontakter som gick att läsa.`,
  'notice.contacts-damaged-kept': (p) =>
    `Kontaktfilen var skadad (${p.problem}) och kunde inte flyttas undan, så den lämnas orörd och kontakterna kan inte ändras förrän Parley startats om. De ${p.count} kontakter som gick att läsa visas.`,
  'notice.contacts-problem-json': 'den är inte giltig JSON',
  'notice.contacts-problem-no-list': 'den innehåller ingen kontaktlista',
  'notice.contacts-problem-invalid': (p) =>
    plural('sv', p.count, {
      one: '1 kontakt gick inte att läsa',
      other: `${p.count} kontakter gick inte att läsa`,
    }),
}
