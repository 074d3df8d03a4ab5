/** One figure of the benchmark: a median in ms, with the target when there is one. */
export interface BenchFigure {
  name: string
  /** The value, in ms unless `unit` says otherwise (a ratio, a size). */
  ms: number
  target?: number
  unit?: 'ms' | '×' | 'kB' | 'MB'
}

/** A group of figures measured together (they may share an expensive setup such as a PBX). */
export interface BenchSuite {
  name: string
  run(): Promise<BenchFigure[]>
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** The value below which `fraction` of the samples lie (nearest rank), NaN for no samples. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] as number
}

/**
 * Closes what a suite opened, newest first. Every closer runs even when one fails; a failure
 * is said once on stderr (the figures are already taken, but a browser or PBX left running is
 * worth knowing about).
 */
export async function closeAll(closers: ReadonlyArray<() => Promise<unknown>>): Promise<void> {
  for (const close of closers)
    await close().catch((error: unknown) => console.error(`[bench] closing: ${String(error)}`))
}
