// Electronegativity over Parley's shipped sources (main, preload, renderer, contract; tests
// left out). Fails on any HIGH or MEDIUM finding not explained in
// security/electronegativity-allowlist.json, and on any file it could not parse. Offline.
// Run: `npx tsx security/audit.ts [--verbose]`.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { allowlistSchema, judgeFindings, summaryLine } from './audit-lib'
import { scanWithElectronegativity } from './electronegativity-scan'

const projectDir = resolve(import.meta.dirname, '..')
const verbose = process.argv.includes('--verbose')
const SCANNED_DIRS = ['main', 'preload', 'renderer', 'contract']

function stageSources(): string {
  const stage = mkdtempSync(join(tmpdir(), 'parley-audit-'))
  const shipped = (path: string) =>
    !/\.(test|spec)\.[cm]?[jt]s$/.test(path) && !['testing', 'node_modules'].includes(basename(path))
  for (const dir of SCANNED_DIRS)
    cpSync(join(projectDir, dir), join(stage, dir), { recursive: true, filter: shipped })
  // The tool reads the Electron version from package.json.
  cpSync(join(projectDir, 'package.json'), join(stage, 'package.json'))
  return stage
}

const allowlist = allowlistSchema.parse(
  JSON.parse(readFileSync(join(projectDir, 'security/electronegativity-allowlist.json'), 'utf8')),
)
const stage = stageSources()
let findings
let fileCount
try {
  findings = await scanWithElectronegativity(stage)
  fileCount = readdirSync(stage, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && /\.(ts|js|html|json)$/.test(entry.name),
  ).length
} finally {
  rmSync(stage, { recursive: true, force: true })
}

const verdict = judgeFindings(findings, allowlist)
for (const finding of verdict.unexplained) {
  console.log(
    `✗ ${finding.severity} ${finding.check} ${finding.file}:${finding.line} — ${finding.description}`,
  )
}
for (const entry of verdict.stale)
  console.log(`! allowlist entry no longer matches: ${entry.check} ${entry.file}`)
if (verbose) {
  for (const { finding, reason } of verdict.explained)
    console.log(`  explained ${finding.check} ${finding.file}:${finding.line} — ${reason}`)
  for (const finding of verdict.belowGate)
    console.log(`  ${finding.severity} ${finding.check} ${finding.file}:${finding.line}`)
}
console.log(summaryLine(fileCount, verdict))
process.exit(verdict.unexplained.length === 0 ? 0 : 1)
