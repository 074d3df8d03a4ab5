// The gate is only as good as the scan under it: prove Electronegativity, run the way the
// audit runs it, really reports a dangerous window, a file it cannot parse and an Electron
// with newer security fixes.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { scanWithElectronegativity, type ElectronRelease } from './electronegativity-scan'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function project(electron: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-scan-test-'))
  dirs.push(dir)
  mkdirSync(join(dir, 'main'))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'probe', devDependencies: { electron } }))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

const releases: ElectronRelease[] = [
  {
    version: '45.5.1',
    tag_name: 'v45.5.1',
    body: '# Release Notes\n## Security\n# Security\n* CVE fix',
    npm_dist_tags: ['latest'],
  },
  { version: '45.5.0', tag_name: 'v45.5.0', body: '# Release Notes\n* fixes', npm_dist_tags: [] },
]

describe('scanWithElectronegativity', () => {
  it('reports nodeIntegration, disabled context isolation and unparseable files, with relative paths and code', async () => {
    const dir = project('^39.0.0', {
      'main/window.ts': `import { BrowserWindow } from 'electron'\nexport const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } })\n`,
      'main/broken.ts': 'export const = = ;\n',
    })

    const { findings } = await scanWithElectronegativity(dir)

    const byCheck = (check: string) => findings.find((finding) => finding.check === check)
    expect(byCheck('NODE_INTEGRATION_JS_CHECK')).toMatchObject({ file: 'main/window.ts', line: 2 })
    expect(byCheck('CONTEXT_ISOLATION_JS_CHECK')).toMatchObject({ file: 'main/window.ts', severity: 'HIGH' })
    expect(byCheck('CONTEXT_ISOLATION_JS_CHECK')?.code).toContain('contextIsolation:false')
    expect(byCheck('PARSE_ERROR')).toMatchObject({ file: 'main/broken.ts', severity: 'HIGH', code: '' })
  })

  it('reports security fixes released after the pinned Electron (the check is on)', async () => {
    const dir = project('45.5.0', { 'main/index.ts': 'export const x = 1\n' })
    const { findings, notices } = await scanWithElectronegativity(dir, {
      releases: () => Promise.resolve({ releases }),
    })
    expect(
      findings.find((finding) => finding.check === 'AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK'),
    ).toMatchObject({
      file: 'package.json',
      code: '',
    })
    expect(notices).toEqual([])
  })

  it('reports nothing for the newest Electron', async () => {
    const dir = project('45.5.1', { 'main/index.ts': 'export const x = 1\n' })
    const { findings } = await scanWithElectronegativity(dir, {
      releases: () => Promise.resolve({ releases }),
    })
    expect(findings.map((finding) => finding.check)).not.toContain('AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK')
  })

  it('says plainly that the fixes were not checked when the release list cannot be had', async () => {
    const dir = project('45.5.0', { 'main/index.ts': 'export const x = 1\n' })
    const { notices } = await scanWithElectronegativity(dir, {
      releases: () => Promise.resolve({ error: 'getaddrinfo ENOTFOUND raw.githubusercontent.com' }),
    })
    expect(notices).toEqual([
      "available-security-fixes NOT checked: Electron's release list could not be had (getaddrinfo ENOTFOUND raw.githubusercontent.com)",
    ])
  })
})
