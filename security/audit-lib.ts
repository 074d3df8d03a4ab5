// Pure part of the Electronegativity gate: which findings fail the build and why.
import { z } from 'zod'

export type Severity = 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL'

export interface Finding {
  check: string
  file: string
  line: number
  column?: number
  severity: Severity
  confidence: string
  description: string
  /**
   * The flagged code, normalised (codeAt): what an allowlist entry must match. Empty for
   * findings without a code location (global checks, parse errors): those cannot be explained.
   */
  code: string
}

export const allowlistSchema = z.object({
  entries: z.array(
    z.object({
      check: z.string().min(1),
      /** The flagged code exactly as codeAt normalises it (the audit prints it for new findings). */
      code: z.string().min(1, 'name the exact code the explanation covers'),
      /** Every file where that code may appear: its source and the built bundle. */
      files: z.array(z.string().min(1)).min(1),
      reason: z.string().trim().min(20, 'explain why this finding is a false positive (20+ characters)'),
    }),
  ),
})

export type Allowlist = z.infer<typeof allowlistSchema>
export type AllowlistEntry = Allowlist['entries'][number]

const GATED: ReadonlySet<Severity> = new Set(['HIGH', 'MEDIUM'])
// Gated whatever severity the tool gives: it rates fixes for an Electron pinned under
// devDependencies (where electron-builder wants it) as informational, but it ships all the same.
const ALWAYS_GATED: ReadonlySet<string> = new Set(['AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK'])

export interface AuditVerdict {
  unexplained: Finding[]
  explained: { finding: Finding; reason: string }[]
  belowGate: Finding[]
  /** Entry files that matched nothing: the code changed, so the explanation may be stale. */
  stale: { entry: AllowlistEntry; file: string }[]
}

export function judgeFindings(findings: Finding[], allowlist: Allowlist): AuditVerdict {
  const verdict: AuditVerdict = { unexplained: [], explained: [], belowGate: [], stale: [] }
  const used = new Set<string>()
  const key = (entryIndex: number, file: string) => `${entryIndex}\u0000${file}`
  for (const finding of findings) {
    if (!GATED.has(finding.severity) && !ALWAYS_GATED.has(finding.check)) {
      verdict.belowGate.push(finding)
      continue
    }
    const index = allowlist.entries.findIndex(
      (candidate) =>
        candidate.check === finding.check &&
        candidate.files.includes(finding.file) &&
        finding.code !== '' &&
        candidate.code === finding.code,
    )
    const entry = allowlist.entries[index]
    if (entry) {
      used.add(key(index, finding.file))
      verdict.explained.push({ finding, reason: entry.reason })
    } else {
      verdict.unexplained.push(finding)
    }
  }
  allowlist.entries.forEach((entry, index) => {
    for (const file of entry.files) if (!used.has(key(index, file))) verdict.stale.push({ entry, file })
  })
  return verdict
}

const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' }
const MAX_CODE = 600

/**
 * The code a finding points at, normalised so the TypeScript source and the bundle out/main
 * read the same: from the finding's column to the end of the expression there (brackets
 * balanced, strings skipped, at most MAX_CODE characters), with whitespace dropped, every
 * quote made `"` and trailing commas before a closing bracket removed.
 */
export function codeAt(text: string, line: number, column = 0): string {
  if (line < 1) return ''
  const lines = text.split('\n')
  if (line > lines.length) return ''
  const rest = [lines[line - 1]?.slice(column) ?? '', ...lines.slice(line)].join('\n')
  let depth = 0
  let end = rest.length
  let quote: string | null = null
  for (let index = 0; index < rest.length && index < MAX_CODE; index += 1) {
    const char = rest[index] as string
    if (quote) {
      if (char === '\\') index += 1
      else if (char === quote) quote = null
      continue
    }
    if (char === '"' || char === "'" || char === '`') quote = char
    else if (char in OPENERS) depth += 1
    else if (char === ')' || char === ']' || char === '}') {
      depth -= 1
      if (depth <= 0) {
        end = index + 1
        break
      }
    } else if (depth === 0 && (char === '\n' || char === ';' || char === ',')) {
      end = index
      break
    }
    end = index + 1
  }
  return rest
    .slice(0, end)
    .replace(/\s+/g, '')
    .replace(/['`]/g, '"')
    .replace(/,([)\]}])/g, '$1')
}

export function summaryLine(scannedFiles: number, verdict: AuditVerdict): string {
  const gated = verdict.unexplained.length + verdict.explained.length
  const status = verdict.unexplained.length === 0 ? 'PASS' : 'FAIL'
  return `security audit ${status}: ${scannedFiles} files, ${gated} high/medium (${verdict.explained.length} explained, ${verdict.unexplained.length} unexplained), ${verdict.belowGate.length} low/info`
}
