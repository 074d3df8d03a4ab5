/**
 * The distinct texts of a book (its companies, the words of its names) as one string, each
 * found by its code: an address book names the same companies, first names and last names
 * again and again, and a record keeps only their codes.
 */
export class TextTable {
  private readonly codes = new Map<string, number>()
  private readonly texts: string[] = []

  code(text: string): number {
    let code = this.codes.get(text)
    if (code === undefined) {
      code = this.texts.push(text) - 1
      this.codes.set(text, code)
    }
    return code
  }

  /** The distinct texts so far, in code order. */
  get distinct(): readonly string[] {
    return this.texts
  }

  /** The packed table (see PackedTable); the table itself is let go of. */
  pack(): PackedTable {
    const starts = new Int32Array(this.texts.length + 1)
    let at = 0
    this.texts.forEach((text, code) => {
      starts[code] = at
      at += text.length
    })
    starts[this.texts.length] = at
    return new PackedTable(this.texts.join(''), starts)
  }
}

/** Every text one after the other, and where each starts (the last entry: the end). */
export class PackedTable {
  constructor(
    private readonly text: string,
    private readonly starts: Int32Array,
  ) {}

  at(code: number): string {
    return this.text.slice(this.starts[code], this.starts[code + 1])
  }
}
