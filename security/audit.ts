// Electronegativity over what Parley ships: the sources (main, preload, renderer, contract;
// tests left out) and the built main bundle (out/main, what actually runs, so nothing the
// bundler pulls in escapes the audit). Fails on any HIGH or MEDIUM finding not explained in
// security/electronegativity-allowlist.json (matched by check, file AND the flagged code), on
// any file it could not parse, and when Electron has security fixes newer than the pinned one.
// Run after `npm run build`: `npx tsx security/audit.ts [--verbose]`.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { lockedElectronVersion } from '../scripts/electron-support'
import { allowlistSchema, judgeFindings, summaryLine } from './audit-lib'
import { fetchElectronReleases, scanWithElectronegativity } from './electronegativity-scan'

const projectDir = resolve(import.meta.dirname, '..')
const verbose = process.argv.includes('--verbose')
const SCANNED_DIRS = ['main', 'preload', 'renderer', 'contract']
const BUILT_MAIN = 'out/main'

function stageSources(): string {
  const stage = mkdtempSync(join(tmpdir(), 'parley-audit-'))
  const shipped = (path: string) =>
    !/\.(test|spec)\.[cm]?[jt]s$/.test(path) && !['testing', 'node_modules'].includes(basename(path))
  for (const dir of SCANNED_DIRS)
    cpSync(join(projectDir, dir), join(stage, dir), { recursive: true, filter: shipped })
  cpSync(join(projectDir, BUILT_MAIN), join(stage, BUILT_MAIN), {
    recursive: true,
    filter: (path) => !path.endsWith('.map'),
  })
  // The tool reads the Electron version from package.json: give it the one the lock installs.
  const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>
  }
  manifest.devDependencies.electron = lockedElectronVersion(
    readFileSync(join(projectDir, 'package-lock.json'), 'utf8'),
  )
  writeFileSync(join(stage, 'package.json'), JSON.stringify(manifest, null, 2))
  return stage
}

if (!existsSync(join(projectDir, BUILT_MAIN, 'index.js'))) {
  console.log(`✗ security audit: no ${BUILT_MAIN}/index.js to scan: run \`npm run build\` first`)
  process.exit(1)
}
const allowlist = allowlistSchema.parse(
  JSON.parse(readFileSync(join(projectDir, 'security/electronegativity-allowlist.json'), 'utf8')),
)
const stage = stageSources()
let scan
let fileCount
try {
  scan = await scanWithElectronegativity(stage, { releases: fetchElectronReleases() })
  fileCount = readdirSync(stage, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && /\.(ts|js|html|json)$/.test(entry.name),
  ).length
} finally {
  rmSync(stage, { recursive: true, force: true })
}

const verdict = judgeFindings(scan.findings, allowlist)
for (const finding of verdict.unexplained) {
  console.log(
    `✗ ${finding.severity} ${finding.check} ${finding.file}:${finding.line} — ${finding.description}`,
  )
  if (finding.code) console.log(`    code: ${JSON.stringify(finding.code)}`)
}
for (const { entry, file } of verdict.stale)
  console.log(`! allowlist entry no longer matches: ${entry.check} ${file} ${JSON.stringify(entry.code)}`)
for (const notice of scan.notices) console.log(`! ${notice}`)
if (verbose) {
  for (const { finding, reason } of verdict.explained)
    console.log(`  explained ${finding.check} ${finding.file}:${finding.line} — ${reason}`)
  for (const finding of verdict.belowGate)
    console.log(`  ${finding.severity} ${finding.check} ${finding.file}:${finding.line}`)
}
console.log(summaryLine(fileCount, verdict))
process.exit(verdict.unexplained.length === 0 ? 0 : 1)
