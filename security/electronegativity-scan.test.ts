// The gate is only as good as the scan under it: prove Electronegativity, run the way the
// audit runs it, really reports a dangerous window and a file it cannot parse.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { scanWithElectronegativity } from './electronegativity-scan'

const dir = mkdtempSync(join(tmpdir(), 'parley-scan-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('scanWithElectronegativity', () => {
  it('reports nodeIntegration, disabled context isolation and unparseable files, with relative paths', async () => {
    mkdirSync(join(dir, 'main'))
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'probe', devDependencies: { electron: '^39.0.0' } }),
    )
    writeFileSync(
      join(dir, 'main/window.ts'),
      `import { BrowserWindow } from 'electron'\nexport const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } })\n`,
    )
    writeFileSync(join(dir, 'main/broken.ts'), 'export const = = ;\n')

    const findings = await scanWithElectronegativity(dir)

    const byCheck = (check: string) => findings.find((finding) => finding.check === check)
    expect(byCheck('NODE_INTEGRATION_JS_CHECK')).toMatchObject({ file: 'main/window.ts', line: 2 })
    expect(byCheck('CONTEXT_ISOLATION_JS_CHECK')).toMatchObject({ file: 'main/window.ts', severity: 'HIGH' })
    expect(byCheck('PARSE_ERROR')).toMatchObject({ file: 'main/broken.ts', severity: 'HIGH' })
  })
})
