import type { enCallCard } from '../en/call-card'

/** Samtalskortet och dess knappar, på svenska. */
export const svCallCard: typeof enCallCard = {
  'call.unknown-caller': 'Okänd uppringare',
  'registration.indicator': 'Registrering',
  'card.call-with': (p) => `Samtal med ${p.party}`,
  'card.dragging': (p) =>
    `Flyttar samtalet med ${p.party}. Släpp det på en kontakt eller ett nummer för att koppla.`,
  'card.join-how':
    'För att koppla ihop två samtal: ring först personen från kontaktlistan (den som ringer parkeras) och släpp sedan det parkerade samtalet på det samtalet.',
  'card.transfer-choose': 'Koppla: välj en kontakt eller skriv ett nummer i kontaktsökningen.',
  'card.transfer-ringing': (p) => `Kopplar till ${p.target}: det ringer…`,
  'card.held-while-consulting': (p) => `Parkerat medan du pratar med ${p.target}.`,
  'card.announce-then-complete': 'Presentera samtalet och slutför sedan kopplingen.',
  'card.consult-not-answered': (p) => `${p.target} har inte svarat än. Vänta, avbryt eller koppla direkt.`,
  'card.via': 'via',
  'card.transferred-by': 'kopplat av',
  'card.call-time': 'Samtalstid',
  'card.muted': 'Mikrofonen är avstängd',
  'card.remote-hold': 'Du är parkerad av motparten',
  'card.answer': 'Svara',
  'card.reject': 'Avvisa',
  'card.hold': 'Parkera',
  'card.resume': 'Återta',
  'card.mute': 'Stäng av mikrofonen',
  'card.unmute': 'Slå på mikrofonen',
  'card.transfer': 'Koppla',
  'card.complete-transfer': 'Slutför kopplingen',
  'card.transfer-now': 'Koppla direkt',
  'card.cancel-transfer': 'Avbryt kopplingen',
  'card.hang-up': 'Lägg på',
  'card.dismiss': 'Stäng',
  'card.transfer-request': (p) => `${p.by} vill koppla dig till ${p.target}`,
  'card.transfer-request-label': 'Begäran om koppling',
  'card.transfer-request-accept': 'Godta kopplingen',
  'card.transfer-request-decline': 'Avböj kopplingen',
}
