import { translate, type Language } from './i18n'

/**
 * The note Parley itself puts on a history entry is a code, so the history reads in whatever
 * language the user picks later (and the CSV in the export's language). Entries written before
 * the code existed carry the English words; they read the same way.
 */
export const dndNote = 'dnd'

const legacyNotes: Record<string, string> = { 'Do not disturb': dndNote }

/** The note as the user reads it in `language` ('' for none). */
export function noteText(language: Language, note: string | undefined): string {
  if (!note) return ''
  return (legacyNotes[note] ?? note) === dndNote ? translate(language, 'history.note-dnd') : note
}
