import type { enHistory } from '../en/history'

/** Samtalshistoriken, på svenska. */
export const svHistory: typeof enHistory = {
  'history.load-failed': (p) => `Historiken kunde inte läsas: ${p.reason}`,
  'history.title': 'Historik',
  'history.list': 'Samtalshistorik',
  'history.export': 'Exportera CSV',
  'history.clear': 'Töm historiken',
  'history.clear-question':
    'Radera alla samtal i historiken (inte bara de som visas)? Det går inte att ångra.',
  'history.clear-all': 'Radera allt',
  'history.keep': 'Behåll',
  'history.show': 'Visa',
  'history.filter-all': 'Alla',
  'history.filter-missed': 'Missade',
  'history.filter-incoming': 'Inkommande',
  'history.filter-outgoing': 'Utgående',
  'history.search': 'Sök i historiken',
  'history.search-placeholder': 'Sök namn eller nummer',
  'history.entry': (p) =>
    `${p.party}, ${p.direction}, ${p.outcome}${p.note ? ` (${p.note})` : ''}, ${p.time}`,
  'history.direction-incoming': 'inkommande',
  'history.direction-outgoing': 'utgående',
  'history.call-back': 'Ring upp',
  'history.add-contact': 'Lägg till i kontakter',
  'history.delete': 'Radera posten',
  'history.no-match': 'Inga samtal matchar.',
  'history.empty': 'Inga samtal än.',
  'history.older': 'Visa äldre samtal',
  'history.answered': 'Besvarat',
  // Not "Kopplat": Swedish phone users read that as transferred (Koppla).
  'history.connected': 'Besvarat',
  'history.quality': (p: { grade: string; mos: string }) => `kvalitet ${p.grade} (MOS ${p.mos})`,
  'history.missed': 'Missat',
  'history.rejected': 'Avvisat',
  'history.declined': 'Avböjt',
  'history.busy': 'Upptaget',
  'history.failed': 'Misslyckat',
  'history.no-answer-or-failed': 'Inget svar eller misslyckat',
  'history.transferred': 'Kopplat vidare',
  'history.transferred-to': (p) => `Kopplat till ${p.target}`,
  'history.cancelled': 'Avbrutet',
}
