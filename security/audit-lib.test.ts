import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { allowlistSchema, codeAt, judgeFindings, summaryLine, type Finding } from './audit-lib'

const REGISTER = 'app.setAsDefaultProtocolClient(scheme,processInfo.execPath,args)'
const finding = (check: string, file: string, severity: Finding['severity'], code = REGISTER): Finding => ({
  check,
  file,
  line: 1,
  severity,
  confidence: 'FIRM',
  description: check,
  code,
})
const explained = {
  check: 'PROTOCOL_HANDLER_JS_CHECK',
  code: REGISTER,
  files: ['main/app/electron-app.ts'],
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

  it('fails other code for the same check in an allowlisted file', () => {
    const verdict = judgeFindings(
      [
        finding('PROTOCOL_HANDLER_JS_CHECK', 'main/app/electron-app.ts', 'MEDIUM'),
        finding(
          'PROTOCOL_HANDLER_JS_CHECK',
          'main/app/electron-app.ts',
          'MEDIUM',
          'app.setAsDefaultProtocolClient("http")',
        ),
      ],
      { entries: [explained] },
    )
    expect(verdict.explained).toHaveLength(1)
    expect(verdict.unexplained.map((item) => item.code)).toEqual(['app.setAsDefaultProtocolClient("http")'])
  })

  it('never explains a finding without code (global checks, parse errors)', () => {
    const verdict = judgeFindings([finding('PARSE_ERROR', 'main/app/electron-app.ts', 'HIGH', '')], {
      entries: [{ ...explained, check: 'PARSE_ERROR', code: '' }],
    })
    expect(verdict.unexplained).toHaveLength(1)
  })

  it('gates available Electron security fixes whatever severity the tool gives them', () => {
    const fixes = finding('AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK', 'package.json', 'INFORMATIONAL', '')
    expect(judgeFindings([fixes], { entries: [] }).unexplained).toEqual([fixes])
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
    const both = { ...explained, files: ['main/app/electron-app.ts', 'out/main/index.js'] }
    const verdict = judgeFindings(
      [finding('PROTOCOL_HANDLER_JS_CHECK', 'main/app/electron-app.ts', 'MEDIUM')],
      {
        entries: [both],
      },
    )
    expect(verdict.stale).toEqual([{ entry: both, file: 'out/main/index.js' }])
  })
})

describe('allowlist file', () => {
  it('refuses an entry without a real explanation', () => {
    expect(allowlistSchema.safeParse({ entries: [{ ...explained, reason: 'fp' }] }).success).toBe(false)
  })

  it('refuses an entry that names no code (check and file alone)', () => {
    const { code: _code, ...withoutCode } = explained
    expect(allowlistSchema.safeParse({ entries: [withoutCode] }).success).toBe(false)
    expect(allowlistSchema.safeParse({ entries: [{ ...explained, code: '' }] }).success).toBe(false)
  })

  it('is valid as checked in', () => {
    const raw = JSON.parse(
      readFileSync(join(import.meta.dirname, 'electronegativity-allowlist.json'), 'utf8'),
    ) as unknown
    expect(allowlistSchema.parse(raw).entries.every((entry) => entry.reason.length >= 20)).toBe(true)
  })
})

describe('codeAt', () => {
  it('reads the TypeScript source and the bundle the same way', () => {
    const source = `  return schemes.filter((scheme) =>\n    app.setAsDefaultProtocolClient(scheme, processInfo.execPath, args),\n  )`
    const bundle = `\treturn clickToCallSchemes.filter((scheme) => app.setAsDefaultProtocolClient(scheme, processInfo.execPath, args));`
    expect(codeAt(source, 2, 4)).toBe(REGISTER)
    expect(codeAt(bundle, 1, 46)).toBe(REGISTER)
  })

  it('normalises quotes and the trailing commas of a wrapped call', () => {
    const wrapped = `app.commandLine.appendSwitch(\n  'disable-features',\n  'HardwareMediaKeyHandling',\n)\n`
    expect(codeAt(wrapped, 1)).toBe(
      'app.commandLine.appendSwitch("disable-features","HardwareMediaKeyHandling")',
    )
  })

  it('does not end the expression at a bracket inside a string', () => {
    expect(codeAt(`f(')', "a(b")\nnext()`, 1)).toBe('f(")","a(b")')
  })

  it('has no code for a finding without a line', () => {
    expect(codeAt('anything', 0)).toBe('')
  })
})
