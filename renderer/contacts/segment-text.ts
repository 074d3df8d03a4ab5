/**
 * Many short texts kept as one string (issue 14: 10,000 small strings and the arrays holding
 * them cost several times their characters in heap). Segment i is text[starts[i], starts[i+1]).
 * `mark` finds a needle and records, per segment, whether it sits right after the boundary
 * character (the start of a word or number) or inside, with no allocation per segment.
 */

/** What `mark` writes per segment: 0 not found, 1 found inside, 2 found at a start. */
const inside = 1
const atStart = 2

/** Below this many candidates each candidate's segment is looked at; above, the whole text is scanned. */
const fewCandidates = 2000

/** Many texts as one: segment i is text[starts[i], starts[i+1]). */
export function joinSegments(parts: readonly string[]): { text: string; starts: Int32Array } {
  const starts = new Int32Array(parts.length + 1)
  let at = 0
  for (let i = 0; i < parts.length; i++) {
    starts[i] = at
    at += (parts[i] as string).length
  }
  starts[parts.length] = at
  return { text: parts.join(''), starts }
}

/** The segment that holds character `at` (binary search over the starts). */
export function segmentAt(starts: Int32Array, at: number): number {
  let low = 0
  let high = starts.length - 2
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((starts[middle] as number) <= at) low = middle
    else high = middle - 1
  }
  return low
}

export class SegmentText {
  private constructor(
    private readonly text: string,
    private readonly starts: Int32Array,
  ) {}

  static join(parts: readonly string[]): SegmentText {
    const { text, starts } = joinSegments(parts)
    return new SegmentText(text, starts)
  }

  get count(): number {
    return this.starts.length - 1
  }

  /**
   * Raises out[i] to 2 where segment i holds `needle` right after `boundary` (or at the start
   * of the segment), else to 1 where it holds it elsewhere; looks only at `candidates` (null:
   * every segment; others may be marked too, their marks mean nothing). A needle must not
   * contain the character that begins every segment, so a match never spans two segments.
   */
  mark(needle: string, boundary: string, candidates: Int32Array | null, out: Uint8Array): void {
    if (needle === '') return
    if (candidates !== null && candidates.length < fewCandidates) {
      for (let i = 0; i < candidates.length; i++)
        this.markSegment(candidates[i] as number, needle, boundary, out)
      return
    }
    const text = this.text
    const starts = this.starts
    const boundaryCode = boundary.charCodeAt(0)
    let segment = 0
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      while ((starts[segment + 1] as number) <= at) segment++
      if (at === starts[segment] || text.charCodeAt(at - 1) === boundaryCode) {
        out[segment] = atStart
        // Nothing in the rest of this segment can place it higher: go on from the next one
        // (a one-letter search finds several of its letters in most contacts).
        at = (starts[segment + 1] as number) - 1
      } else if ((out[segment] as number) < inside) out[segment] = inside
    }
  }

  /** Every segment holding `needle` (once per occurrence, in order). */
  segmentsWith(needle: string): number[] {
    const found: number[] = []
    if (needle === '') return found
    for (let at = this.text.indexOf(needle); at >= 0; at = this.text.indexOf(needle, at + 1))
      found.push(segmentAt(this.starts, at))
    return found
  }

  private markSegment(segment: number, needle: string, boundary: string, out: Uint8Array): void {
    const text = this.text
    const start = this.starts[segment] as number
    const last = (this.starts[segment + 1] as number) - needle.length
    const first = needle.charCodeAt(0)
    const boundaryCode = boundary.charCodeAt(0)
    for (let at = start; at <= last; at++) {
      if (text.charCodeAt(at) !== first || !text.startsWith(needle, at)) continue
      if (at === start || text.charCodeAt(at - 1) === boundaryCode) {
        out[segment] = atStart
        return
      }
      out[segment] = Math.max(out[segment] as number, inside)
    }
  }
}
