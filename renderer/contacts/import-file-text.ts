/**
 * Text of a contacts file chosen for import, whatever its encoding. Exports differ: Google
 * writes UTF-8, Outlook "Unicode" CSV is UTF-16 with a byte-order mark, and older Outlook and
 * phone exports are Windows-1252. `File.text()` assumes UTF-8 and would turn "Åsa" into "�sa",
 * so read the bytes (`new Uint8Array(await file.arrayBuffer())`) and decode them here.
 */
// Windows-1252 differs from Latin-1 in 0x80–0x9F; some TextDecoders (Node's) give Latin-1 there.
const windows1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (character) => windows1252High[character.charCodeAt(0) - 0x80] ?? character)
}

export function decodeImportFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    // Strips a UTF-8 byte-order mark; `fatal` makes a non-UTF-8 byte an error, not a "�".
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Not UTF-8: the single-byte Windows code page is what such exports use.
    return decodeWindows1252(bytes)
  }
}
