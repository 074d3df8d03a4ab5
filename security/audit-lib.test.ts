import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { allowlistSchema, judgeFindings, summaryLine, type Finding } from './audit-lib'

const finding = (check: string, file: string, severity: Finding['severity']): Finding => ({
  check,
  file,
  line: 1,
  severity,
  confidence: 'FIRM',
  description: check,
})
const explained = {
  check: 'PROTOCOL_HANDLER_JS_CHECK',
  file: 'main/app/electron-app.ts',
  reason: 'click-to-call is the feature; links are parsed strictly',
}

describe('judgeFindings', () => {
  it('fails an unexplained high or medium finding', () => {
    const verdict = judgeFindings(
      [
        finding('LIMIT_NAVIGATION_GLOBAL_CHECK', 'main/window/main-window.ts', 'HIGH'),
        finding('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'main/index.ts', 'MEDIUM'),
      ],
      { entries: [] },
    )
    expect(verdict.unexplained.map((item) => item.check)).toEqual([
      'LIMIT_NAVIGATION_GLOBAL_CHECK',
      'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
    ])
    expect(summaryLine(10, verdict)).toBe(
      'security audit FAIL: 10 files, 2 high/medium (0 explained, 2 unexplained), 0 low/info',
    )
  })

  it('passes a finding explained for that check in that file, and only there', () => {
    const verdict = judgeFindings(
      [
        finding('PROTOCOL_HANDLER_JS_CHECK', 'main/app/electron-app.ts', 'MEDIUM'),
        finding('PROTOCOL_HANDLER_JS_CHECK', 'main/other.ts', 'MEDIUM'),
      ],
      { entries: [explained] },
    )
    expect(verdict.explained).toEqual([
      {
        finding: finding('PROTOCOL_HANDLER_JS_CHECK', 'main/app/electron-app.ts', 'MEDIUM'),
        reason: explained.reason,
      },
    ])
    expect(verdict.unexplained.map((item) => item.file)).toEqual(['main/other.ts'])
  })

  it('lets low and informational findings through without an explanation', () => {
    const verdict = judgeFindings(
      [
        finding('CSP_GLOBAL_CHECK', 'renderer/index.html', 'LOW'),
        finding('ELECTRON_VERSION_JSON_CHECK', 'package.json', 'INFORMATIONAL'),
      ],
      { entries: [] },
    )
    expect(verdict.unexplained).toEqual([])
    expect(verdict.belowGate).toHaveLength(2)
    expect(summaryLine(3, verdict)).toBe(
      'security audit PASS: 3 files, 0 high/medium (0 explained, 0 unexplained), 2 low/info',
    )
  })

  it('reports allowlist entries that no longer match any finding', () => {
    expect(judgeFindings([], { entries: [explained] }).stale).toEqual([explained])
  })
})

describe('allowlist file', () => {
  it('refuses an entry without a real explanation', () => {
    expect(allowlistSchema.safeParse({ entries: [{ check: 'X', file: 'a.ts', reason: 'fp' }] }).success).toBe(
      false,
    )
  })

  it('is valid as checked in', () => {
    const raw = JSON.parse(
      readFileSync(join(import.meta.dirname, 'electronegativity-allowlist.json'), 'utf8'),
    ) as unknown
    expect(allowlistSchema.parse(raw).entries.every((entry) => entry.reason.length >= 20)).toBe(true)
  })
})
