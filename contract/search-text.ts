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
const plainAscii = /^[\x00-\x7f]*$/

const nonAscii = /[^\x00-\x7f]/g
/** Folded form of each non-ASCII character met so far; names reuse a small alphabet. */
const foldedCharacters = new Map<string, string>()

function foldCharacter(character: string): string {
  let folded = foldedCharacters.get(character)
  if (folded === undefined) {
    folded = character.normalize('NFD').replace(combiningMarks, '')
    folded = folded.replace(unDecomposablePattern, (letter) => unDecomposable[letter] ?? letter)
    if (foldedCharacters.size < 4096) foldedCharacters.set(character, folded)
  }
  return folded
}

/** Lower case, accents removed, special letters spelled out: "Östlund Ærø" → "ostlund aero". */
export function foldText(text: string): string {
  const lower = text.toLowerCase()
  // Plain ASCII (most numbers, many names) needs no more work.
  if (plainAscii.test(lower)) return lower
  // NFC first so "o" + combining diaeresis folds like the precomposed "ö".
  return lower.normalize('NFC').replace(nonAscii, foldCharacter)
}

/** Only the digits of a phone number: "+46 (8) 12-34" → "4681234". */
export function digitsOf(text: string): string {
  return text.replace(/\D+/g, '')
}

/** True when the text reads as a phone number being typed (digits and dial punctuation only). */
export function looksLikeNumber(text: string): boolean {
  return /\d/.test(text) && /^[\d\s+()\-./*#]+$/.test(text.trim())
}
