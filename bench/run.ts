import { suites } from './suites'
import type { BenchFigure } from './suite'

/**
 * `npm run bench`: runs every suite in bench/suites.ts in order and prints one line per figure
 * ("suite: figure  12.3 ms (target ≤ 50 ms) ok"); `--json` prints only one JSON object mapping
 * "suite: figure" to the median (in ms unless the figure has another unit). `--only <text>` runs the suites whose name contains it.
 * Exit code 1 when a suite throws; a figure over its target is reported, not fatal.
 */
const args = process.argv.slice(2)
const json = args.includes('--json')
const onlyIndex = args.indexOf('--only')
const only = onlyIndex >= 0 ? (args[onlyIndex + 1] ?? '') : ''

const results: Record<string, number> = {}
let failed = false

function format(suite: string, figure: BenchFigure): string {
  const unit = figure.unit ?? 'ms'
  const value = `${figure.ms.toFixed(figure.ms < 10 ? 2 : 1)} ${unit}`
  if (figure.target === undefined) return `${suite}: ${figure.name}  ${value}`
  const verdict = figure.ms <= figure.target ? 'ok' : 'OVER TARGET'
  return `${suite}: ${figure.name}  ${value} (target ≤ ${figure.target} ${unit}) ${verdict}`
}

for (const suite of suites) {
  if (only && !suite.name.includes(only)) continue
  try {
    const figures = await suite.run()
    for (const figure of figures) {
      results[`${suite.name}: ${figure.name}`] = Math.round(figure.ms * 100) / 100
      if (!json) console.log(format(suite.name, figure))
    }
  } catch (error) {
    failed = true
    console.error(
      `${suite.name}: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    )
  }
}

if (json) console.log(JSON.stringify(results))
process.exit(failed ? 1 : 0)
