import type { enNotices } from '../en/notices'

/**
 * Vad main säger om sina filer och nyckelringen (visas vid inloggningen eller ovanför
 * historiken), och anteckningen på ett samtal som Stör ej avvisade, på svenska.
 */
export const svNotices: typeof enNotices = {
  'notice.secret-password': 'lösenord',
  'notice.secret-turn': 'lösenord till TURN-servern',
  'notice.keychain-locked': (p) =>
    `Ditt sparade ${p.secret} kan inte låsas upp eftersom systemets nyckelring inte är tillgänglig. Skriv det igen; det sparas bara tills Parley stängs.`,
  'notice.secret-unreadable': (p) =>
    `Ditt sparade ${p.secret} kunde inte låsas upp (systemets nyckelring kan ha ändrats). Skriv det igen.`,
  'notice.secret-memory-only': (p) =>
    `Systemets nyckelring är inte tillgänglig, så ditt ${p.secret} sparas bara tills Parley stängs och du får skriva det igen nästa gång.`,
  'notice.secret-not-saved': (p) =>
    `Ditt ${p.secret} kunde inte sparas säkert, så det sparas bara tills Parley stängs och du får skriva det igen nästa gång.`,
  'notice.reason-not-json': 'den inte är giltig JSON',
  'notice.reason-not-object': 'den inte innehåller några inställningar',
  'notice.settings-set-aside': (p) =>
    `Inställningsfilen ${p.path} kunde inte användas eftersom ${p.reason}. Den sparades som ${p.movedTo} och Parley startade med nya inställningar; ange ditt konto igen.`,
  'notice.settings-unopenable': (p) =>
    `Inställningsfilen ${p.path} kunde inte öppnas${p.code ? ` (${p.code})` : ''}. Parley körs med inställningar som inte sparas när programmet stängs.`,
  'notice.account-unreadable': (p) =>
    `Kontot i ${p.path} gick inte att läsa och hoppades över; ange det igen.`,
  'notice.account-field-cleared': (p) =>
    `”${p.field}” i inställningsfilen var ogiltigt och har tömts; resten av kontot finns kvar.`,
  'notice.preferences-unreadable': (p) =>
    `Inställningarna i ${p.path} gick inte att läsa; standardvärdena används.`,
  'notice.preference-reset': (p) => `”${p.field}” i inställningsfilen var ogiltigt; standardvärdet används.`,
  'notice.field-ice-servers': 'ICE-servrar',
  'notice.field-voicemail': 'Nummer till röstbrevlådan',
  'notice.field-history-limit': 'Gräns för samtalshistoriken',
  'notice.history-unreadable':
    'Samtalshistoriken kunde inte läsas, så den visas inte. Filen lämnades orörd; nya samtal sparas ändå.',
  'notice.history-damaged': (p) =>
    `Filen med samtalshistoriken var skadad (${p.lines} kunde inte läsas). Originalet sparades som ${p.keptAs}; en ny fil startades med de ${p.count} samtal som gick att läsa.`,
  'notice.history-line': (p) => `rad ${p.line}`,
  'notice.history-lines': (p) => `${p.count} rader (första: rad ${p.first})`,
  'history.note-dnd': 'Stör ej',
}
