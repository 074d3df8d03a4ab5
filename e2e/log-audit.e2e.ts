import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, inject, test } from 'vitest'
import { startApp } from './harness/app-fixture'

// Runs last (e2e/vitest.config.ts): every app of this e2e run wrote its real log file under
// logRoot, through the same FileLogger the app uses. None may hold the test password or an
// Authorization value, whatever the suites did (sign-ins, wrong passwords, outages, crafted SIP).
const pbx = inject('pbx')
const logRoot = inject('logRoot')

function logFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return logFiles(path)
    return /^parley(\.\d+)?\.log$/.test(entry.name) ? [path] : []
  })
}

test('a secret that reaches the log through the window is taken out before it is written', async () => {
  const app = await startApp('log-audit', { user: '9801' })
  try {
    await app.waitRegistered()
    // What a careless module might do: log a whole SIP request, and the password itself.
    const written = await app.page.evaluate(
      async ([password]) =>
        (
          window as unknown as {
            parley: { invoke(channel: string, line: unknown): Promise<{ ok: boolean }> }
          }
        ).parley.invoke('log:write', {
          level: 'warn',
          scope: 'audit',
          message: `REGISTER sip:parley.test SIP/2.0\r\nAuthorization: Digest username="9801", response="0123456789abcdef0123456789abcdef"\r\n\r\nsecret was ${password}`,
        }),
      [pbx.password] as const,
    )
    expect(written.ok).toBe(true)
  } finally {
    await app.close()
  }
})

test("the whole run's logs hold no password, no Authorization value and no digest response", () => {
  const files = logFiles(logRoot)
  expect(files.length, `log files under ${logRoot}`).toBeGreaterThan(0)
  const text = files.map((path) => readFileSync(path, 'utf8')).join('\n')
  // The logs are real: the window's lines about registering against Kamailio are in them.
  expect(text).toContain('renderer/session: registration registered')
  expect(text).toContain('renderer/audit: REGISTER sip:parley.test')
  expect(text).not.toContain(pbx.password)
  expect(text).not.toMatch(/authorization:\s*(?!\[redacted\])\S/i)
  expect(text).not.toMatch(/response\s*=\s*"?[0-9a-f]{32}/i)
})
