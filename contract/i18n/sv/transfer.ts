import type { enTransfer } from '../en/transfer'

/** Vad kopplingen säger medan en telefonist kopplar ett samtal, på svenska. */
export const svTransfer: typeof enTransfer = {
  'transfer.choose-target': (p) =>
    `Koppla ${p.party}: skriv ett namn eller nummer. Enter kopplar direkt, Skift+Enter ringer först, Esc avbryter.`,
  'transfer.bad-target': (p) => `Kan inte koppla till ”${p.target}”: ${p.reason}`,
  'transfer.transferring-party': (p) => `Kopplar ${p.party} till ${p.target}…`,
  'transfer.transferring': (p) => `Kopplar till ${p.target}…`,
  'transfer.ringing': (p) => `Det ringer hos ${p.target}…`,
  'transfer.done': (p) => `Kopplat till ${p.target}.`,
  'transfer.not-started': (p) => `Kopplingen till ${p.target} kunde inte startas.`,
  'transfer.not-through': (p) => `Kopplingen till ${p.target} gick inte igenom.`,
  'transfer.consulting': (p) => `Ringer ${p.target}. Den som ringer är parkerad.`,
  'transfer.could-not-call': (p) => `Kunde inte ringa ${p.target}.`,
  'transfer.caller-back': (p) => `${p.reason} Du har samtalet tillbaka.`,
  'transfer.not-answered-yet': (p) =>
    `${p.target} har inte svarat än. Vänta, avbryt eller koppla direkt utan att presentera.`,
  'transfer.completing': (p) => `Slutför kopplingen till ${p.target}…`,
  'transfer.blind-instead': (p) => `Kopplar till ${p.target} utan att presentera…`,
  'transfer.cancelled-back': 'Kopplingen avbröts. Du är tillbaka i samtalet.',
  'transfer.cancelled': 'Kopplingen avbröts.',
  'transfer.caller-hung-up': 'Den som ringde lade på medan samtalet var parkerat.',
  'transfer.target-hung-up': (p) => `${p.target} lade på före kopplingen. Du har samtalet tillbaka.`,
  'transfer.target-declined': (p) => `${p.target} tog inte samtalet. Du har samtalet tillbaka.`,
  'transfer.call-ended-first': 'Samtalet avslutades innan kopplingen var klar.',
}
