// Electronegativity over Parley's shipped sources (main, preload, renderer, contract; tests
// left out). Fails on any HIGH or MEDIUM finding not explained in
// security/electronegativity-allowlist.json, and on any file it could not parse (an unparsed
// file is an unaudited file). Offline: the tool's two network look-ups are stubbed out.
// Run: `npx tsx security/audit.ts [--verbose]`.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, join, relative, resolve } from 'node:path'
import { allowlistSchema, judgeFindings, summaryLine, type Finding, type Severity } from './audit-lib'

const projectDir = resolve(import.meta.dirname, '..')
const verbose = process.argv.includes('--verbose')
const SCANNED_DIRS = ['main', 'preload', 'renderer', 'contract']

interface RawIssue {
  id: string
  file: string
  location: { line: number; column: number }
  severity: { name: Severity }
  confidence: { name: string }
  description: string
}
interface RawResult {
  issues: RawIssue[]
  errors: { file: string; message: string; tolerable?: boolean }[]
}
type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<RawResult>

function stageSources(): string {
  const stage = mkdtempSync(join(tmpdir(), 'parley-audit-'))
  const shipped = (path: string) => !/\.(test|spec)\.[cm]?[jt]s$/.test(path) && basename(path) !== 'testing' && basename(path) !== 'node_modules'
  for (const dir of SCANNED_DIRS) cpSync(join(projectDir, dir), join(stage, dir), { recursive: true, filter: shipped })
  // The tool reads the Electron version from package.json.
  cpSync(join(projectDir, 'package.json'), join(stage, 'package.json'))
  return stage
}

function loadRunner(): Runner {
  const require = createRequire(import.meta.url)
  const runnerPath = require.resolve('@doyensec/electronegativity/dist/runner.js')
  // Translations and the Electron release list are fetched with `got`; tests stay off the
  // network, so both fail fast and the tool uses its bundled English texts.
  const gotPath = createRequire(runnerPath).resolve('got')
  const offline = (): Promise<never> => Promise.reject(new Error('network disabled in the Parley audit'))
  const got = Object.assign(offline, { get: offline, head: offline })
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: got } as unknown as NodeJS.Module
  return require(runnerPath) as Runner
}

const allowlistPath = join(projectDir, 'security/electronegativity-allowlist.json')
const allowlist = allowlistSchema.parse(JSON.parse(readFileSync(allowlistPath, 'utf8')))
const stage = stageSources()
const quiet = console.log
let result: RawResult
try {
  console.log = () => undefined // the tool prints its own banner-like notices
  result = await loadRunner()(
    {
      input: stage,
      isRelative: true,
      customScan: [],
      // Needs the live Electron release list; Electron upgrades are Renovate/lead business.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
      parserPlugins: [],
    },
    false,
  )
} finally {
  console.log = quiet
}

const toRepoPath = (file: string) => (file.startsWith('/') ? relative(stage, file) : file)
const findings: Finding[] = result.issues.map((issue) => ({
  check: issue.id,
  file: toRepoPath(issue.file),
  line: issue.location.line,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  description: issue.description,
}))
for (const error of result.errors.filter((item) => !item.tolerable)) {
  findings.push({ check: 'PARSE_ERROR', file: toRepoPath(error.file), line: 0, severity: 'HIGH', confidence: 'CERTAIN', description: `not scanned: ${error.message}` })
}
const fileCount = countFiles(stage)
rmSync(stage, { recursive: true, force: true })

const verdict = judgeFindings(findings, allowlist)
for (const finding of verdict.unexplained) {
  console.log(`✗ ${finding.severity} ${finding.check} ${finding.file}:${finding.line} — ${finding.description}`)
}
for (const entry of verdict.stale) console.log(`! allowlist entry no longer matches: ${entry.check} ${entry.file}`)
if (verbose) {
  for (const { finding, reason } of verdict.explained) console.log(`  explained ${finding.check} ${finding.file}:${finding.line} — ${reason}`)
  for (const finding of verdict.belowGate) console.log(`  ${finding.severity} ${finding.check} ${finding.file}:${finding.line}`)
}
console.log(summaryLine(fileCount, verdict))
process.exit(verdict.unexplained.length === 0 ? 0 : 1)

function countFiles(dir: string): number {
  const require = createRequire(import.meta.url)
  const { readdirSync } = require('node:fs') as typeof import('node:fs')
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && /\.(ts|js|html|json)$/.test(entry.name)).length
}
