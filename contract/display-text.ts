/**
 * The one rule for text from strangers (SIP display names, numbers, "via") before anyone reads
 * it: on the call card, in the history, in a system notification. Line breaks and other
 * controls become spaces; characters that are invisible but steer the layout are removed, so
 * a name cannot reorder the digits of a number shown next to it (U+061C ARABIC LETTER MARK
 * turns "+1 555 0100" into "0100 555 1+"), hide letters, or join two words into one.
 * Shared by the renderer's caller parsing and main's notification text.
 */

// C0/C1 controls, the Unicode line/paragraph separators (they would break the line) and the
// bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which separate words.
const spaceLike = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

// Invisible format characters: soft hyphen, ARABIC LETTER MARK, Hangul and Mongolian fillers,
// zero-width space/non-joiner/joiner, LRM/RLM, word joiner and invisible operators
// (U+2060–U+2064), deprecated format controls (U+206A–U+206F), the byte-order mark and
// interlinear annotations. Removed without a trace, since they sit inside words.
// Khmer and Mongolian marks are combining characters, so they stand alone (not in one class).
const invisibleFormatting =
  /[\u00ad\u061c\u115f\u1160\u200b-\u200f\u2060-\u2064\u206a-\u206f\u3164\ufeff\ufff9-\ufffb]|\u17b4|\u17b5|\u180b|\u180c|\u180d|\u180e|\u180f/g

/** Single-line text with no invisible layout characters; whitespace runs become one space. */
export function plainDisplayText(value: string): string {
  return value.replace(spaceLike, ' ').replace(invisibleFormatting, '').replace(/\s+/g, ' ').trim()
}
