// Pure part of the Electronegativity gate: which findings fail the build and why.
import { z } from 'zod'

export type Severity = 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL'

export interface Finding {
  check: string
  file: string
  line: number
  severity: Severity
  confidence: string
  description: string
}

export const allowlistSchema = z.object({
  entries: z.array(
    z.object({
      check: z.string().min(1),
      file: z.string().min(1),
      reason: z.string().trim().min(20, 'explain why this finding is a false positive (20+ characters)'),
    }),
  ),
})

export type Allowlist = z.infer<typeof allowlistSchema>
export type AllowlistEntry = Allowlist['entries'][number]

const GATED: ReadonlySet<Severity> = new Set(['HIGH', 'MEDIUM'])

export interface AuditVerdict {
  unexplained: Finding[]
  explained: { finding: Finding; reason: string }[]
  belowGate: Finding[]
  /** Allowlist entries that matched nothing: the code changed, so the explanation may be stale. */
  stale: AllowlistEntry[]
}

export function judgeFindings(findings: Finding[], allowlist: Allowlist): AuditVerdict {
  const verdict: AuditVerdict = { unexplained: [], explained: [], belowGate: [], stale: [] }
  const used = new Set<AllowlistEntry>()
  for (const finding of findings) {
    if (!GATED.has(finding.severity)) {
      verdict.belowGate.push(finding)
      continue
    }
    const entry = allowlist.entries.find(
      (candidate) => candidate.check === finding.check && candidate.file === finding.file,
    )
    if (entry) {
      used.add(entry)
      verdict.explained.push({ finding, reason: entry.reason })
    } else {
      verdict.unexplained.push(finding)
    }
  }
  verdict.stale = allowlist.entries.filter((entry) => !used.has(entry))
  return verdict
}

export function summaryLine(scannedFiles: number, verdict: AuditVerdict): string {
  const gated = verdict.unexplained.length + verdict.explained.length
  const status = verdict.unexplained.length === 0 ? 'PASS' : 'FAIL'
  return `security audit ${status}: ${scannedFiles} files, ${gated} high/medium (${verdict.explained.length} explained, ${verdict.unexplained.length} unexplained), ${verdict.belowGate.length} low/info`
}
