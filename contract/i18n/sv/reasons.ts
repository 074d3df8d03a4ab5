import type { enReasons } from '../en/reasons'
import { plural } from '../language'

/**
 * Varför main (eller ett lägre lager) vägrade eller inte kunde: skälen som står inne i andra
 * meningar ("Kontakten sparades inte: …"), och namnen på inställningar som en administratör
 * kan låsa, på svenska.
 */
export const svReasons: typeof enReasons = {
  'reason.unknown-request': 'Parley känner inte igen den begäran.',
  'reason.untrusted-sender': 'Begäran kom inte från Parleys fönster och avvisades.',
  'reason.invalid-input': (p) => `Vissa uppgifter var ogiltiga: ${p.problem}`,
  'reason.internal': 'Något gick fel i Parley. Detaljerna har skrivits till loggen.',
  'reason.unknown': 'Något gick fel. Försök igen.',
  'reason.service-unreachable': 'Parley fick ingen kontakt med sin bakgrundstjänst. Starta om Parley.',
  'reason.not-in-this-test': 'Den här delen av Parley finns inte här.',

  'reason.locked': (p) => `Administratören har låst ${p.setting}.`,
  'reason.locked-more': (p) =>
    plural('sv', p.count, {
      one: `Administratören har låst ${p.setting} och 1 inställning till.`,
      other: `Administratören har låst ${p.setting} och ${p.count} inställningar till.`,
    }),
  'reason.settings-not-saved': (p) =>
    `Inställningarna kunde inte sparas (${p.code}). Kontrollera att det finns ledigt diskutrymme och försök igen.`,
  'reason.no-password': 'Inget lösenord är sparat. Logga in igen.',

  'reason.contact-needs-name': 'En kontakt måste ha ett namn eller ett nummer.',
  'reason.contacts-unreadable-at-start':
    'Kontaktfilen gick inte att läsa när Parley startade, så den lämnas orörd. Starta om Parley och försök igen.',
  'reason.contacts-not-saved':
    'Kontakterna kunde inte sparas (disken kan vara full eller skrivskyddad). Inget ändrades.',

  'reason.history-not-saved':
    'Samtalet kunde inte sparas i historikfilen (disken kan vara full eller skrivskyddad).',
  'reason.history-unreadable-at-start':
    'Historikfilen gick inte att läsa när Parley startade, så den lämnas som den är. Starta om Parley för att ta bort eller rensa samtal.',
  'reason.history-not-updated':
    'Historikfilen kunde inte uppdateras (disken kan vara full eller skrivskyddad).',

  'reason.schedule-locked': 'Administratören har bestämt statusschemat.',
  'reason.status-not-allowed': (p) => `Administratören tillåter inte statusen ”${p.status}”.`,
  'reason.status-not-saved': 'Statusen kunde inte sparas på den här datorn.',
  'reason.diagnostics-not-written': (p) => `Filen kunde inte skrivas (${p.code}).`,

  'notice.headset-watch-unavailable':
    'Den här datorn märker inte av när ett headset ansluts eller kopplas ur. Samtal och ljud fungerar som vanligt.',

  'form.too-long': (p) => `Högst ${p.max} tecken.`,
  'form.too-many': (p) => `Högst ${p.max} st.`,
  'form.required': 'Måste fyllas i.',
  'form.invalid': 'Ogiltigt värde.',
  'form.header-unsafe': (p) =>
    `${p.field} får inte innehålla radbrytningar, citattecken (") eller vinkelparenteser (< >).`,
  'form.number-or-address': 'Ange ett nummer eller användare@domän.',
  'form.digits-star-hash': 'Använd siffror, * eller #.',
  'form.https-address': 'Ange en https://-adress.',
  'form.wss-address': 'Ange en wss://-adress.',
  'form.clock-time': 'Ange en tid som 12:00.',
  'form.keypad-key': 'Använd en knappsatsknapp: 0–9, *, # eller A–D.',

  'setting.display-name': 'visningsnamnet',
  'setting.sip-address': 'SIP-adressen',
  'setting.sip-domain': 'SIP-domänen',
  'setting.auth-user': 'inloggningsnamnet',
  'setting.ws-server': 'WebSocket-servern',
  'setting.outbound-proxy': 'utgående proxy',
  'setting.ice-servers': 'ICE-servrarna',
  'setting.voicemail-number': 'numret till röstbrevlådan',
  'setting.mailbox': 'röstbrevlådan som bevakas',
  'setting.voicemail-watch': 'indikeringen av nya röstmeddelanden',
  'setting.region': 'landet för telefonnummer',
  'setting.close-to-tray': 'körning i systemfältet',
  'setting.dtmf-method': 'knapptonerna',
  'setting.language': 'språket',
  'setting.do-not-disturb': 'Stör ej',
  'setting.history-limit': 'gränsen för samtalshistoriken',
  'setting.sip-trace': 'SIP-spårningen',
  'setting.keep-on-top': 'att ligga överst',
  'setting.text-size': 'textstorleken',
  'setting.microphone': 'mikrofonen',
  'setting.speaker': 'högtalaren',
  'setting.ringtone': 'enheten för ringsignal',
  'setting.watched-contacts': 'de bevakade kollegorna',
  'setting.auto-update': 'automatiska uppdateringar',
  'setting.status-schedule': 'statusschemat',
  'setting.other': 'en inställning',
}
