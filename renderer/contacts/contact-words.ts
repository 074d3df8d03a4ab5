import { SegmentText } from './segment-text'
import { WordTable } from './word-table'

/**
 * The words a contact is found by, folded (" asa ostlund" and its company's " acme ab"), with
 * each company's words once per index (issue 14: an address book names the same few companies
 * again and again; written out per contact they were a third of the words) and each word of
 * the names once (WordTable: first and last names repeat too). A needle matches a
 * contact where it matches its name's words or its company's, at a word start or inside, as
 * if they were one text: a needle holds no space, so no match spans the two.
 */
export class ContactWords {
  private constructor(
    private readonly names: WordTable,
    private readonly companies: SegmentText,
    /** Per contact, its company's segment in `companies`. */
    private readonly companyOf: Uint16Array | Int32Array,
    /** Reused by every mark: the place of the needle in each company. */
    private readonly companyPlaces: Uint8Array,
  ) {}

  /** `names[i]` and `companies[i]`: contact i's words, each a space and a word per word. */
  static join(names: readonly string[], companies: readonly string[]): ContactWords {
    const codes = new Map<string, number>()
    const distinct: string[] = []
    const companyOf =
      companies.length < 0xffff ? new Uint16Array(companies.length) : new Int32Array(companies.length)
    companies.forEach((company, contact) => {
      let code = codes.get(company)
      if (code === undefined) {
        code = distinct.push(company) - 1
        codes.set(company, code)
      }
      companyOf[contact] = code
    })
    return new ContactWords(
      WordTable.join(names),
      SegmentText.join(distinct),
      companyOf,
      new Uint8Array(distinct.length),
    )
  }

  /**
   * Raises out[i] to 2 where contact i has a word starting with `needle`, else to 1 where a
   * word holds it; looks only at `candidates` (null: everyone; others may be marked too).
   */
  mark(needle: string, candidates: Int32Array | null, out: Uint8Array): void {
    this.names.mark(needle, candidates, out)
    const companyPlaces = this.companyPlaces
    companyPlaces.fill(0)
    this.companies.mark(needle, ' ', null, companyPlaces)
    if (!companyPlaces.some((place) => place > 0)) return
    const companyOf = this.companyOf
    const count = candidates ? candidates.length : out.length
    for (let i = 0; i < count; i++) {
      const contact = candidates ? (candidates[i] as number) : i
      const place = companyPlaces[companyOf[contact] as number] as number
      if (place > (out[contact] as number)) out[contact] = place
    }
  }
}
