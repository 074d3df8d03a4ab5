import type { enLamps } from '../en/lamps'

/** Kollegornas lampor (bevaka, lampan, plocka upp, koppla till en upptagen kollega), på svenska. */
export const svLamps: typeof enLamps = {
  'lamp.available': 'Ledig',
  'lamp.ringing': 'Ringer',
  'lamp.in-call': 'I samtal',
  'lamp.offline': 'Utloggad',
  'lamp.unknown': 'Okänd status',
  'lamp.with-note': (p) => `${p.text} – ${p.note}`,
  'lamp.in-call-with-status': (p) => `I samtal (${p.status})`,
  'lamp.of': (p) => `${p.name}: ${p.lamp}`,
  'lamp.watch': (p) => `Bevaka ${p.name}`,
  'lamp.unwatch': (p) => `Sluta bevaka ${p.name}`,
  'lamp.watched-list': 'Bevakade kollegor',
  'lamp.watch-all': 'Bevaka alla',
  'lamp.watched-only': 'Bara bevakade',
  'lamp.watch-locked': 'Administratören har valt vilka kollegor som bevakas.',
  'lamp.pickup': 'Plocka upp',
  'lamp.pickup-label': (p) => `Plocka upp samtalet som ringer hos ${p.name}`,
  'lamp.busy-title': (p) => `${p.name} är upptagen`,
  'lamp.busy-question': (p) =>
    `${p.name} pratar i telefon. Vill du koppla samtalet ändå, eller ringa ${p.name} först och presentera det?`,
  'lamp.busy-transfer': 'Koppla ändå',
  'lamp.busy-announce': 'Presentera först',
  'lamp.busy-cancel': 'Avbryt',
  'say.watching': (p) => `Bevakar ${p.name}.`,
  'say.not-watching': (p) => `Bevakar inte längre ${p.name}.`,
  'say.watching-all': (p) => `Bevakar ${p.count} kontakter.`,
  'say.watch-no-number': (p) => `${p.name} har inget nummer att bevaka.`,
  'say.watch-not-saved': (p) => `Bevakningslistan sparades inte: ${p.reason}`,
  'say.pickup-not-ringing': (p) => `Det ringer inte hos ${p.name} just nu.`,
  'say.picking-up': (p) => `Plockar upp samtalet som ringer hos ${p.name}.`,
  'pickup.not-possible':
    'Samtalet går inte att plocka upp: växeln gav inte tillräckligt med uppgifter om det.',
}
