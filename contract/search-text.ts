/**
 * Text folding shared by every search in the app (contacts in the renderer, history in main),
 * so "asa" finds "Åsa" and "0812" finds "08-12 34" the same way everywhere.
 */

// Letters that Unicode does not decompose into base letter + accent.
const unDecomposable: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
}
const unDecomposablePattern = /[øæœßđðþłı]/g
const combiningMarks = /[\u0300-\u036f]/g

/** Lower case, accents removed, special letters spelled out: "Östlund Ærø" → "ostlund aero". */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(combiningMarks, '')
    .replace(unDecomposablePattern, (letter) => unDecomposable[letter] ?? letter)
}

/** Only the digits of a phone number: "+46 (8) 12-34" → "4681234". */
export function digitsOf(text: string): string {
  return text.replace(/\D+/g, '')
}

/** True when the text reads as a phone number being typed (digits and dial punctuation only). */
export function looksLikeNumber(text: string): boolean {
  return /\d/.test(text) && /^[\d\s+()\-./*#]+$/.test(text.trim())
}
