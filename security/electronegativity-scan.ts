// Runs Electronegativity over a directory, offline, and returns plain findings with paths
// relative to that directory. Unparseable files come back as HIGH `PARSE_ERROR` findings:
// a file the tool could not read is a file nobody audited.
import { createRequire } from 'node:module'
import { relative } from 'node:path'
import type { Finding, Severity } from './audit-lib'

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

function loadRunner(): Runner {
  const require = createRequire(import.meta.url)
  const runnerPath = require.resolve('@doyensec/electronegativity/dist/runner.js')
  // Translations and the Electron release list are fetched with `got`; tests stay off the
  // network, so both fail fast and the tool uses its bundled English texts.
  const gotPath = createRequire(runnerPath).resolve('got')
  const offline = (): Promise<never> => Promise.reject(new Error('network disabled in the Parley audit'))
  const got = Object.assign(offline, { get: offline, head: offline })
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: got,
  } as unknown as NodeJS.Module
  return require(runnerPath) as Runner
}

export async function scanWithElectronegativity(dir: string): Promise<Finding[]> {
  const quiet = console.log
  let result: RawResult
  try {
    console.log = () => undefined // the tool prints notices of its own
    result = await loadRunner()(
      {
        input: dir,
        isRelative: true,
        customScan: [],
        // Needs the live Electron release list (network); Electron upgrades are tracked apart.
        excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
        parserPlugins: [],
      },
      false,
    )
  } finally {
    console.log = quiet
  }
  const toRelative = (file: string) => (file.startsWith('/') ? relative(dir, file) : file)
  const findings: Finding[] = result.issues.map((issue) => ({
    check: issue.id,
    file: toRelative(issue.file),
    line: issue.location.line,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    description: issue.description,
  }))
  for (const error of result.errors.filter((item) => !item.tolerable)) {
    findings.push({
      check: 'PARSE_ERROR',
      file: toRelative(error.file),
      line: 0,
      severity: 'HIGH',
      confidence: 'CERTAIN',
      description: `not scanned: ${error.message}`,
    })
  }
  return findings
}
