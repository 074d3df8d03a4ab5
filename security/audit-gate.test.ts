// The allowlist explains code, not files: the real allowlist, the real scanner, and an
// allowlisted file with one dangerous line added must fail (issue 12: check + file alone let
// `ignore-certificate-errors` through).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { allowlistSchema, judgeFindings } from './audit-lib'
import { scanWithElectronegativity } from './electronegativity-scan'

const projectDir = resolve(import.meta.dirname, '..')
const allowlist = allowlistSchema.parse(
  JSON.parse(readFileSync(join(projectDir, 'security/electronegativity-allowlist.json'), 'utf8')),
)
const stage = mkdtempSync(join(tmpdir(), 'parley-audit-gate-'))
afterAll(() => rmSync(stage, { recursive: true, force: true }))

async function auditAppModule(extraLine?: string) {
  const file = 'main/app/electron-app.ts'
  rmSync(join(stage, 'main'), { recursive: true, force: true })
  mkdirSync(join(stage, 'main/app'), { recursive: true })
  cpSync(join(projectDir, 'package.json'), join(stage, 'package.json'))
  const source = readFileSync(join(projectDir, file), 'utf8')
  const changed = extraLine
    ? source.replace(
        "app.commandLine.appendSwitch('disable-features', 'HardwareMediaKeyHandling')",
        (line) => `${line}\n  ${extraLine}`,
      )
    : source
  expect(changed === source).toBe(extraLine === undefined)
  writeFileSync(join(stage, file), changed)
  const { findings } = await scanWithElectronegativity(stage)
  // Alone, the file also trips app-wide checks (no permission handler here): judge its own code.
  return judgeFindings(
    findings.filter((finding) => finding.file === file),
    allowlist,
  )
}

describe('the audit gate', () => {
  it('passes the allowlisted file as it is', async () => {
    const verdict = await auditAppModule()
    expect(verdict.unexplained).toEqual([])
    expect(verdict.explained.length).toBeGreaterThanOrEqual(2)
  })

  it('fails when ignore-certificate-errors is added to that allowlisted file', async () => {
    const verdict = await auditAppModule("app.commandLine.appendSwitch('ignore-certificate-errors')")
    expect(verdict.unexplained).toMatchObject([
      {
        check: 'CUSTOM_ARGUMENTS_JS_CHECK',
        file: 'main/app/electron-app.ts',
        code: 'app.commandLine.appendSwitch("ignore-certificate-errors")',
      },
    ])
  })
})
