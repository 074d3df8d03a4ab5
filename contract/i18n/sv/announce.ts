import type { enAnnounce } from '../en/announce'
import { plural } from '../language'

/** Det tillståndsklasserna säger i den levande regionen (och varningar), på svenska. */
export const svAnnounce: typeof enAnnounce = {
  'say.ready-to-call': (p) => `Redo att ringa ${p.target}. Tryck Enter för att ringa.`,
  'say.calling': (p) => `Ringer ${p.target}`,
  'say.mic-on': 'Mikrofonen är på',
  'say.mic-muted': 'Mikrofonen är avstängd',
  'say.headset-answer': (p) => `Headsetknappen: svarar ${p.party}`,
  'say.headset-hangup': (p) => `Headsetknappen: lägger på samtalet med ${p.party}`,
  'say.headset-resume': (p) => `Headsetknappen: återupptar samtalet med ${p.party}`,
  'say.headset-reject': (p) => `Headsetknappen: avvisar samtalet från ${p.party}`,
  'say.headset-none': 'Headsetknappen: inget samtal att svara på, lägga på eller återuppta',
  'say.incoming': (p) => `Inkommande samtal från ${p.party}`,
  'say.incoming-via': (p) => `Inkommande samtal från ${p.party} via ${p.via}`,
  'say.call-ended': (p) => `Samtalet med ${p.party} är avslutat`,
  'say.call-missed': (p) => `Missat samtal från ${p.party}`,
  'say.call-busy': (p) => `${p.party} är upptagen`,

  'say.pick-no-match': 'Ingen kontakt eller inget nummer matchar det du skrev.',
  'say.pick-no-number': 'Kontakten har inget nummer.',
  'say.drop-type-first': 'Skriv ett nummer eller namn i sökfältet först och släpp sedan samtalet där.',
  'say.contact-no-number': (p) => `${p.name} har inget nummer att koppla till.`,

  'say.contact-not-saved': (p) => `Kontakten sparades inte: ${p.reason}`,
  'say.contact-saved': (p) => `${p.name} sparad`,
  'say.contact-not-deleted': (p) => `Kontakten togs inte bort: ${p.reason}`,
  'say.contact-deleted': (p) => `${p.name} borttagen`,
  'say.contact-deleted-unnamed': 'Kontakten togs bort',
  'say.import-choose-file': 'Välj en vCard-fil (.vcf) eller CSV-fil (.csv) att importera.',
  'say.imported': (p) =>
    plural('sv', p.imported, {
      one: `${p.imported} kontakt importerad`,
      other: `${p.imported} kontakter importerade`,
    }) + (p.skipped ? `, ${p.skipped} hoppades över.` : '.'),
  'say.call-not-recorded': (p) => `Samtalet med ${p.party} kunde inte sparas i historiken: ${p.reason}`,
  'say.import-nothing': (p) => `Inget importerades: ${p.reason}`,

  'say.history-no-number': 'Samtalet har inget nummer att ringa tillbaka till.',
  'say.history-not-deleted': (p) => `Posten togs inte bort: ${p.reason}`,
  'say.history-deleted': 'Posten borttagen ur historiken',
  'say.history-not-cleared': (p) => `Historiken rensades inte: ${p.reason}`,
  'say.history-cleared': 'Historiken rensad',
  'say.history-not-exported': (p) => `Historiken kunde inte exporteras: ${p.reason}`,
  'say.history-exported': 'Historiken exporterad',

  'say.dnd': 'Stör ej',
  'say.dnd-on': 'Stör ej är på: inkommande samtal får upptaget.',
  'say.dnd-off': 'Stör ej är av.',
  'say.tray': 'Fortsätt köra i systemfältet',
  'say.tray-on': 'Parley fortsätter köra i systemfältet när fönstret stängs.',
  'say.tray-off': 'Parley avslutas när fönstret stängs.',
}
