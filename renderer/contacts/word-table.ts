import { SegmentText } from './segment-text'
import { TextTable } from './text-table'

/**
 * Many texts of words (" asa ostlund", " bo berg") with each distinct word kept once, and per
 * text the codes of its words (issue 14: written out per contact, the names' words were a
 * string of 175 kB for 10,000 contacts; an address book names the same first and last names
 * again and again). A needle is found in the distinct words, then every text takes the best
 * place any of its words got: the same answer as a search of the texts written out, since a
 * needle holds no space and so never spans two words.
 */
export class WordTable {
  private constructor(
    /** The distinct words, each " word". */
    private readonly words: SegmentText,
    /** Text i's words: codes[starts[i]] up to codes[starts[i + 1]]. */
    private readonly codes: Uint16Array | Int32Array,
    private readonly starts: Int32Array,
    /** Reused by every mark: the place of the needle in each distinct word. */
    private readonly wordPlaces: Uint8Array,
  ) {}

  /** `texts[i]`: a space and a word per word (a text without words is '' or ' '). */
  static join(texts: readonly string[]): WordTable {
    const table = new TextTable()
    const starts = new Int32Array(texts.length + 1)
    const textCodes: number[] = []
    texts.forEach((text, index) => {
      starts[index] = textCodes.length
      for (const word of text.split(' ')) if (word !== '') textCodes.push(table.code(` ${word}`))
    })
    starts[texts.length] = textCodes.length
    const distinct = table.distinct
    const codes = distinct.length <= 0xffff ? Uint16Array.from(textCodes) : Int32Array.from(textCodes)
    return new WordTable(SegmentText.join(distinct), codes, starts, new Uint8Array(distinct.length))
  }

  get count(): number {
    return this.starts.length - 1
  }

  /**
   * Raises out[i] to 2 where text i has a word starting with `needle`, else to 1 where a word
   * holds it; looks only at `candidates` (null: every text; others may be marked too).
   */
  mark(needle: string, candidates: Int32Array | null, out: Uint8Array): void {
    const wordPlaces = this.wordPlaces
    wordPlaces.fill(0)
    this.words.mark(needle, ' ', null, wordPlaces)
    if (!wordPlaces.some((place) => place > 0)) return
    const { codes, starts } = this
    const count = candidates ? candidates.length : this.count
    for (let i = 0; i < count; i++) {
      const text = candidates ? (candidates[i] as number) : i
      let best = out[text] as number
      for (let at = starts[text] as number; at < (starts[text + 1] as number); at++) {
        const place = wordPlaces[codes[at] as number] as number
        if (place > best) best = place
      }
      out[text] = best
    }
  }
}
