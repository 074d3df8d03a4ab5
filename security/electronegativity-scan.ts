// Runs Electronegativity over a directory and returns plain findings with paths relative to
// that directory and the flagged code (codeAt). Unparseable files come back as HIGH
// `PARSE_ERROR` findings: a file the tool could not read is a file nobody audited.
//
// The tool's only network use is Electron's release list (for the available-security-fixes
// check) and translations. Translations are refused (its bundled English is used); the release
// list comes from the caller's `releases` port, so tests pass a fixed list and the audit can say
// plainly when the list could not be had.
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { codeAt, type Finding, type Severity } from './audit-lib'

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

/** One entry of Electron's release list (github.com/electron/releases index.json). */
export interface ElectronRelease {
  version: string
  tag_name?: string
  body: string
  npm_dist_tags: string[]
}

/** Electron's release list, or the reason it could not be had. */
export type ReleaseListPort = () => Promise<{ releases: ElectronRelease[] } | { error: string }>

export interface ScanResult {
  findings: Finding[]
  /** What the scan could not do (e.g. no release list), for the audit to print. */
  notices: string[]
}

const RELEASES_URL = 'https://raw.githubusercontent.com/electron/releases/master/index.json'

/** The tool's modules are loaded once per process; each scan points these at its own state. */
interface RunnerHooks {
  run: Runner
  setReleases(source: ReleaseListPort): void
  setReleaseDir(dir: string): void
}

let hooks: RunnerHooks | null = null

function loadRunner(): RunnerHooks {
  if (hooks) return hooks
  const require = createRequire(import.meta.url)
  const runnerPath = require.resolve('@doyensec/electronegativity/dist/runner.js')
  const toolRequire = createRequire(runnerPath)
  let releases: ReleaseListPort = () => Promise.resolve({ error: 'no release list given' })
  const fetchList = async () => {
    const list = await releases()
    if ('error' in list) throw new Error(list.error)
    const body = list.releases
    // The tool names its cache file by the 40-hex GitHub etag of the list.
    const etag = createHash('sha1').update(JSON.stringify(body)).digest('hex')
    return { body, headers: { etag: `W/"${etag}"` } }
  }
  const refuse = (): Promise<never> => Promise.reject(new Error('network disabled in the Parley audit'))
  const got = Object.assign((url: string) => (url === RELEASES_URL ? fetchList() : refuse()), {
    get: refuse,
    head: (url: string) => (url === RELEASES_URL ? fetchList() : refuse()),
  })
  const tempDirPath = toolRequire.resolve('temp-dir')
  const fake = (path: string, exports: unknown) => {
    require.cache[path] = { id: path, filename: path, loaded: true, exports } as unknown as NodeJS.Module
  }
  fake(toolRequire.resolve('got'), got)
  // The check caches the list in `require('temp-dir')`, read when each scan builds its checks:
  // a private folder per scan instead of the shared system temp dir.
  fake(tempDirPath, tmpdir())
  hooks = {
    run: require(runnerPath) as Runner,
    setReleases: (source) => {
      releases = source
    },
    setReleaseDir: (dir) => {
      ;(require.cache[tempDirPath] as NodeJS.Module).exports = dir
    },
  }
  return hooks
}

export async function scanWithElectronegativity(
  dir: string,
  options: { releases?: ReleaseListPort } = {},
): Promise<ScanResult> {
  const notices: string[] = []
  const runner = loadRunner()
  const releaseDir = mkdtempSync(join(tmpdir(), 'parley-releases-'))
  runner.setReleaseDir(releaseDir)
  runner.setReleases(async () => {
    const list = await (options.releases?.() ?? Promise.resolve({ error: 'no release list given' }))
    if ('error' in list)
      notices.push(
        `available-security-fixes NOT checked: Electron's release list could not be had (${list.error})`,
      )
    return list
  })
  const quiet = console.log
  let result: RawResult
  try {
    console.log = () => undefined // the tool prints notices of its own
    result = await runner.run(
      { input: dir, isRelative: true, customScan: [], excludeFromScan: [], parserPlugins: [] },
      false,
    )
  } finally {
    console.log = quiet
    rmSync(releaseDir, { recursive: true, force: true })
  }
  const toRelative = (file: string) => (file.startsWith('/') ? relative(dir, file) : file)
  const texts = new Map<string, string>()
  const textOf = (file: string) => {
    if (!texts.has(file)) texts.set(file, readFileSync(resolve(dir, file), 'utf8'))
    return texts.get(file) as string
  }
  const findings: Finding[] = result.issues.map((issue) => {
    const file = toRelative(issue.file)
    return {
      check: issue.id,
      file,
      line: issue.location.line,
      column: issue.location.column,
      severity: issue.severity.name,
      confidence: issue.confidence.name,
      description: issue.description,
      code: issue.location.line > 0 ? codeAt(textOf(file), issue.location.line, issue.location.column) : '',
    }
  })
  for (const error of result.errors.filter((item) => !item.tolerable)) {
    findings.push({
      check: 'PARSE_ERROR',
      file: toRelative(error.file),
      line: 0,
      severity: 'HIGH',
      confidence: 'CERTAIN',
      description: `not scanned: ${error.message}`,
      code: '',
    })
  }
  return { findings, notices }
}

/** Electron's release list from GitHub, with a time limit (the audit's real port). */
export function fetchElectronReleases(timeoutMs = 20_000): ReleaseListPort {
  return async () => {
    try {
      const response = await fetch(RELEASES_URL, { signal: AbortSignal.timeout(timeoutMs) })
      if (!response.ok) return { error: `HTTP ${response.status}` }
      return { releases: (await response.json()) as ElectronRelease[] }
    } catch (error) {
      // fetch's own message is just "fetch failed"; the reason (ENOTFOUND, ECONNREFUSED, a
      // timeout) is in its cause.
      const cause = (error as { cause?: { code?: string; message?: string } }).cause
      const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))
      return { error: `${RELEASES_URL}: ${reason}` }
    }
  }
}
