/** Words for SIP status codes: by the code, else by its class (4xx, 5xx, 6xx), else as a 4xx. */
export interface StatusWords {
  byCode: Record<number, string>
  byClass: Record<4 | 5 | 6, string>
}

/**
 * A SIP status worded by the catalogue. The server's reason phrase is its own (often English)
 * text, so it goes to the log, never into a sentence.
 */
export const statusWord = (code: number, words: StatusWords): string =>
  words.byCode[code] ?? words.byClass[Math.floor(code / 100) as 4 | 5 | 6] ?? words.byClass[4]
